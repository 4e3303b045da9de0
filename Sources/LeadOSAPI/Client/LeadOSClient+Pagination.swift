import Foundation
import LeadOSContract

/// Cursor pagination (API.md §5) as an `AsyncSequence` of pages: each step sends
/// `starting_after=<next_cursor>` with the same filters until `has_more` is false.
public struct PageSequence<Item: Codable & Sendable>: AsyncSequence, Sendable {
    public typealias Element = [Item]
    let fetch: @Sendable (_ startingAfter: String?) async throws -> ListEnvelope<Item>
    let firstCursor: String?
    /// Stops after this many pages, so a server that never says `has_more: false` cannot loop us forever.
    let maxPages: Int

    public struct AsyncIterator: AsyncIteratorProtocol {
        let sequence: PageSequence
        var cursor: String?
        var seenCursors: Set<String> = []
        var pages = 0
        var finished = false

        public mutating func next() async throws -> [Item]? {
            guard !finished, pages < sequence.maxPages else { return nil }
            let page = try await sequence.fetch(cursor)
            pages += 1
            if page.hasMore, let next = page.nextCursor {
                // A cursor seen before means the server is going in circles: stop rather than loop.
                if !seenCursors.insert(next).inserted {
                    throw LeadOSError.undecodable(status: 200, reason: "pagination cursor \(TextSanitizer.oneLine(next, max: 40)) repeated", excerpt: "")
                }
                cursor = next
            } else {
                finished = true
            }
            return page.data
        }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(sequence: self, cursor: firstCursor) }

    /// Collects every item of every page (up to `maxPages`).
    public func collect() async throws -> [Item] {
        try await collectPages().items
    }

    /// Collects up to `maxPages` pages, with the items that could not be read and whether the
    /// list went on beyond the last page fetched.
    public func collectPages() async throws -> CollectedPages<Item> {
        var result = CollectedPages<Item>()
        var cursor = firstCursor
        var seenCursors = Set<String>()
        for _ in 0..<Swift.max(1, maxPages) {
            let page = try await fetch(cursor)
            result.pages += 1
            result.items += page.data
            result.unreadable += page.unreadable
            guard page.hasMore, let next = page.nextCursor else { return result }
            if !seenCursors.insert(next).inserted {
                throw LeadOSError.undecodable(status: 200, reason: "pagination cursor \(TextSanitizer.oneLine(next, max: 40)) repeated", excerpt: "")
            }
            cursor = next
        }
        result.hasMore = true
        return result
    }
}

/// What a walk over a paginated list brought back.
public struct CollectedPages<Item: Sendable>: Sendable {
    public var items: [Item] = []
    /// Objects skipped because they did not decode; the rest of their pages was used.
    public var unreadable: [UnreadableItem] = []
    /// True when the walk stopped at its page limit while LeadOS still had more.
    public var hasMore = false
    /// Pages fetched (requests made).
    public var pages = 0
}

extension CollectedPages: Equatable where Item: Equatable {}

extension LeadOSClient {
    /// Every lead matching `query`, page by page.
    public func leadPages(_ query: LeadQuery = LeadQuery(), maxPages: Int = 10_000) -> PageSequence<Lead> {
        PageSequence(fetch: { cursor in
            var q = query
            q.startingAfter = cursor
            return try await self.listLeads(q)
        }, firstCursor: query.startingAfter, maxPages: maxPages)
    }

    /// Every campaign matching `query`, page by page.
    public func campaignPages(_ query: CampaignQuery = CampaignQuery(), maxPages: Int = 10_000) -> PageSequence<Campaign> {
        PageSequence(fetch: { cursor in
            var q = query
            q.startingAfter = cursor
            return try await self.listCampaigns(q)
        }, firstCursor: query.startingAfter, maxPages: maxPages)
    }

    /// Leads delivered since the cursor's newest `delivered_at` (inclusive on the server, so the
    /// cursor drops the ones already seen), and advances the cursor.
    ///
    /// One call walks at most `maxPages` pages. After a long gap (a weekend offline) there can be
    /// more new leads than that: the newest come first, so the live feed is not held up, and the
    /// cursor remembers where the walk stopped (`FeedCursor.gap`); each later call first takes
    /// what is new, then spends its pages on the rest of the gap, until every lead has come. Leads
    /// from the gap are older than the cursor and are returned as they are: the local store keys
    /// leads by id, so one seen twice at the gap's boundary is stored once.
    ///
    /// The cursor never moves past LeadOS's clock (the reply's `Date` header, or `now` when a
    /// reply has none) plus `FeedCursor.clockSkewAllowance`: a lead dated in the future is
    /// returned once but cannot make every later call ask for `since=9999-12-31T23:59:59Z`.
    /// Leads that do not decode are skipped and listed in the result; the rest of their page is used.
    public func fetchFeed(after cursor: inout FeedCursor, pageSize: Int = 100, maxPages: Int = 20,
                          now: Date = Date()) async throws -> FeedFetch {
        guard let since = cursor.newest else {
            // The very first fetch takes one page: the newest leads, not the whole history.
            let (page, meta) = try await listLeadsWithMeta(LeadQuery(limit: pageSize))
            let fresh = cursor.accept(page.data, notAfter: FeedCursor.limit(serverDate: meta.date, now: now))
            return FeedFetch(leads: fresh, unreadable: page.unreadable)
        }
        let live = try await walkLeads(LeadQuery(limit: pageSize, since: since), maxPages: maxPages)
        var result = FeedFetch(leads: cursor.accept(live.leads, notAfter: FeedCursor.limit(serverDate: live.serverDate, now: now)),
                               unreadable: live.unreadable)
        if let stop = live.resumeAfter {
            // A gap still being filled from an earlier call is given up for the newer one.
            cursor.gap = FeedGap(since: since, resumeAfter: stop)
        } else if let gap = cursor.gap {
            let older = try await walkLeads(LeadQuery(limit: pageSize, startingAfter: gap.resumeAfter, since: gap.since),
                                            maxPages: maxPages)
            cursor.gap = older.resumeAfter.map { FeedGap(since: gap.since, resumeAfter: $0) }
            result.leads += older.leads
            result.unreadable += older.unreadable
        }
        return result
    }

    /// `fetchFeed`'s leads alone, for callers that do not report unreadable ones.
    public func fetchNewLeads(after cursor: inout FeedCursor, pageSize: Int = 100, maxPages: Int = 20,
                              now: Date = Date()) async throws -> [Lead] {
        try await fetchFeed(after: &cursor, pageSize: pageSize, maxPages: maxPages, now: now).leads
    }

    /// One walk's worth of pages.
    private struct Walk {
        var leads: [Lead] = []
        var unreadable: [UnreadableItem] = []
        /// The cursor to resume from when there are more pages.
        var resumeAfter: String?
        /// The newest `Date` header of the walk's replies.
        var serverDate: Date?
    }

    /// Up to `maxPages` pages of `query`, and the cursor to resume from when there are more.
    private func walkLeads(_ query: LeadQuery, maxPages: Int) async throws -> Walk {
        var walk = Walk()
        var query = query
        var seen = Set<String>()
        for _ in 0..<max(1, maxPages) {
            let (page, meta) = try await listLeadsWithMeta(query)
            walk.leads += page.data
            walk.unreadable += page.unreadable
            if let date = meta.date { walk.serverDate = max(walk.serverDate ?? date, date) }
            guard page.hasMore, let next = page.nextCursor else { return walk }
            if !seen.insert(next).inserted {
                throw LeadOSError.undecodable(status: 200, reason: "pagination cursor \(TextSanitizer.oneLine(next, max: 40)) repeated", excerpt: "")
            }
            query.startingAfter = next
        }
        walk.resumeAfter = query.startingAfter
        return walk
    }
}

/// What one incremental feed fetch brought: the new leads, and those skipped as unreadable.
public struct FeedFetch: Sendable, Hashable {
    public var leads: [Lead]
    public var unreadable: [UnreadableItem]

    public init(leads: [Lead], unreadable: [UnreadableItem] = []) {
        self.leads = leads; self.unreadable = unreadable
    }
}

/// The part of the feed a walk had no room for: leads from `since` (inclusive) that come after
/// `resumeAfter` in the newest-first listing.
public struct FeedGap: Sendable, Hashable, Codable {
    public var since: Date
    public var resumeAfter: String

    public init(since: Date, resumeAfter: String) {
        self.since = since; self.resumeAfter = resumeAfter
    }
}

/// Where the incremental feed is: the newest `delivered_at` seen and the ids delivered at exactly
/// that second (because `since` is inclusive, they come back on the next fetch and must be dropped).
///
/// A lead dated beyond the caller's limit (LeadOS's clock plus a small skew) is accepted once but
/// does not move the cursor; it is remembered in `ahead` so later fetches do not return it again.
public struct FeedCursor: Sendable, Hashable, Codable {
    /// How far past LeadOS's clock a lead may be dated and still move the cursor: clocks and
    /// whole-second `Date` headers disagree a little; a lead from next year is a bad record.
    public static let clockSkewAllowance: TimeInterval = 300
    /// Ids of leads dated in the future kept at most, so a hostile feed cannot grow the cursor.
    static let aheadLimit = 1_000

    public private(set) var newest: Date?
    public private(set) var idsAtNewest: Set<String>
    /// Older leads still to fetch after a walk that had no room for all the new ones.
    public var gap: FeedGap?
    /// Leads already returned whose `delivered_at` was beyond the limit at the time, by id.
    public private(set) var ahead: [String: Date] = [:]

    public init(newest: Date? = nil, idsAtNewest: Set<String> = []) {
        self.newest = newest; self.idsAtNewest = idsAtNewest
    }

    /// Starts from leads already known (e.g. the local cache). Leads dated after `notAfter`
    /// (say, the local clock plus the skew allowance) do not set the starting point.
    public init(known leads: some Sequence<Lead>, notAfter limit: Date? = nil) {
        self.init()
        _ = accept(Array(leads), notAfter: limit)
    }

    /// The latest `delivered_at` that may move the cursor: LeadOS's clock when the reply said it,
    /// else `now`, plus the skew allowance.
    public static func limit(serverDate: Date?, now: Date) -> Date {
        (serverDate ?? now).addingTimeInterval(clockSkewAllowance)
    }

    /// Keeps the leads not seen before (by id, per the rules above) and moves the cursor forward,
    /// but never past `limit`.
    public mutating func accept(_ leads: [Lead], notAfter limit: Date? = nil) -> [Lead] {
        var fresh: [Lead] = []
        var seenInBatch = Set<String>()
        for lead in leads where seenInBatch.insert(lead.id).inserted {
            if let newest {
                if lead.deliveredAt < newest { continue }
                if lead.deliveredAt == newest && idsAtNewest.contains(lead.id) { continue }
            }
            if ahead[lead.id] != nil { continue }
            fresh.append(lead)
        }
        for lead in fresh {
            if let limit, lead.deliveredAt > limit {
                if ahead.count < Self.aheadLimit { ahead[lead.id] = lead.deliveredAt }
                continue
            }
            if newest == nil || lead.deliveredAt > newest! {
                newest = lead.deliveredAt
                idsAtNewest = [lead.id]
            } else if lead.deliveredAt == newest {
                idsAtNewest.insert(lead.id)
            }
        }
        // A lead from the future that the cursor has since passed can no longer come back.
        if let newest { ahead = ahead.filter { $0.value >= newest } }
        return fresh
    }
}
