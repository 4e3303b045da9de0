import Foundation
import LeadOSContract

/// The order of the campaigns pane, sorted in memory (an account has few campaigns). Without
/// one (`AppState.campaignOrder == nil`) campaigns keep LeadOS's order, newest created first.
public struct CampaignOrder: Sendable, Hashable {
    public enum Key: String, Sendable, Hashable, CaseIterable {
        case status, name, today, reason, days, leads, credits
    }

    public var key: Key
    public var descending: Bool

    public init(_ key: Key, descending: Bool) {
        self.key = key; self.descending = descending
    }

    /// Counts start from the largest, text from A.
    public static func starting(_ key: Key) -> CampaignOrder {
        switch key {
        case .status, .name, .reason: CampaignOrder(key, descending: false)
        case .today, .days, .leads, .credits: CampaignOrder(key, descending: true)
        }
    }

    public var reversed: CampaignOrder { CampaignOrder(key, descending: !descending) }

    /// The campaigns in this order, ties by id in the same direction; `series` are the
    /// sparklines' daily deliveries (DAYS sorts by their sum).
    public func sorted(_ campaigns: [Campaign], series: [String: [Int]]) -> [Campaign] {
        campaigns.sorted { a, b in
            let ascending: Bool
            switch key {
            case .status: ascending = Self.compare(a.status.rawValue, b.status.rawValue, a.id, b.id)
            case .name: ascending = Self.compare(a.name, b.name, a.id, b.id)
            case .reason: ascending = Self.compare(a.pausedReason?.rawValue ?? "", b.pausedReason?.rawValue ?? "", a.id, b.id)
            case .today: ascending = Self.compare(a.leadsDeliveredToday, b.leadsDeliveredToday, a.id, b.id)
            case .days:
                ascending = Self.compare((series[a.id] ?? []).reduce(0, +), (series[b.id] ?? []).reduce(0, +), a.id, b.id)
            case .leads: ascending = Self.compare(a.leadsDelivered, b.leadsDelivered, a.id, b.id)
            case .credits: ascending = Self.compare(a.creditsSpent, b.creditsSpent, a.id, b.id)
            }
            return descending ? !ascending && a.id != b.id : ascending
        }
    }

    /// LeadOS's own order: created_at descending, then id descending.
    public static func apiOrder(_ campaigns: [Campaign]) -> [Campaign] {
        campaigns.sorted { a, b in a.createdAt != b.createdAt ? a.createdAt > b.createdAt : b.id.utf8.lexicographicallyPrecedes(a.id.utf8) }
    }

    private static func compare<T: Comparable>(_ x: T, _ y: T, _ xid: String, _ yid: String) -> Bool {
        x != y ? x < y : xid.utf8.lexicographicallyPrecedes(yid.utf8)
    }

    private static func compare(_ x: String, _ y: String, _ xid: String, _ yid: String) -> Bool {
        x != y ? x.utf8.lexicographicallyPrecedes(y.utf8) : xid.utf8.lexicographicallyPrecedes(yid.utf8)
    }
}
