import LeadTopCore

/// One thing the sync engine keeps going on its own: a resource's poller, the outbox, the push
/// registration, the key check. Each has at most one timer and one failure on record, and the
/// connection details overlay names it by `rawValue`.
public enum SyncChannel: String, CaseIterable, Sendable, Hashable, Comparable {
    case feed, campaigns, balance, stats, feedbackSummary
    case outbox, push, keyCheck

    /// The poller of `resource`.
    public init(_ resource: Resource) {
        switch resource {
        case .feed: self = .feed
        case .campaigns: self = .campaigns
        case .balance: self = .balance
        case .stats: self = .stats
        case .feedbackSummary: self = .feedbackSummary
        }
    }

    /// The resource this channel polls; nil for the outbox, push and the key check.
    /// A poller's channel has its resource's raw value (a test holds them together).
    public var resource: Resource? { Resource(rawValue: rawValue) }

    /// By name, as the overlay lists them.
    public static func < (lhs: SyncChannel, rhs: SyncChannel) -> Bool { lhs.rawValue < rhs.rawValue }
}
