import Foundation
import LeadOSAPI

/// Sort position of a lead: the feed shows leads by `delivered_at` descending, then id descending.
/// Keys are kept in ascending order so that the usual arrival (a newer lead) is an append.
public struct LeadKey: Sendable, Hashable, Comparable {
    public var deliveredAt: Date
    public var id: String

    public init(_ lead: Lead) { deliveredAt = lead.deliveredAt; id = lead.id }

    public static func < (a: LeadKey, b: LeadKey) -> Bool {
        a.deliveredAt != b.deliveredAt ? a.deliveredAt < b.deliveredAt : a.id < b.id
    }
}

/// A stored lead with what the feed needs about it besides the API object.
public struct LeadEntry: Sendable, Hashable {
    public var lead: Lead
    /// Lower-cased searchable text (see `FeedFilter.haystack`).
    public var haystack: String
    /// When it arrived during this run; nil for leads that were there at start. Drives the NEW mark.
    public var arrivedAt: Date?
}

/// The bounded lead store behind the feed: indexed by id, ordered, deduplicated, with the filtered
/// view maintained on every insert so drawing a frame never walks all leads.
public struct LeadStore: Sendable {
    public let capacity: Int
    public private(set) var filter: FeedFilter = .all
    private var entries: [String: LeadEntry] = [:]
    /// Every stored lead, oldest first.
    private var order: [LeadKey] = []
    /// The leads passing `filter`, oldest first.
    private var matching: [LeadKey] = []

    public init(capacity: Int = 100_000) {
        self.capacity = max(1, capacity)
    }

    public var count: Int { order.count }
    /// Number of leads the feed shows under the current filter.
    public var visibleCount: Int { matching.count }

    public func entry(id: String) -> LeadEntry? { entries[id] }

    /// The entry at a feed row (0 = newest passing the filter).
    public func entry(atRow row: Int) -> LeadEntry? {
        guard row >= 0, row < matching.count else { return nil }
        return entries[matching[matching.count - 1 - row].id]
    }

    /// The feed row of a lead, or nil when it is not shown. O(log n).
    public func row(ofID id: String) -> Int? {
        guard let entry = entries[id] else { return nil }
        let key = LeadKey(entry.lead)
        let index = Self.lowerBound(matching, key)
        guard index < matching.count, matching[index] == key else { return nil }
        return matching.count - 1 - index
    }

    /// Inserts new leads and replaces known ones (same id). Returns how many were new.
    @discardableResult
    public mutating func upsert(_ leads: [Lead], arrivedAt: Date?) -> Int {
        var added = 0
        for lead in leads {
            let haystack = FeedFilter.haystack(for: lead)
            if let old = entries[lead.id] {
                let oldKey = LeadKey(old.lead), newKey = LeadKey(lead)
                Self.remove(oldKey, from: &matching)
                if oldKey != newKey {
                    Self.remove(oldKey, from: &order)
                    order.insert(newKey, at: Self.lowerBound(order, newKey))
                }
                entries[lead.id] = LeadEntry(lead: lead, haystack: haystack, arrivedAt: old.arrivedAt)
                if filter.matches(lead, haystack: haystack) { Self.insert(newKey, into: &matching) }
            } else {
                let key = LeadKey(lead)
                Self.insert(key, into: &order)
                entries[lead.id] = LeadEntry(lead: lead, haystack: haystack, arrivedAt: arrivedAt)
                if filter.matches(lead, haystack: haystack) { Self.insert(key, into: &matching) }
                added += 1
            }
        }
        evictOverflow()
        return added
    }

    /// Changes one lead's feedback in place (optimistic ratings and their rollback).
    public mutating func setFeedback(_ feedback: Feedback?, forLead id: String) {
        entries[id]?.lead.feedback = feedback
    }

    /// Replaces the filter; the one place that walks every lead, and only when the user asks.
    public mutating func setFilter(_ newFilter: FeedFilter) {
        guard newFilter != filter else { return }
        filter = newFilter
        matching = order.filter { key in
            guard let e = entries[key.id] else { return false }
            return newFilter.matches(e.lead, haystack: e.haystack)
        }
    }

    // MARK: - Sorted-array helpers

    private mutating func evictOverflow() {
        let overflow = order.count - capacity
        guard overflow > 0 else { return }
        let evicted = order[0..<overflow]
        if let newestEvicted = evicted.last {
            let cut = Self.upperBound(matching, newestEvicted)
            matching.removeFirst(cut)
        }
        for key in evicted { entries[key.id] = nil }
        order.removeFirst(overflow)
    }

    private static func insert(_ key: LeadKey, into array: inout [LeadKey]) {
        if let last = array.last, last < key { array.append(key); return }
        if array.isEmpty { array.append(key); return }
        array.insert(key, at: lowerBound(array, key))
    }

    private static func remove(_ key: LeadKey, from array: inout [LeadKey]) {
        let index = lowerBound(array, key)
        if index < array.count, array[index] == key { array.remove(at: index) }
    }

    static func lowerBound(_ array: [LeadKey], _ key: LeadKey) -> Int {
        var low = 0, high = array.count
        while low < high {
            let mid = (low + high) / 2
            if array[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low
    }

    static func upperBound(_ array: [LeadKey], _ key: LeadKey) -> Int {
        var low = 0, high = array.count
        while low < high {
            let mid = (low + high) / 2
            if key < array[mid] { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
