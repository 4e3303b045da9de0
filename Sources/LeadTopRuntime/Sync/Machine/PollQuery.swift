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
    /// The daily stats of one campaign (nil = all).
    case stats(campaignID: String?)
    case feedbackSummary

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
