import Foundation
import LeadOSAPI
import LeadTopCore
import LeadTopRuntime
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens a profile of config.toml the way a start with `--profile NAME` would: its key (or key
/// command), URL, poll intervals and webhook port from the file, its own state directory, cache
/// and outbox. The connection flags and `LEADOS_*` variables given at start described the first
/// account, so they are not carried over: a key given for one account is never sent to another.
/// `--listen` and `--allow-insecure-http` are about this machine, not an account, and stay.
public struct ConfigProfileOpener: ProfileOpener {
    /// The inputs the dashboard started with.
    public var inputs: ConfigInputs
    /// The receiver `--listen` asked for, used by every profile; nil: each profile's `webhook_port`.
    public var listen: WebhookReceiverOptions?
    /// `--allow-insecure-http` was given.
    public var allowInsecureHTTP: Bool
    /// Logger and other settings every engine shares.
    public var syncTemplate: SyncOptions
    public var onExchange: (@Sendable (Exchange) -> Void)?

    public init(inputs: ConfigInputs, listen: WebhookReceiverOptions?, allowInsecureHTTP: Bool, syncTemplate: SyncOptions,
                onExchange: (@Sendable (Exchange) -> Void)?) {
        self.inputs = inputs; self.listen = listen; self.allowInsecureHTTP = allowInsecureHTTP
        self.syncTemplate = syncTemplate; self.onExchange = onExchange
    }

    /// The inputs for `profile`: the file and the process's other variables, no connection flags.
    func inputs(for profile: String) -> ConfigInputs {
        var inputs = self.inputs
        inputs.profileFlag = profile
        inputs.apiKeyFlag = nil
        inputs.apiURLFlag = nil
        for name in ["LEADOS_API_KEY", "LEADOS_API_URL", "LEADTOP_PROFILE"] { inputs.environment[name] = nil }
        return inputs
    }

    public func open(profile: String, sink: @escaping @Sendable (SyncUpdate) -> Void) throws -> OpenedProfile {
        let inputs = inputs(for: profile)
        let resolved = try LeadTopConfig.resolve(inputs)
        let statePath = LocalStore.path(profile: profile, environment: inputs.environment)
        let lock: StateLock
        do {
            lock = try StateLock.acquire(beside: statePath)
        } catch StateLockError.held(_, _, let holder) where holder?.pid == getpid() {
            throw ProfileOpenError.stillSending(profile: profile)
        }
        let store = try LocalStore(path: statePath)
        var options = syncTemplate
        options.intervals = resolved.pollIntervals
        options.webhook = listen ?? resolved.webhookPort.map { WebhookReceiverOptions(port: $0, publicURL: resolved.webhookPublicURL) }
        options.reloadAPIKey = { (try? LeadTopConfig.resolve(inputs))?.apiKey }
        options.account = resolved.account
        let engine = try SyncEngine(
            clientOptions: LeadOSClientOptions(
                baseURL: resolved.apiURL, apiKey: resolved.apiKey,
                allowInsecureHTTP: allowInsecureHTTP || resolved.allowInsecureHTTP, onExchange: onExchange),
            store: store, options: options, sink: sink)
        let exporter = LeadExporter(
            client: try LeadOSClient(options: LeadOSClientOptions(
                baseURL: resolved.apiURL, apiKey: resolved.apiKey,
                allowInsecureHTTP: allowInsecureHTTP || resolved.allowInsecureHTTP, onExchange: onExchange)),
            home: inputs.environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path)
        let account = ProfileAccount(name: profile, keySource: resolved.keySource.words(profile: profile),
                                     apiURL: resolved.apiURL.absoluteString, refreshAgeShownAfter: options.refreshAgeShownAfter)
        return OpenedProfile(engine: engine, account: account, exporter: exporter, resources: [lock])
    }
}

/// Why a profile could not be opened, beyond the config's and the store's own errors.
public enum ProfileOpenError: Error, Sendable, Hashable, CustomStringConvertible {
    /// This process switched away from the profile and is still sending its queued writes.
    case stillSending(profile: String)

    public var description: String {
        switch self {
        case .stillSending(let profile):
            return "profile \(profile) is still sending the writes queued for it; try again in a few seconds"
        }
    }
}
