import Foundation
import LeadOSAPI

/// Fresh facts from the sync engine, delivered to the single state owner as actions.
public enum SyncUpdate: Sendable, Hashable {
    /// New or changed leads, in any order; the state dedupes them by id.
    case leads([Lead])
    /// Older leads read back from the local cache after the first screenful: added below what is
    /// shown, without NEW marks, so a big cache never delays the first frame.
    case cachedLeads([Lead])
    /// A full list of campaigns (one poll's result, or the cache at start).
    case campaigns([Campaign])
    /// One campaign that changed (e.g. after a pause or resume was applied).
    case campaign(Campaign)
    case balance(Balance)
    case stats(DeliveryStats)
    case feedbackSummary(FeedbackSummary)
    case connection(ConnectionStatus)
    /// A resource was refreshed successfully at this time.
    case refreshed(Resource, at: Date)
    /// Data shown came from the local cache and is stale until the first refresh.
    case loadedFromCache(at: Date)
    /// Writes still waiting in the outbox.
    case pendingWrites(Int)
    /// The latest `X-RateLimit-Remaining` / `-Limit` seen.
    case rateLimit(remaining: Int, limit: Int)
    case writeSettled(WriteOutcome)
}
