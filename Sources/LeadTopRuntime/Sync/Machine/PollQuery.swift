import Foundation
import LeadOSAPI
import LeadTopCore

/// One poll as the machine asks for it: the resource and everything the request depends on, so
/// the executor only has to send it.
enum PollQuery: Sendable, Hashable {
    /// New leads after the cursor, `pageSize` a page.
    case feed(after: FeedCursor, pageSize: Int)
    /// Up to `maxPages` pages of campaigns, newest first.
    case campaigns(maxPages: Int)
    case balance
    /// The daily stats of one campaign (nil = all), over `dates` (nil: LeadOS's default, the
    /// last 30 days ending on its today).
    case stats(campaignID: String?, dates: StatsDates? = nil)
    case feedbackSummary

    /// `start_date` and `end_date` of a stats request, both inclusive (§7.2).
    struct StatsDates: Sendable, Hashable {
        var start: String
        var end: String
    }

    var resource: Resource {
        switch self {
        case .feed: .feed
        case .campaigns: .campaigns
        case .balance: .balance
        case .stats: .stats
        case .feedbackSummary: .feedbackSummary
        }
    }
}
