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
