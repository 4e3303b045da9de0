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
    public var resource: Resource? {
        switch self {
        case .feed: .feed
        case .campaigns: .campaigns
        case .balance: .balance
        case .stats: .stats
        case .feedbackSummary: .feedbackSummary
        case .outbox, .push, .keyCheck: nil
        }
    }

    /// By name, as the overlay lists them.
    public static func < (lhs: SyncChannel, rhs: SyncChannel) -> Bool { lhs.rawValue < rhs.rawValue }
}
