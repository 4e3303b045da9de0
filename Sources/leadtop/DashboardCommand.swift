import ArgumentParser
import Dispatch
import Foundation
import LeadOSAPI
import LeadOSSimulator
import LeadTopApp
import LeadTopCLI
import LeadTopCore
import LeadTopRender
import LeadTopRuntime
import LeadTopTerminal
import Logging

/// `leadtop` (the default command): the dashboard, against LeadOS or, with `--demo`, against a
/// simulator started in this process.
struct DashboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Show campaigns, the live lead feed, delivery stats and credits (the default command).",
        discussion: """
            The log is $XDG_STATE_HOME/leadtop/leadtop.log (~/.local/state/leadtop/leadtop.log), \
            kept under 1 MB with one older file beside it.
            """
    )

    @Flag(help: "Run against a built-in LeadOS simulator on a free loopback port (push mode on).")
    var demo = false
    /// Where LeadOS is and which key: the same flags, resolved the same way, as the subcommands.
    @OptionGroup var account: ConnectionOptions
    @Option(help: "Theme name or path to a .toml theme file.") var theme: String?
    @Flag(name: .customLong("read-only"), help: "Disable every key that writes to LeadOS.") var readOnly = false
    @Option(help: "Push mode: run a webhook receiver on HOST:PORT and register it with LeadOS.") var listen: String?
    @Option(name: .customLong("public-url"), help: "URL LeadOS should call for push mode (default: the --listen address).")
    var publicURL: String?
    @Option(name: .customLong("log-level"),
            help: "debug (one line per request), info (connection changes) or warning, in $XDG_STATE_HOME/leadtop/leadtop.log.")
    var logLevel: LogLevel = .warning

    enum LogLevel: String, ExpressibleByArgument, CaseIterable {
        case debug, info, warning
        var level: Logger.Level {
            switch self {
            case .debug: .debug
            case .info: .info
            case .warning: .warning
            }
        }
    }

    func run() async throws {
        // Everything this process creates (the cache of leads above all) is private to its user.
        umask(0o077)
        let environment = ProcessInfo.processInfo.environment
        let trace = DashboardTrace(environment: environment)
        trace.record("start", MemoryTuning.arenasLimited ? "malloc_arenas=1" : "")
        EventLoopTuning.useOneEventLoop()
        let prepared: PreparedDashboard
        do {
            prepared = try await prepare(environment: environment, trace: trace)
        } catch {
            FileHandle.standardError.write(Data("leadtop: \(error)\n".utf8))
            throw ExitCode(2)
        }
        for warning in prepared.warnings { FileHandle.standardError.write(Data("leadtop: warning: \(warning)\n".utf8)) }

        let outcome = await runOnUIThread(prepared)
        // After `:profile` the session's engine is another one than the first.
        prepared.session.currentEngine?.stop()
        await prepared.simulator?.stop()
        prepared.cleanUp()
        switch outcome {
        case .success(.signal(let number)):
            throw ExitCode(128 + number)
        case .success:
            return
        case .failure(let error):
            FileHandle.standardError.write(Data("leadtop: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// Everything that can fail before the screen is taken: config, theme, simulator, database.
    private func prepare(environment: [String: String], trace: DashboardTrace) async throws -> PreparedDashboard {
        let connection = demo ? try await demoConnection() : try configuredConnection(environment: environment)
        trace.record("phase", "config")
        let (theme, themeWarnings) = try ThemeLocator.theme(named: self.theme ?? connection.configuredTheme, environment: environment)
        trace.record("phase", "theme")
        // Before the store opens: a second dashboard on the same state directory stops here.
        let lock = try StateLock.acquire(beside: connection.statePath)
        let store = try LocalStore(path: connection.statePath)
        var syncOptions = SyncOptions(intervals: connection.intervals, webhook: connection.webhook)
        // Read on other cores while the terminal, the state and the HTTP client are set up: begun
        // before the arguments were parsed when they named this database (`EarlyCacheRead`).
        let cacheReadAhead = EarlyCacheRead.take()?.adopt(store, options: syncOptions)
            ?? CacheReadAhead(store: store, options: syncOptions)
        trace.record("phase", "store")
        let logger = try RequestLog.logger(environment: environment, level: logLevel.level)
        let app = try TerminalApp(environment: environment, mouse: connection.mouse)
        var settings = AppState.Settings(
            readOnly: readOnly, keySource: connection.keySource, apiURL: connection.baseURL.absoluteString,
            isDemo: demo, mouse: connection.mouse, keys: connection.keys, notify: connection.notify, startedAt: Date(),
            profile: connection.profile)
        settings.advanceAfterRating = connection.ratingAdvance
        settings.refreshAgeShownAfter = syncOptions.refreshAgeShownAfter
        var state = AppState(now: Date(), settings: settings)
        state.profileNames = connection.profileNames
        let history = CommandHistoryFile(besideDatabase: connection.statePath)
        state.commandHistory = history.load()
        state.themeNames = ThemeLocator.names(environment: environment)
        if let recovery = store.recoveryStatus {
            state.message = StatusMessage(recovery, kind: .error, expiresAt: Date().addingTimeInterval(30))
        }
        let session = DashboardSession(state: state, theme: theme, screen: app, trace: trace)
        syncOptions.reloadAPIKey = connection.reloadAPIKey
        syncOptions.account = connection.account
        syncOptions.logger = logger
        let engine = try SyncEngine(
            clientOptions: LeadOSClientOptions(
                baseURL: connection.baseURL, apiKey: connection.apiKey, allowInsecureHTTP: connection.allowInsecureHTTP,
                onExchange: RequestLog.recorder(logger)),
            store: store, options: syncOptions,
            sink: session.syncSink())
        trace.record("phase", "engine")
        session.profileResources = [lock]
        if let inputs = connection.configInputs {
            session.profileOpener = ConfigProfileOpener(
                inputs: inputs, listen: connection.listen, allowInsecureHTTP: account.insecureHTTPAllowed,
                syncTemplate: syncOptions, onExchange: RequestLog.recorder(logger))
        }
        // Its own client with the contract's retries (the engine's tries once and polls again).
        let exporter = LeadExporter(
            client: try LeadOSClient(options: LeadOSClientOptions(
                baseURL: connection.baseURL, apiKey: connection.apiKey, allowInsecureHTTP: connection.allowInsecureHTTP,
                onExchange: RequestLog.recorder(logger))),
            home: environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path)
        session.effects = EffectInterpreter(engine: engine, screen: app, commandHistory: history, notify: connection.notify,
                                            exporter: exporter, post: { [session] action in session.post(action) },
                                            browser: BrowserLauncher(environment: environment))
        session.loadTheme = ThemeLocator.loader(environment: environment)
        let editor = ExternalEditor(environment: environment)
        session.editCampaign = { request in editor.edit(request) }
        var prepared = PreparedDashboard(session: session, app: app, engine: engine, cacheReadAhead: cacheReadAhead,
                                         connection: connection, storeWarnings: store.warnings)
        prepared.connection.warnings += themeWarnings
        return prepared
    }

    /// A simulator in this process, its state in a temporary directory, push mode on.
    private func demoConnection() async throws -> Connection {
        let simulator = try await SimulatorServer.start(SimulatorOptions(leadEvery: 2))
        // mkdtemp: a new directory (0700) of an unpredictable name, never one someone else made
        // in the shared temporary directory beforehand.
        let pattern = FileManager.default.temporaryDirectory.appendingPathComponent("leadtop-demo-XXXXXX").path
        var template = Array(pattern.utf8CString)
        guard let made = mkdtemp(&template) else {
            throw StateDirectoryError.cannotCreate(path: pattern, errno: errno)
        }
        let directory = URL(fileURLWithPath: String(cString: made))
        return Connection(
            baseURL: simulator.baseURL, apiKey: simulator.apiKey, allowInsecureHTTP: false,
            statePath: directory.appendingPathComponent("leadtop.sqlite").path, intervals: .standard,
            webhook: WebhookReceiverOptions(port: 0), configuredTheme: nil, warnings: [],
            keySource: "the built-in simulator", mouse: true, keys: .standard, reloadAPIKey: nil, account: "demo",
            simulator: simulator, temporaryDirectory: directory)
    }

    /// Flags, then `LEADOS_*` variables, then the config file.
    private func configuredConnection(environment: [String: String]) throws -> Connection {
        let inputs = account.configInputs(environment: environment)
        let resolved = try LeadTopConfig.resolve(inputs)
        var webhook: WebhookReceiverOptions?
        var listenOptions: WebhookReceiverOptions?
        if let listen {
            let (host, port) = try ListenAddress.parse(listen)
            listenOptions = WebhookReceiverOptions(port: port, host: host, publicURL: try publicURL.map(ListenAddress.url))
            webhook = listenOptions
        } else if let port = resolved.webhookPort {
            webhook = WebhookReceiverOptions(port: port, publicURL: resolved.webhookPublicURL)
        }
        return Connection(
            baseURL: resolved.apiURL, apiKey: resolved.apiKey,
            allowInsecureHTTP: account.insecureHTTPAllowed || resolved.allowInsecureHTTP,
            statePath: LocalStore.path(profile: resolved.profile, environment: environment), intervals: resolved.pollIntervals,
            webhook: webhook, configuredTheme: resolved.theme, warnings: resolved.warnings,
            keySource: resolved.keySource.words(profile: resolved.profile), mouse: resolved.mouse, keys: resolved.keys,
            notify: resolved.notify, ratingAdvance: resolved.ratingAdvance,
            // R with a refused key reads the key again from the same place (flags and variables
            // cannot change, a config file or api_key_command can).
            reloadAPIKey: { (try? LeadTopConfig.resolve(inputs))?.apiKey },
            account: resolved.account,
            profile: resolved.profile, profileNames: resolved.profileNames, configInputs: inputs, listen: listenOptions,
            simulator: nil, temporaryDirectory: nil)
    }

    /// How long the first frame waits for the cache: longer than a 100,000-lead cache takes to
    /// read, short enough that a slow disk still shows the dashboard at once.
    static let firstFrameWait = DispatchTimeInterval.milliseconds(150)

    /// Runs the curses loop on a thread of its own, so it never blocks Swift concurrency's small
    /// thread pool (which the in-process simulator and webhook receiver run on).
    private func runOnUIThread(_ prepared: PreparedDashboard) async -> Result<TerminalApp.ExitReason, any Error> {
        prepared.session.post(.tick(now: Date()))
        let cacheShown = DispatchSemaphore(value: 0)
        prepared.engine.start(with: prepared.cacheReadAhead) { cacheShown.signal() }
        return await withCheckedContinuation { continuation in
            let thread = Thread { [session = prepared.session, app = prepared.app] in
                continuation.resume(returning: Result {
                    try app.run(
                        // The first frame shows the cache: once the terminal is set up, a read
                        // still under way is waited for (a large account's takes a few
                        // milliseconds more), since a frame drawn before it would be empty and
                        // redrawn at once, on a machine busy with the read.
                        opened: { width, height in
                            _ = cacheShown.wait(timeout: .now() + Self.firstFrameWait)
                            _ = session.handle(.resize(width: width, height: height))
                            _ = session.handle(.wake)
                        },
                        render: session.frame, handle: session.handle, framePresented: session.framePresented,
                        clockInterval: 1, clockDemand: session.nextClockChange)
                })
            }
            thread.name = "leadtop-ui"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}

/// Where the dashboard connects and keeps its state.
struct Connection {
    var baseURL: URL
    var apiKey: String
    var allowInsecureHTTP: Bool
    var statePath: String
    var intervals: PollIntervals
    var webhook: WebhookReceiverOptions?
    var configuredTheme: String?
    var warnings: [String]
    /// Where the key came from, in words.
    var keySource: String
    var mouse: Bool
    var keys: KeyTable
    var notify = NotifyRules()
    /// `[rating] advance`.
    var ratingAdvance = true
    var reloadAPIKey: (@Sendable () -> String?)?
    /// The profile and API URL, which the saved webhook registration belongs to.
    var account: String
    /// The config profile in use, and every profile `:profile` can switch to.
    var profile: String? = nil
    var profileNames: [String] = []
    /// What the config was resolved from, to open another profile the same way (nil: `--demo`).
    var configInputs: ConfigInputs? = nil
    /// The receiver `--listen` asked for, which every profile uses.
    var listen: WebhookReceiverOptions? = nil
    /// The in-process simulator of `--demo`.
    var simulator: SimulatorServer?
    /// Deleted on exit (`--demo` keeps no state).
    var temporaryDirectory: URL?
}

/// What `prepare` builds; torn down in reverse after the UI loop ends.
struct PreparedDashboard {
    var session: DashboardSession
    var app: TerminalApp
    var engine: SyncEngine
    /// The cache as the engine's start shows it, being read since the store opened.
    var cacheReadAhead: CacheReadAhead
    var connection: Connection
    /// Permissions tightened or a damaged database moved aside while opening the store.
    var storeWarnings: [String]

    var warnings: [String] { connection.warnings + storeWarnings }
    var simulator: SimulatorServer? { connection.simulator }

    func cleanUp() {
        if let directory = connection.temporaryDirectory { try? FileManager.default.removeItem(at: directory) }
    }
}
