import LeadTopCore
import LeadTopRuntime

/// The requests the dashboard makes of its sync engine. `SyncEngine` is the real one; a
/// test scripts its own to answer with exactly the updates it wants, when it wants.
public protocol SyncDriver: AnyObject, Sendable {
    func enqueue(_ command: WriteCommand)
    func refreshNow()
    func setStatsScope(campaignID: String?)
    func loadFeedPage(_ request: FeedRequest)
    func setStatsRange(_ range: StatsRange)
    func withdraw(_ command: WriteCommand)
}

extension SyncEngine: SyncDriver {}
