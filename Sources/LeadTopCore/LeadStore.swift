import Foundation
import LeadOSContract

/// Sort position of a lead: the feed shows leads by `delivered_at` descending, then id descending.
public struct LeadKey: Sendable, Hashable, Comparable {
    public var deliveredAt: Date
    public var id: String

    public init(_ lead: Lead) { deliveredAt = lead.deliveredAt; id = lead.id }

    public static func < (a: LeadKey, b: LeadKey) -> Bool {
        a.deliveredAt != b.deliveredAt ? a.deliveredAt < b.deliveredAt : a.id < b.id
    }
}

/// A lead in the feed's window, with when it arrived during this run (nil for leads that were
/// there at start), which drives its NEW mark.
public struct LeadEntry: Sendable, Hashable {
    public var lead: Lead
    public var arrivedAt: Date?
}

/// The feed's rows: a window of at most `capacity` consecutive rows held in memory, over all the
/// leads in the local cache that pass `filter`.
///
/// Counts are kept exact as leads arrive, so the feed can say "12,408 leads" and scroll to any of
/// them while only the rows near the screen are in memory; the rest are read from the cache a
/// page at a time (`request(scroll:rows:)` then `accept(_:)`). A frame never walks all leads.
public struct LeadStore: Sendable {
    public let capacity: Int
    public private(set) var filter: FeedFilter = .all
    /// The order of the rows, in memory as in the cache.
    public private(set) var order: FeedOrder = .newestFirst
    /// Leads in the cache.
    public private(set) var count = 0
    /// Leads passing the filter: the feed's length.
    public private(set) var visibleCount = 0
    /// False from a filter change until the first page for it arrives: the counts are unknown.
    public private(set) var isSettled = true
    /// The feed row of `window[0]`.
    public private(set) var windowStart = 0
    /// Rows `windowStart ..< windowStart + window.count`, in `order`.
    public private(set) var window: [LeadEntry] = []
    /// The cache write the counts include; batches stored at or before it are already counted.
    public private(set) var version: Int64 = 0
    /// Bumped whenever rows shift or the filter changes, so an older page is dropped.
    public private(set) var generation = 0
    /// The page asked for and not yet answered.
    public private(set) var pending: FeedRequest?
    /// Set when a read failed: no page is asked for until the next clock tick, so a broken cache
    /// is retried once a second rather than in a loop.
    public private(set) var isHoldingRequests = false
    /// NEW marks of leads that arrived during this run, so a page read back keeps them.
    private var arrivals: [String: Date] = [:]

    public init(capacity: Int = 600) {
        self.capacity = max(1, capacity)
    }

    public var windowEnd: Int { windowStart + window.count }

    public func entry(id: String) -> LeadEntry? {
        window.first { $0.lead.id == id }
    }

    /// The entry at a feed row (0 = newest passing the filter), nil when not in memory.
    public func entry(atRow row: Int) -> LeadEntry? {
        guard row >= windowStart, row < windowEnd else { return nil }
        return window[row - windowStart]
    }

    /// The feed row of a lead, or nil when it is not in the window.
    public func row(ofID id: String) -> Int? {
        window.firstIndex { $0.lead.id == id }.map { windowStart + $0 }
    }

    // MARK: - Arrivals

    /// Takes in leads just stored in the cache. Added leads are counted unless the window's last
    /// page already counted them (`version`); a lead already in the window is replaced in place.
    /// `arrivedAt` starts NEW marks. Returns whether rows shifted.
    @discardableResult
    public mutating func receive(_ stored: StoredLeads, arrivedAt: Date?) -> Bool {
        var shifted = false
        for lead in stored.changed { replace(lead) }
        let counted = stored.version.map { $0 > version } ?? true
        let inOrder = stored.added.count < 2 ? stored.added : stored.added.sorted { order.precedes($0, $1) }
        for lead in inOrder.reversed() {
            if let arrivedAt { arrivals[lead.id] = arrivedAt }
            if replace(lead) { continue }
            guard counted else { continue }
            count += 1
            guard isSettled, filter.matches(lead, haystack: FeedFilter.haystack(for: lead)) else { continue }
            insert(lead)
            shifted = true
        }
        if counted, let v = stored.version { version = v }
        if shifted {
            generation += 1
            pending = nil
        }
        pruneArrivals(now: arrivedAt)
        return shifted
    }

    /// Changes one lead's feedback in place (optimistic ratings and their rollback).
    public mutating func setFeedback(_ feedback: Feedback?, forLead id: String) {
        guard let index = window.firstIndex(where: { $0.lead.id == id }) else { return }
        window[index].lead.feedback = feedback
    }

    /// Replaces the filter. The rows and counts are unknown until the page `request` asks for
    /// arrives.
    public mutating func setFilter(_ newFilter: FeedFilter) {
        guard newFilter != filter else { return }
        filter = newFilter
        isSettled = false
        window = []
        windowStart = 0
        visibleCount = 0
        generation += 1
        pending = nil
    }

    /// Replaces the order. The counts stay; the rows are read again from the first one.
    public mutating func setOrder(_ newOrder: FeedOrder) {
        guard newOrder != order else { return }
        order = newOrder
        window = []
        windowStart = 0
        generation += 1
        pending = nil
    }

    // MARK: - Pages

    /// The page to read when the rows around the screen (`scroll ..< scroll + rows`, plus a
    /// screenful either side) are not all in memory and no page is on its way; it is then pending.
    public mutating func request(scroll: Int, rows: Int) -> FeedRequest? {
        guard pending == nil, !isHoldingRequests else { return nil }
        let rows = max(1, rows)
        if isSettled {
            let wanted = max(0, scroll - rows) ..< min(visibleCount, scroll + 2 * rows)
            if wanted.isEmpty || (wanted.lowerBound >= windowStart && wanted.upperBound <= windowEnd) { return nil }
        }
        let limit = max(capacity, 3 * rows)
        let offset = max(0, scroll - (limit - rows) / 2)
        let request = FeedRequest(filter: filter, order: order, offset: offset, limit: limit, generation: generation)
        pending = request
        return request
    }

    /// Takes in a page read from the cache; false (and nothing changes) when it is out of date.
    @discardableResult
    public mutating func accept(_ page: FeedPage) -> Bool {
        guard page.request.generation == generation, page.request.filter == filter, page.request.order == order else {
            if pending == page.request { pending = nil }
            return false
        }
        pending = nil
        isSettled = true
        count = page.total
        visibleCount = page.matching
        version = page.version
        windowStart = min(page.request.offset, page.matching)
        window = page.leads.map { LeadEntry(lead: $0, arrivedAt: arrivals[$0.id]) }
        return true
    }

    /// The request in flight failed: forget it, and ask again after the next tick.
    public mutating func abandon(_ request: FeedRequest) {
        if pending == request { pending = nil }
        isHoldingRequests = true
    }

    /// Lets requests go out again after a failed read (called on each clock tick).
    public mutating func resumeRequests() { isHoldingRequests = false }

    // MARK: - Window upkeep

    /// Replaces a lead already in the window, keeping its NEW mark; false when it is not there.
    @discardableResult
    private mutating func replace(_ lead: Lead) -> Bool {
        guard let index = window.firstIndex(where: { $0.lead.id == lead.id }) else { return false }
        window[index].lead = lead
        return true
    }

    /// Counts a new row and places it in the window when its position falls inside it.
    private mutating func insert(_ lead: Lead) {
        // Rows are in `order`: the first index whose lead comes after this one.
        var low = 0, high = window.count
        while low < high {
            let mid = (low + high) / 2
            if order.precedes(window[mid].lead, lead) { low = mid + 1 } else { high = mid }
        }
        let reachesEnd = windowEnd == visibleCount
        visibleCount += 1
        let entry = LeadEntry(lead: lead, arrivedAt: arrivals[lead.id])
        if low == 0 && windowStart > 0 {
            windowStart += 1  // before the window: it lands in the rows above
        } else if low < window.count || reachesEnd {
            window.insert(entry, at: low)
            if window.count > capacity { window.removeLast(window.count - capacity) }
        }
    }

    private mutating func pruneArrivals(now: Date?) {
        guard arrivals.count > capacity, let now else { return }
        let cutoff = now.addingTimeInterval(-3600)
        arrivals = arrivals.filter { $0.value > cutoff }
        if arrivals.count > capacity {
            let newest = arrivals.sorted { $0.value > $1.value }.prefix(capacity)
            arrivals = Dictionary(uniqueKeysWithValues: newest.map { ($0.key, $0.value) })
        }
    }
}
