import Foundation
import LeadOSAPI

/// One thing to save in the local cache, so the next start shows it at once.
enum CacheWrite: Sendable, Hashable {
    /// The whole campaign list, in the API's order.
    case campaigns([Campaign])
    /// One campaign changed in place (a write or a push).
    case campaign(Campaign)
    case balance(Balance, at: Date)
    /// The stats as LeadOS sent them: encoding a big breakdown again costs more than keeping it.
    case stats(body: Data, at: Date)
    case feedbackSummary(FeedbackSummary, at: Date)
}
