import LeadTopCore
import LeadTopRuntime

/// Carries out the reducer's effects: the one place where an effect value becomes work.
public struct EffectInterpreter: Sendable {
    public let engine: any SyncDriver
    public let screen: any DashboardScreen
    /// Where the `:` history is kept; nil keeps it for this run only (`--demo`, tests).
    public let commandHistory: CommandHistoryFile?

    public init(engine: any SyncDriver, screen: any DashboardScreen, commandHistory: CommandHistoryFile? = nil) {
        self.engine = engine
        self.screen = screen
        self.commandHistory = commandHistory
    }

    /// `quit` and `switchTheme` change the session itself (it ends the loop, it holds the theme),
    /// so the session acts on them and they are not handled here.
    public func perform(_ effect: Effect) {
        switch effect {
        case .write(let command): engine.enqueue(command)
        case .refreshNow: engine.refreshNow()
        case .setStatsScope(let campaignID): engine.setStatsScope(campaignID: campaignID)
        case .loadFeed(let request): engine.loadFeedPage(request)
        case .setMouseCapture(let on): screen.setMouseCapture(on)
        case .saveCommandHistory(let commands): try? commandHistory?.save(commands)
        case .quit, .switchTheme: break
        }
    }
}
