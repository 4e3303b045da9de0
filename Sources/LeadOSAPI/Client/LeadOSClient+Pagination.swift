import Foundation

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
                    throw LeadOSError.undecodable(status: 200, reason: "pagination cursor \(Sanitize.excerpt(next, max: 40)) repeated", excerpt: "")
                }
                cursor = next
            } else {
                finished = true
            }
            return page.data
        }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(sequence: self, cursor: firstCursor) }

    /// Collects every item of every page.
    public func collect() async throws -> [Item] {
        var all: [Item] = []
        for try await page in self { all.append(contentsOf: page) }
        return all
    }
}

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
    public func fetchNewLeads(after cursor: inout FeedCursor, pageSize: Int = 100, maxPages: Int = 20) async throws -> [Lead] {
        guard let since = cursor.newest else {
            // The very first fetch takes one page: the newest leads, not the whole history.
            return cursor.accept(try await listLeads(LeadQuery(limit: pageSize)).data)
        }
        let live = try await walkLeads(LeadQuery(limit: pageSize, since: since), maxPages: maxPages)
        var fresh = cursor.accept(live.leads)
        if let stop = live.resumeAfter {
            // A gap still being filled from an earlier call is given up for the newer one.
            cursor.gap = FeedGap(since: since, resumeAfter: stop)
        } else if let gap = cursor.gap {
            let older = try await walkLeads(LeadQuery(limit: pageSize, startingAfter: gap.resumeAfter, since: gap.since),
                                            maxPages: maxPages)
            cursor.gap = older.resumeAfter.map { FeedGap(since: gap.since, resumeAfter: $0) }
            fresh += older.leads
        }
        return fresh
    }

    /// Up to `maxPages` pages of `query`, and the cursor to resume from when there are more.
    private func walkLeads(_ query: LeadQuery, maxPages: Int) async throws -> (leads: [Lead], resumeAfter: String?) {
        var leads: [Lead] = []
        var query = query
        var seen = Set<String>()
        for _ in 0..<max(1, maxPages) {
            let page = try await listLeads(query)
            leads += page.data
            guard page.hasMore, let next = page.nextCursor else { return (leads, nil) }
            if !seen.insert(next).inserted {
                throw LeadOSError.undecodable(status: 200, reason: "pagination cursor \(Sanitize.excerpt(next, max: 40)) repeated", excerpt: "")
            }
            query.startingAfter = next
        }
        return (leads, query.startingAfter)
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
public struct FeedCursor: Sendable, Hashable, Codable {
    public private(set) var newest: Date?
    public private(set) var idsAtNewest: Set<String>
    /// Older leads still to fetch after a walk that had no room for all the new ones.
    public var gap: FeedGap?

    public init(newest: Date? = nil, idsAtNewest: Set<String> = []) {
        self.newest = newest; self.idsAtNewest = idsAtNewest
    }

    /// Starts from leads already known (e.g. the local cache).
    public init(known leads: some Sequence<Lead>) {
        self.init()
        _ = accept(Array(leads))
    }

    /// Keeps the leads not seen before (by id, per the rules above) and moves the cursor forward.
    public mutating func accept(_ leads: [Lead]) -> [Lead] {
        var fresh: [Lead] = []
        var seenInBatch = Set<String>()
        for lead in leads where seenInBatch.insert(lead.id).inserted {
            if let newest {
                if lead.deliveredAt < newest { continue }
                if lead.deliveredAt == newest && idsAtNewest.contains(lead.id) { continue }
            }
            fresh.append(lead)
        }
        for lead in fresh {
            if newest == nil || lead.deliveredAt > newest! {
                newest = lead.deliveredAt
                idsAtNewest = [lead.id]
            } else if lead.deliveredAt == newest {
                idsAtNewest.insert(lead.id)
            }
        }
        return fresh
    }
}
