import Foundation
import LeadOSAPI
import LeadTopCore

/// What one poll brought back.
enum PollResult: Sendable {
    /// The new leads and the cursor after them.
    case feed(FeedFetch, FeedCursor)
    /// The campaigns of up to `campaignPageLimit` pages, and whether LeadOS has more.
    case campaigns(CampaignWalk)
    case balance(Balance)
    /// The stats and the reply's bytes, which the cache stores as they came.
    case stats(DeliveryStats, body: Data)
    case feedbackSummary(FeedbackSummary)
}

/// What one walk over the campaign pages brought.
struct CampaignWalk: Sendable, Hashable {
    var items: [Campaign]
    /// Campaigns skipped because they did not decode.
    var unreadable: [UnreadableItem] = []
    /// The walk stopped at its page limit while LeadOS had more.
    var hasMore = false
    /// Pages fetched (requests made).
    var pages = 1
}

extension CampaignWalk {
    init(_ collected: CollectedPages<Campaign>) {
        self.init(items: collected.items, unreadable: collected.unreadable, hasMore: collected.hasMore, pages: collected.pages)
    }
}

/// What LeadOS returned for an accepted write.
enum WriteResult: Sendable, Hashable {
    case feedback(Feedback)
    case campaign(Campaign)
    case suppression(SuppressionResult)
}
