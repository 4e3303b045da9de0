import Foundation
import LeadOSAPI
import LeadTopCore
import LeadTopTestSupport
import Testing
@testable import LeadTopRuntime

/// Start-up reads the cache from the moment the store opens (`CacheReadAhead`), on two cores: the
/// stats on one, campaigns, values and the feed's first page on the other. What it reads is what
/// the cache holds, a part that no longer reads leaves the rest shown, and the engine started with
/// it shows exactly that before anything else.
@Suite struct CacheReadAheadTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let stats = DeliveryStats(
        startDate: "2027-01-14", endDate: "2027-01-15", campaignID: nil,
        totals: .init(delivered: 5, creditsConsumed: 10, avgScore: 71.5),
        data: [.init(date: "2027-01-14", delivered: 2, creditsConsumed: 4, avgScore: 70,
                     byCampaign: [.init(campaignID: "camp_b", delivered: 2, creditsConsumed: 4, avgScore: 70)]),
               .init(date: "2027-01-15", delivered: 3, creditsConsumed: 6, avgScore: 72.5,
                     byCampaign: [.init(campaignID: "camp_a", delivered: 1, creditsConsumed: 2, avgScore: 80),
                                  .init(campaignID: "camp_b", delivered: 2, creditsConsumed: 4, avgScore: 68.75)])])
    static let balance = Balance(creditsRemaining: 900, creditsUsedThisPeriod: 100, planCredits: 1_000, periodStart: now,
                                 periodEnd: now.addingTimeInterval(86_400 * 30), lowBalanceThreshold: 50, lowBalance: false)
    static let summary = FeedbackSummary(totalDelivered: 250, totalFeedback: 0, feedbackRate: 0, good: 0, bad: 0, badReasons: .init(),
                                         personalisation: .init(status: .collecting, feedbackCount: 0, threshold: 50,
                                                                progress: 0, activatedAt: nil))
    static let leads = (0..<250).map { Fixtures.lead(String(format: "del_%04d", $0), at: 1_799_000_000 + $0 * 60) }

    /// A store holding campaigns (one out of the contract's range), 250 leads and every value.
    static func filledStore() throws -> (LocalStore, healthy: [Campaign]) {
        let store = try LocalStore(path: Fixtures.tempDatabasePath())
        var poisoned = Fixtures.campaign("camp_poison")
        poisoned.dailyLeadCap = 0
        let healthy = [Fixtures.campaign("camp_b"), Fixtures.campaign("camp_a", status: .paused)]
        try store.cacheCampaigns([healthy[0], poisoned, healthy[1]])
        try store.storeLeads(leads, limit: 1_000)
        try store.cacheValue(balance, for: .balance, at: now.addingTimeInterval(-20))
        try store.cacheValue(stats, for: .stats, at: now)
        try store.cacheValue(summary, for: .feedbackSummary, at: now.addingTimeInterval(-10))
        return (store, healthy)
    }

    static func options(firstFeedPage: Int) -> SyncOptions {
        var options = SyncOptions(intervals: PollIntervals(feed: 0, campaigns: 0, balance: 0, stats: 0, feedbackSummary: 0))
        options.firstFeedPage = firstFeedPage
        return options
    }

    @Test func theReadAheadShowsWhatTheCacheHolds() throws {
        let (store, healthy) = try Self.filledStore()
        let readAhead = CacheReadAhead(store: store, options: Self.options(firstFeedPage: 40))
        let start = readAhead.take()
        #expect(start.cached == CachedState(campaigns: healthy, balance: Self.balance, stats: Self.stats,
                                            feedbackSummary: Self.summary, savedAt: Self.now))
        let newest = Self.leads.sorted { $0.deliveredAt > $1.deliveredAt }.prefix(40)
        #expect(start.firstPage?.leads == Array(newest))
        #expect(start.firstPage?.request == FeedRequest(filter: .all, offset: 0, limit: 40, generation: 0))
        #expect(start.firstPage?.total == 250 && start.firstPage?.matching == 250)
        #expect(start.gap == nil)
        #expect(try store.loadCache() == start.cached, "the store's own read gives the same")
        #expect(readAhead.take().cached == CachedState() && readAhead.take().firstPage == nil, "handed over, not kept")
    }

    /// Stats that no longer read (a damaged row) are left out; campaigns, values and the feed still show.
    @Test func unreadableStatsLeaveTheRestShown() throws {
        let (store, healthy) = try Self.filledStore()
        try store.cacheBody(Data(#"{"start_date":"2027-01-14","data":[{"#.utf8), for: .stats, at: Self.now)
        let start = CacheReadAhead.read(store, firstFeedPage: 10)
        #expect(start.cached == CachedState(campaigns: healthy, balance: Self.balance, stats: nil,
                                            feedbackSummary: Self.summary, savedAt: Self.now))
        #expect(start.firstPage?.leads.count == 10)
        #expect(try store.loadCache().stats == nil)
        #expect(try store.cachedStats() == nil)
    }

    @Test func anEmptyCacheReadsAsEmpty() throws {
        let store = try LocalStore(path: Fixtures.tempDatabasePath())
        let start = CacheReadAhead(store: store, options: Self.options(firstFeedPage: 200)).take()
        #expect(start.cached == CachedState())
        #expect(start.firstPage?.leads == [] && start.firstPage?.total == 0)
    }

    /// Begun before the store is open, the read shows what the store's own read shows, when the
    /// store adopts it.
    @Test func anEarlyReadShowsWhatTheStoreReads() throws {
        let (store, healthy) = try Self.filledStore()
        let early = CacheReadAhead(early: store.path, firstFeedPage: 40)
        let start = try #require(early.adopt(store, options: Self.options(firstFeedPage: 40))).take()
        let expected = CacheReadAhead.read(store, firstFeedPage: 40)
        #expect(start.cached == CachedState(campaigns: healthy, balance: Self.balance, stats: Self.stats,
                                            feedbackSummary: Self.summary, savedAt: Self.now))
        #expect(start.cached == expected.cached)
        #expect(start.firstPage == expected.firstPage && start.firstPage?.leads.count == 40)
        #expect(start.gap == expected.gap)
    }

    /// A read of another file, or for another page size, is not the store's to take.
    @Test func anEarlyReadOfAnotherFileIsDropped() throws {
        let (store, _) = try Self.filledStore()
        let (other, _) = try Self.filledStore()
        #expect(CacheReadAhead(early: other.path, firstFeedPage: 40).adopt(store, options: Self.options(firstFeedPage: 40)) == nil)
        #expect(CacheReadAhead(early: store.path, firstFeedPage: 40).adopt(store, options: Self.options(firstFeedPage: 200)) == nil)
    }

    /// An early read that finds no database reads nothing; the store that adopts it, created
    /// meanwhile, is read when the read is taken.
    @Test func anEarlyReadThatFailsFallsBackToTheStore() throws {
        let path = Fixtures.tempDatabasePath()
        let early = CacheReadAhead(early: path, firstFeedPage: 10)
        #expect(early.take().firstPage == nil, "no file, nothing read")
        let early2 = CacheReadAhead(early: path, firstFeedPage: 10)
        let store = try LocalStore(path: path)
        try store.storeLeads(Self.leads, limit: 1_000)
        try store.cacheValue(Self.balance, for: .balance, at: Self.now)
        let start = try #require(early2.adopt(store, options: Self.options(firstFeedPage: 10))).take()
        #expect(start.cached.balance == Self.balance)
        #expect(start.firstPage?.leads.count == 10)
    }

    /// A file from before the last migration is not read early, and neither is a missing one.
    @Test func aDatabaseMissingAMigrationIsNotReadEarly() throws {
        let path = Fixtures.tempDatabasePath()
        let store = try LocalStore(path: path)
        #expect(throws: Never.self) { try LocalStore(readingOnly: path) }
        try store.db.write { try $0.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = (SELECT MAX(identifier) FROM grdb_migrations)") }
        #expect(throws: LocalStore.NotCurrent.self) { try LocalStore(readingOnly: path) }
        #expect(throws: (any Error).self) { try LocalStore(readingOnly: path + ".missing") }
        #expect(!FileManager.default.fileExists(atPath: path + ".missing"), "nothing is created")
    }

    /// The database a dashboard's arguments will open, guessed before they are parsed.
    @Test func theEarlyReadGuessesTheProfileFromTheArguments() {
        let env = ["XDG_STATE_HOME": "/s", "HOME": "/h"]
        #expect(LocalStore.guessedPath(dashboardArguments: [], environment: env) == "/s/leadtop/leadtop.sqlite")
        #expect(LocalStore.guessedPath(dashboardArguments: ["--api-key", "k", "--profile", "work"], environment: env)
                == "/s/leadtop/profiles/work/leadtop.sqlite")
        #expect(LocalStore.guessedPath(dashboardArguments: ["--profile=a b"], environment: env)
                == "/s/leadtop/profiles/a%20b/leadtop.sqlite")
        #expect(LocalStore.guessedPath(dashboardArguments: [], environment: env.merging(["LEADTOP_PROFILE": "ops"]) { $1 })
                == "/s/leadtop/profiles/ops/leadtop.sqlite")
        #expect(LocalStore.guessedPath(dashboardArguments: ["--profile", "x", "--profile", "y"], environment: env)
                == "/s/leadtop/profiles/y/leadtop.sqlite")
        for arguments in [["--demo"], ["--help"], ["-h"], ["--version"], ["--profile"], ["--generate-completion-script", "bash"]] {
            #expect(LocalStore.guessedPath(dashboardArguments: arguments, environment: env) == nil, "\(arguments)")
        }
    }

    /// The engine started with the read-ahead shows the cache first, in the order the state
    /// expects it, and nothing of it is read again.
    @Test func theEngineStartedWithTheReadAheadShowsItsCacheFirst() async throws {
        let (store, healthy) = try Self.filledStore()
        let server = ScriptedServer { _, _ in .json(status: 503, body: "{}") }
        try await server.start()
        defer { server.stop() }
        let options = Self.options(firstFeedPage: 30)
        let readAhead = CacheReadAhead(store: store, options: options)
        let recorder = UpdateRecorder()
        let scheduler = ManualScheduler()
        let engine = try SyncEngine(clientOptions: LeadOSClientOptions(baseURL: server.baseURL, apiKey: SyncEngineTests.key, requestTimeout: 5),
                                    store: store, options: options, clock: scheduler, scheduler: scheduler, sink: recorder.sink)
        let changesBefore = store.totalChanges
        engine.start(with: readAhead)
        #expect(await recorder.until { $0.contains(.pendingWrites(0)) })
        engine.stop()
        let page = FeedPage(request: FeedRequest(filter: .all, offset: 0, limit: 30, generation: 0),
                            leads: Array(Self.leads.sorted { $0.deliveredAt > $1.deliveredAt }.prefix(30)),
                            matching: 250, total: 250, version: try store.feedPage(FeedRequest(filter: .all, offset: 0, limit: 1, generation: 0)).version)
        #expect(Array(recorder.updates.prefix(6)) == [
            .campaigns(healthy), .feedPage(page), .balance(Self.balance), .stats(Self.stats), .feedbackSummary(Self.summary),
            .loadedFromCache(at: Self.now),
        ])
        #expect(store.totalChanges == changesBefore, "starting wrote nothing")
        #expect(server.requests.isEmpty, "every poller is off")
    }
}
