import LeadTopCore
import LeadTopRuntime

/// What the dashboard asks of its sync engine. `SyncEngine` is the real one; a test scripts its
/// own to answer with exactly the updates it wants, when it wants.
public protocol SyncDriver: AnyObject, Sendable {
    func start()
    func stop()
    /// Hands over to another profile's engine (see `SyncEngine.retire`).
    func retire(receiverClosed: @escaping @Sendable () -> Void, finished: @escaping @Sendable (Int) -> Void)
    func enqueue(_ command: WriteCommand)
    func refreshNow()
    func setStatsScope(campaignID: String?)
    func loadFeedPage(_ request: FeedRequest)
    /// Every address of the cached leads passing a filter, answered with `.viewEmails`.
    func collectEmails(matching filter: FeedFilter)
    func setStatsRange(_ range: StatsRange)
    func withdraw(_ command: WriteCommand)
}

extension SyncEngine: SyncDriver {}
