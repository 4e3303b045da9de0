import Dispatch
import LeadTopCore
import LeadTopRuntime

/// Carries out the reducer's effects: the one place where an effect value becomes work.
public struct EffectInterpreter: Sendable {
    /// Replaced when the dashboard moves to another profile.
    public var engine: any SyncDriver
    public let screen: any DashboardScreen
    /// Where the `:` history is kept; nil keeps it for this run only (`--demo`, tests).
    public let commandHistory: CommandHistoryFile?
    /// How notifications go out (`[notify]`), and the command to run for each, if any.
    public let notify: NotifyRules
    public let notificationCommand: NotificationCommand?
    /// Writes exports (`x`); nil where there is no LeadOS to read (an export then fails, saying so).
    /// Replaced with the engine when the dashboard moves to another profile.
    public var exporter: LeadExporter?
    /// Hands an export's progress and outcome back to the state's owner (`DashboardSession.post`).
    public let post: @Sendable (Action) -> Void
    /// Starts the browser for `o`.
    public let browser: BrowserLauncher

    public init(engine: any SyncDriver, screen: any DashboardScreen, commandHistory: CommandHistoryFile? = nil,
                notify: NotifyRules = NotifyRules(), exporter: LeadExporter? = nil,
                post: @escaping @Sendable (Action) -> Void = { _ in }, browser: BrowserLauncher = BrowserLauncher()) {
        self.engine = engine
        self.screen = screen
        self.commandHistory = commandHistory
        self.notify = notify
        self.notificationCommand = notify.command.map(NotificationCommand.init(command:))
        self.exporter = exporter
        self.post = post
        self.browser = browser
    }

    /// `quit`, `switchTheme` and `switchProfile` change the session itself (it ends the loop, it
    /// holds the theme and the engine), so the session acts on them and they are not handled here.
    /// `report` takes what comes back to the state later (a copy's outcome, a browser that failed,
    /// a file read).
    public func perform(_ effect: Effect, report: @escaping @Sendable (Action) -> Void = { _ in }) {
        switch effect {
        case .write(let command): engine.enqueue(command)
        case .refreshNow: engine.refreshNow()
        case .setStatsScope(let campaignID): engine.setStatsScope(campaignID: campaignID)
        case .loadFeed(let request): engine.loadFeedPage(request)
        case .setStatsRange(let range): engine.setStatsRange(range)
        case .withdrawWrite(let command): engine.withdraw(command)
        case .setMouseCapture(let on): screen.setMouseCapture(on)
        case .saveCommandHistory(let commands): try? commandHistory?.save(commands)
        case .notify(let notification):
            if notify.bell || notify.desktop {
                screen.alert(bell: notify.bell, desktop: notify.desktop ? ("leadtop", notification.text) : nil)
            }
            notificationCommand?.run(notification)
        case .export(let request):
            export(request)
        case .copyToClipboard(let copy):
            report(.handOn(.copied(what: copy.what, screen.copyToClipboard(copy.text))))
        case .openURL(let url):
            DispatchQueue.global(qos: .userInitiated).async { [browser] in
                browser.open(url) { failure in
                    if let failure { report(.handOn(.openFailed(url: url, reason: failure))) }
                }
            }
        case .collectEmails(let filter): engine.collectEmails(matching: filter)
        case .readSuppressionFile(let path):
            DispatchQueue.global(qos: .userInitiated).async { report(.handOn(SuppressionFile.read(path))) }
        case .quit, .switchTheme, .switchProfile, .editCampaignInEditor: break
        }
    }

    /// Off the UI thread: the walk and the file writes run on a task of their own.
    private func export(_ request: ExportRequest) {
        let post = self.post
        guard let exporter else {
            post(.export(.failed(path: request.path, reason: "exporting is not available here")))
            return
        }
        Task.detached {
            await exporter.run(request) { update in post(.export(update)) }
        }
    }
}
