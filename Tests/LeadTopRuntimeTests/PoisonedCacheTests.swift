import Foundation
import Testing
import LeadOSAPI
import LeadTopCore
@testable import LeadTopRuntime

/// The cache replays what LeadOS once sent through the same checked decoders: a value cached
/// before the checks existed, now out of the contract's range, is dropped and the rest loads.
@Suite struct PoisonedCacheTests {
    @Test func outOfRangeCachedValuesAreDroppedAndTheRestLoads() throws {
        let store = try LocalStore(path: Fixtures.tempDatabasePath())
        let now = Date(timeIntervalSince1970: 1_778_164_200)
        var poisoned = Fixtures.campaign("camp_poison1")
        poisoned.leadsDelivered = Int.min
        let healthy = Fixtures.campaign("camp_healthy")
        try store.cacheCampaigns([poisoned, healthy])
        let balance = Balance(creditsRemaining: Int.min, creditsUsedThisPeriod: 0, planCredits: 2_000, periodStart: now,
                              periodEnd: now.addingTimeInterval(86_400), lowBalanceThreshold: 200, lowBalance: true)
        try store.cacheValue(balance, for: .balance, at: now)
        let stats = DeliveryStats(startDate: "2026-05-07", endDate: "2026-05-07", campaignID: nil,
                                  totals: .init(delivered: 1, creditsConsumed: 2, avgScore: 1e300),
                                  data: [.init(date: "2026-05-07", delivered: 1, creditsConsumed: 2, avgScore: 1e300, byCampaign: [])])
        try store.cacheValue(stats, for: .stats, at: now)
        var summary = FeedbackSummary(totalDelivered: 1, totalFeedback: 1, feedbackRate: 1e300, good: 1, bad: 0,
                                      badReasons: .init(),
                                      personalisation: .init(status: .collecting, feedbackCount: 1, threshold: 50,
                                                             progress: 0.02, activatedAt: nil))
        try store.cacheValue(summary, for: .feedbackSummary, at: now)

        var cached = try store.loadCache()
        #expect(cached.campaigns == [healthy])
        #expect(cached.balance == nil)
        #expect(cached.stats == nil)
        #expect(cached.feedbackSummary == nil)
        #expect(cached.savedAt == now)

        summary.feedbackRate = 1
        try store.cacheValue(summary, for: .feedbackSummary, at: now)
        cached = try store.loadCache()
        #expect(cached.feedbackSummary == summary)
    }

    /// A cached lead with an out-of-range score is left out of the feed's pages.
    @Test func anOutOfRangeCachedLeadIsLeftOut() throws {
        let store = try LocalStore(path: Fixtures.tempDatabasePath())
        var poisoned = Fixtures.lead("del_poison1", at: 1_778_164_000)
        poisoned.score = Int.max
        let healthy = Fixtures.lead("del_healthy", at: 1_778_164_100)
        _ = try store.storeLeads([poisoned, healthy], limit: 100)
        let page = try store.feedPage(FeedRequest(filter: .all, offset: 0, limit: 10, generation: 0))
        #expect(page.leads.map(\.id) == ["del_healthy"])
        #expect(try store.cachedLead(id: "del_poison1") == nil)
    }
}
