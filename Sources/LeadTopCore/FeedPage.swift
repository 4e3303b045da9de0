import Foundation
import LeadOSContract

/// A request for rows of the feed from the local cache: the rows `offset ..< offset + limit` of
/// the leads passing `filter`, in `order` (by default newest first: `delivered_at`, then id, both
/// descending).
///
/// The feed keeps only a window of rows in memory, so an account of 100,000 leads costs what
/// one of a thousand does; the rest stays in the cache and is read a page at a time.
public struct FeedRequest: Sendable, Hashable {
    public var filter: FeedFilter
    /// The order the rows are read in, over the whole cache (`<`, `>` and `r` on the feed).
    public var order: FeedOrder
    public var offset: Int
    public var limit: Int
    /// The feed's generation when asked; a page for an older generation is out of date (rows
    /// shifted or the filter changed since) and is dropped.
    public var generation: Int

    public init(filter: FeedFilter, order: FeedOrder = .newestFirst, offset: Int, limit: Int, generation: Int) {
        self.filter = filter; self.order = order; self.offset = max(0, offset); self.limit = max(0, limit); self.generation = generation
    }
}

/// The answer to a `FeedRequest`, read in one transaction so rows and counts agree.
public struct FeedPage: Sendable, Hashable {
    public var request: FeedRequest
    /// The rows asked for, in the request's order; fewer than `limit` at the end of the feed.
    public var leads: [Lead]
    /// How many leads pass the filter in all.
    public var matching: Int
    /// How many leads the cache holds in all.
    public var total: Int
    /// The cache's write counter when read: batches of leads stored at or before it are counted.
    public var version: Int64

    public init(request: FeedRequest, leads: [Lead], matching: Int, total: Int, version: Int64) {
        self.request = request; self.leads = leads; self.matching = matching; self.total = total; self.version = version
    }

    /// The reference answer over leads in memory: what the cache's query must return, used by
    /// tests and by states that are built without a cache.
    public static func answer(_ request: FeedRequest, from leads: [Lead], version: Int64 = 0) -> FeedPage {
        let passing = leads
            .filter { request.filter.matches($0, haystack: FeedFilter.haystack(for: $0)) }
            .sorted { request.order.precedes($0, $1) }
        let start = min(request.offset, passing.count)
        let rows = Array(passing[start..<min(passing.count, start + request.limit)])
        return FeedPage(request: request, leads: rows, matching: passing.count, total: leads.count, version: version)
    }
}

/// Leads the sync engine has just written to the local cache.
public struct StoredLeads: Sendable, Hashable {
    /// Leads the cache did not hold before: each one is a new row of the feed.
    public var added: [Lead]
    /// Leads that replaced a copy already stored (a duplicate delivery, changed feedback).
    public var changed: [Lead]
    /// The cache's write counter after this batch; nil when the batch could not be stored, so no
    /// page can have counted it.
    public var version: Int64?

    public init(added: [Lead], changed: [Lead] = [], version: Int64? = nil) {
        self.added = added; self.changed = changed; self.version = version
    }
}
