import Foundation
import LeadTopCore

/// Seconds between polls per resource; 0 turns a resource's polling off.
public struct PollIntervals: Sendable, Hashable {
    public var feed: TimeInterval
    public var campaigns: TimeInterval
    public var balance: TimeInterval
    public var stats: TimeInterval
    public var feedbackSummary: TimeInterval

    public init(feed: TimeInterval = 2, campaigns: TimeInterval = 10, balance: TimeInterval = 15,
                stats: TimeInterval = 60, feedbackSummary: TimeInterval = 60) {
        self.feed = feed; self.campaigns = campaigns; self.balance = balance
        self.stats = stats; self.feedbackSummary = feedbackSummary
    }

    public static let standard = PollIntervals()

    public subscript(resource: Resource) -> TimeInterval {
        get {
            switch resource {
            case .feed: feed
            case .campaigns: campaigns
            case .balance: balance
            case .stats: stats
            case .feedbackSummary: feedbackSummary
            }
        }
        set {
            switch resource {
            case .feed: feed = newValue
            case .campaigns: campaigns = newValue
            case .balance: balance = newValue
            case .stats: stats = newValue
            case .feedbackSummary: feedbackSummary = newValue
            }
        }
    }
}
