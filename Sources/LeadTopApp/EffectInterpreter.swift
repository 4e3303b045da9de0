import LeadTopCore
import LeadTopRuntime

/// Carries out the reducer's effects: the one place where an effect value becomes work.
public struct EffectInterpreter: Sendable {
    public let engine: any SyncDriver
    public let screen: any DashboardScreen
    /// Where the `:` history is kept; nil keeps it for this run only (`--demo`, tests).
    public let commandHistory: CommandHistoryFile?
    /// How notifications go out (`[notify]`), and the command to run for each, if any.
    public let notify: NotifyRules
    public let notificationCommand: NotificationCommand?

    public init(engine: any SyncDriver, screen: any DashboardScreen, commandHistory: CommandHistoryFile? = nil,
                notify: NotifyRules = NotifyRules()) {
        self.engine = engine
        self.screen = screen
        self.commandHistory = commandHistory
        self.notify = notify
        self.notificationCommand = notify.command.map(NotificationCommand.init(command:))
    }

    /// `quit` and `switchTheme` change the session itself (it ends the loop, it holds the theme),
    /// so the session acts on them and they are not handled here.
    public func perform(_ effect: Effect) {
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
        case .quit, .switchTheme: break
        }
    }
}
