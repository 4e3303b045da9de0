import LeadTopCore

/// Carries out the reducer's effects: the one place where an effect value becomes work.
public struct EffectInterpreter: Sendable {
    public let engine: any SyncDriver
    public let screen: any DashboardScreen

    public init(engine: any SyncDriver, screen: any DashboardScreen) {
        self.engine = engine
        self.screen = screen
    }

    /// `quit` is the session's to act on (it ends the loop), so it is not handled here.
    public func perform(_ effect: Effect) {
        switch effect {
        case .write(let command): engine.enqueue(command)
        case .refreshNow: engine.refreshNow()
        case .setStatsScope(let campaignID): engine.setStatsScope(campaignID: campaignID)
        case .loadFeed(let request): engine.loadFeedPage(request)
        case .setMouseCapture(let on): screen.setMouseCapture(on)
        case .quit: break
        }
    }
}
