import Foundation
import LeadOSContract

/// Fresh facts from the sync engine, delivered to the single state owner as actions.
public enum SyncUpdate: Sendable, Hashable {
    /// Leads just written to the local cache, in any order.
    case leads(StoredLeads)
    /// Rows of the feed read from the local cache (at start, and for each `Effect.loadFeed`).
    case feedPage(FeedPage)
    /// Reading rows of the feed failed.
    case feedPageFailed(FeedRequest, message: String)
    /// A full list of campaigns (one poll's result, or the cache at start).
    case campaigns([Campaign])
    /// One campaign that changed (e.g. after a pause or resume was applied).
    case campaign(Campaign)
    case balance(Balance)
    case stats(DeliveryStats)
    case feedbackSummary(FeedbackSummary)
    case connection(ConnectionStatus)
    /// Everything failing right now, for the connection details overlay.
    case connectionReport(ConnectionReport)
    /// A resource was refreshed successfully at this time.
    case refreshed(Resource, at: Date)
    /// Data shown came from the local cache and is stale until the first refresh.
    case loadedFromCache(at: Date)
    /// Writes still waiting in the outbox.
    case pendingWrites(Int)
    /// The latest `X-RateLimit-Remaining` / `-Limit` seen.
    case rateLimit(remaining: Int, limit: Int)
    case writeSettled(WriteOutcome)
    /// The answer to `Effect.withdrawWrite`: removed from the outbox before it was sent, or not
    /// (already sent or on its way, or not found).
    case writeWithdrawn(WriteCommand, removed: Bool)
    /// Something the user should read once (e.g. push registered under a new URL).
    case notice(String)
    /// A poll skipped objects LeadOS sent that could not be read; the rest of the reply was used.
    case skippedUnreadable(Resource, [UnreadableItem])
    /// Whether LeadOS has more campaigns than the poll fetched (the list shown is the newest part).
    case moreCampaignsOnServer(Bool)
    /// The distinct email addresses of the cached leads passing a filter (`Effect.collectEmails`).
    case viewEmails(FeedFilter, [String])
    /// Reading those addresses from the cache failed.
    case viewEmailsFailed(FeedFilter, message: String)
    /// LeadOS's answer to a suppression write: how many were added, already there, invalid.
    case suppressionApplied(emails: [String], SuppressionResult)
}

extension SyncUpdate {
    /// False for the news of an idle poll (the time of the refresh): it changes only the refresh
    /// age, which is the clock's to draw when it is shown. A new rate budget is shown at once:
    /// the clock ticks only when something on screen reads it.
    public var needsFrame: Bool {
        switch self {
        case .refreshed: false
        default: true
        }
    }

    /// Leads new to the cache, for callers that have no cache (tests, fixtures).
    public static func newLeads(_ leads: [Lead]) -> SyncUpdate { .leads(StoredLeads(added: leads)) }
}
