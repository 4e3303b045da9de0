import Foundation
import GRDB
import LeadOSAPI
import LeadOSSimulator
import LeadTopCore
import Testing
@testable import LeadTopRuntime

/// The feed's rows live in the SQLite cache: pages and counts must be exactly what the core's
/// reference answer (`FeedPage.answer`) gives for the same leads, filter and offset.
@Suite struct FeedCacheTests {
    /// A seeded world's leads: many scripts, scores, campaigns and shared delivery times.
    static let world: [Lead] = {
        let world = SimulatedWorld(seed: 7, clock: SimulationClock(start: Date(timeIntervalSince1970: 1_800_000_000), speed: 0),
                                   campaignCount: 12, historyLeads: 3_000)
        return world.leads()
    }()

    @Test(arguments: [
        "", "score>90", "score<=10 score>=5", "score=50", "GmbH", "nepal score>70", "श", "山田", "zzz-no-match",
    ])
    func pagesAndCountsMatchTheReferenceAnswer(text: String) throws {
        let store = try LocalStore(path: Fixtures.tempDatabasePath())
        try store.storeLeads(Self.world, limit: 100_000)
        let campaign = Self.world[17].campaignID
        for scope in [nil, campaign] {
            let filter = try FeedFilter.parse(text, campaignID: scope).get()
            for (offset, limit) in [(0, 600), (250, 100), (2_990, 50)] {
                let request = FeedRequest(filter: filter, offset: offset, limit: limit, generation: 3)
                let page = try store.feedPage(request)
                let reference = FeedPage.answer(request, from: Self.world, version: page.version)
                #expect(page.matching == reference.matching, "\(text) scope \(scope ?? "all") offset \(offset)")
                #expect(page.total == Self.world.count)
                #expect(page.leads.map(\.id) == reference.leads.map(\.id), "\(text) scope \(scope ?? "all") offset \(offset)")
            }
        }
    }

    @Test func storingSaysWhichLeadsAreNewAndCountsWrites() throws {
        let store = try LocalStore(path: Fixtures.tempDatabasePath())
        let a = Fixtures.lead("del_a", at: 1_000), b = Fixtures.lead("del_b", at: 2_000)
        let first = try store.storeLeads([a], limit: 10)
        #expect(first == StoredLeads(added: [a], changed: [], version: 1))
        let rated = Fixtures.lead("del_a", at: 1_000, feedback: Feedback(leadID: "del_a", rating: .good, reason: nil, note: nil,
                                                                           createdAt: Date(timeIntervalSince1970: 5),
                                                                           updatedAt: Date(timeIntervalSince1970: 5)))
        let second = try store.storeLeads([b, rated], limit: 10)
        #expect(second == StoredLeads(added: [b], changed: [rated], version: 2))
        let page = try store.feedPage(FeedRequest(filter: .all, offset: 0, limit: 10, generation: 0))
        #expect(page.leads == [b, rated])
        #expect(page.version == 2)
    }

    @Test func theEngineShowsOnlyTheFirstPageOfABigCache() async throws {
        let path = Fixtures.tempDatabasePath()
        try LocalStore(path: path).storeLeads(Self.world, limit: 100_000)
        let recorder = UpdateRecorder()
        let off = PollIntervals(feed: 0, campaigns: 0, balance: 0, stats: 0, feedbackSummary: 0)
        var options = SyncOptions(intervals: off)
        options.firstFeedPage = 200
        let engine = try SyncEngine(
            clientOptions: LeadOSClientOptions(baseURL: URL(string: "http://127.0.0.1:9")!,
                                               apiKey: "ldo_live_sk_" + String(repeating: "a", count: 32)),
            store: try LocalStore(path: path), options: options, sink: recorder.sink)
        engine.start()
        defer { engine.stop() }
        #expect(await recorder.until { $0.contains { if case .loadedFromCache = $0 { true } else { false } } })
        let pages = recorder.updates.compactMap { if case .feedPage(let page) = $0 { page } else { nil } }
        let newest = Self.world.sorted { LeadKey($1) < LeadKey($0) }
        #expect(pages.count == 1)
        #expect(pages.first?.leads.map(\.id) == newest.prefix(200).map(\.id))
        #expect(pages.first?.matching == Self.world.count)

        // A later page on request, through the same queue.
        let request = FeedRequest(filter: .all, offset: 1_000, limit: 50, generation: 4)
        engine.loadFeedPage(request)
        #expect(await recorder.until {
            $0.contains { if case .feedPage(let page) = $0 { page.request == request } else { false } }
        })
        let later = recorder.updates.compactMap { if case .feedPage(let page) = $0, page.request == request { page } else { nil } }
        #expect(later.first?.leads.map(\.id) == newest.dropFirst(1_000).prefix(50).map(\.id))
    }

    @Test func aVersionOneCacheIsMigrated() throws {
        let path = Fixtures.tempDatabasePath()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        let old = try DatabaseQueue(path: path)
        let lead = Fixtures.lead("del_v1", at: 1_800_000_000)
        let stats = DeliveryStats(startDate: "2026-05-06", endDate: "2026-05-06", campaignID: nil,
                                  totals: .init(delivered: 1, creditsConsumed: 2, avgScore: 50),
                                  data: [.init(date: "2026-05-06", delivered: 1, creditsConsumed: 2, avgScore: 50,
                                               byCampaign: [.init(campaignID: "camp_1", delivered: 1, creditsConsumed: 2, avgScore: 50)])])
        try old.write { db in
            try db.execute(sql: """
                CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                INSERT INTO grdb_migrations VALUES ('v1');
                CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, idempotency_key TEXT NOT NULL UNIQUE,
                    command BLOB NOT NULL, created_at REAL NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT);
                CREATE TABLE cached_lead (id TEXT PRIMARY KEY, delivered_at REAL NOT NULL, body BLOB NOT NULL);
                CREATE INDEX cached_lead_order ON cached_lead(delivered_at DESC, id DESC);
                CREATE TABLE cached_campaign (id TEXT PRIMARY KEY, position INTEGER NOT NULL, body BLOB NOT NULL);
                CREATE TABLE cached_value (name TEXT PRIMARY KEY, body BLOB NOT NULL, saved_at REAL NOT NULL);
                """)
            try db.execute(sql: "INSERT INTO cached_lead VALUES (?, ?, ?)",
                           arguments: [lead.id, lead.deliveredAt.timeIntervalSince1970, try LeadOSJSON.encode(lead)])
            try db.execute(sql: "INSERT INTO cached_lead VALUES ('del_bad', 1, x'7b')")
            try db.execute(sql: "INSERT INTO cached_value VALUES ('stats', ?, 1800000000)", arguments: [try LeadOSJSON.encode(stats)])
        }
        try old.close()
        let store = try LocalStore(path: path)
        let page = try store.feedPage(FeedRequest(filter: FeedFilter(terms: ["techcorp"]), offset: 0, limit: 10, generation: 0))
        #expect(page.leads == [lead])
        #expect(page.total == 1, "a row that no longer decodes is dropped")
        let cached = try store.loadCache()
        #expect(cached.stats == stats, "cached values survive the move of their body to the last column")
        #expect(cached.savedAt == Date(timeIntervalSince1970: 1_800_000_000))
        try store.cacheBody(Data("{}".utf8), for: .balance, at: Date(timeIntervalSince1970: 1_800_000_100))
        #expect(try store.loadCache().savedAt == Date(timeIntervalSince1970: 1_800_000_100))
    }
}
