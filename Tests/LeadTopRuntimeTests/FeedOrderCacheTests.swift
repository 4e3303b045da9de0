import Foundation
import GRDB
import LeadOSContract
import LeadTopCore
import Testing
@testable import LeadTopRuntime

/// The feed sorted by any column is sorted by the cache, over every lead it holds: a page in any
/// order is exactly the reference sort's rows at that offset, ties broken by id.
@Suite struct FeedOrderCacheTests {
    static let orders: [FeedOrder] = FeedOrder.Key.allCases.flatMap { [FeedOrder($0, descending: true), FeedOrder($0, descending: false)] }

    @Test(arguments: orders)
    func sortedPagesEqualTheReferenceSort(order: FeedOrder) throws {
        let store = try LocalStore(path: Fixtures.tempDatabasePath())
        let world = FeedCacheTests.world
        try store.storeLeads(world, limit: 100_000)
        for text in ["", "score>70", "GmbH"] {
            let filter = try FeedFilter.parse(text).get()
            for (offset, limit) in [(0, 600), (1_500, 100), (2_990, 50)] {
                let request = FeedRequest(filter: filter, order: order, offset: offset, limit: limit, generation: 1)
                let page = try store.feedPage(request)
                let reference = FeedPage.answer(request, from: world, version: page.version)
                #expect(page.matching == reference.matching, "\(order) \(text) offset \(offset)")
                #expect(page.leads.map(\.id) == reference.leads.map(\.id), "\(order) \(text) offset \(offset)")
            }
        }
    }

    /// The reference sort itself, checked by hand for score: scores in order, equal scores by id
    /// in the same direction (the seeded world has many leads of each score).
    @Test func scoreOrderBreaksTiesByID() throws {
        let store = try LocalStore(path: Fixtures.tempDatabasePath())
        try store.storeLeads(FeedCacheTests.world, limit: 100_000)
        for descending in [true, false] {
            let page = try store.feedPage(FeedRequest(filter: .all, order: FeedOrder(.score, descending: descending),
                                                      offset: 0, limit: 100_000, generation: 1))
            #expect(page.leads.count == FeedCacheTests.world.count)
            let pairs = zip(page.leads, page.leads.dropFirst())
            let ties = pairs.filter { $0.score == $1.score }.count
            #expect(ties > 1_000, "the world has ties to break")
            for (a, b) in pairs {
                let inOrder = descending ? (a.score, a.id) > (b.score, b.id) : (a.score, a.id) < (b.score, b.id)
                #expect(inOrder, "\(a.id) \(a.score) then \(b.id) \(b.score)")
            }
        }
    }

    /// 100,000 leads: a page deep in the score order is read from the score index, not by
    /// sorting the table (the same bound as the default order's page).
    @Test func aDeepScorePageOfAHundredThousandLeadsIsFast() throws {
        let store = try LocalStore(path: Fixtures.tempDatabasePath())
        let leads = (0..<100_000).map { i -> Lead in
            var lead = Fixtures.lead(String(format: "del_%06d", i), at: 1_000_000 + i / 3)
            lead.score = (i * 37) % 101
            return lead
        }
        try store.storeLeads(leads, limit: 200_000)
        let plan = try store.db.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT body FROM cached_lead WHERE 1 ORDER BY "
                             + FeedTable.ordering(FeedOrder(.score, descending: false)) + " LIMIT 10 OFFSET 10")
                .map { $0["detail"] as String? ?? "" }
        }
        #expect(plan.contains { $0.contains("cached_lead_score") }, "\(plan)")
        for descending in [true, false] {
            let request = FeedRequest(filter: .all, order: FeedOrder(.score, descending: descending), offset: 90_000, limit: 600,
                                      generation: 1)
            let clock = ContinuousClock()
            var page: FeedPage?
            let elapsed = try clock.measure { page = try store.feedPage(request) }
            let reference = FeedPage.answer(request, from: leads)
            #expect(page?.leads.map(\.id) == reference.leads.map(\.id))
            print("feed page at offset 90,000 of 100,000 by score \(descending ? "desc" : "asc"): \(elapsed)")
            #expect(elapsed < .milliseconds(500), "\(elapsed)")
        }
        // A text column is read from each lead's JSON and sorted: slower, with no index, but
        // still one query; measured, with a loose bound for a busy machine.
        let byName = FeedRequest(filter: .all, order: FeedOrder(.name, descending: false), offset: 90_000, limit: 600, generation: 1)
        let elapsed = try ContinuousClock().measure { _ = try store.feedPage(byName) }
        print("feed page at offset 90,000 of 100,000 by name: \(elapsed)")
        #expect(elapsed < .seconds(5), "\(elapsed)")
    }
}
