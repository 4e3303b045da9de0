import Foundation
import Testing
import LeadOSContract
import LeadTopCore
import LeadTopTestSupport

/// The feed as the dashboard drives it: the first page comes from the cache, later rows are read
/// as the user scrolls, and live arrivals after start wear a NEW mark.
@Suite struct FeedWindowTests {
    typealias F = DashboardFixtures

    /// 2,000 leads, one a minute, the newest first in the feed.
    static let many: [Lead] = (0..<2_000).map { i in
        F.lead(String(format: "del_m%05d", i), name: "Lead \(i)", score: i % 100, minutesAgo: 2_000 - i)
    }

    func startedFromCache(_ feed: MemoryFeed, height: Int = 24) -> AppState {
        var state = AppState(width: 120, height: height, now: F.now, settings: .init(leadCapacity: 300))
        let first = FeedPage.answer(FeedRequest(filter: .all, offset: 0, limit: 300, generation: 0), from: feed.leads)
        feed.send(.sync(.feedPage(first)), to: &state)
        return state
    }

    @Test func theFirstPageFromTheCacheShowsWithoutNewMarks() {
        var feed = MemoryFeed(Self.many)
        var state = startedFromCache(feed)
        #expect(state.leads.visibleCount == 2_000)
        #expect(state.leads.window.count == 300)
        #expect(state.selectedLeadID == "del_m01999")
        #expect(!state.isNew(state.leads.entry(atRow: 0)!))
        let stored = feed.store([F.lead("del_live", name: "Live", minutesAgo: 0)])
        feed.send(.sync(.leads(stored)), to: &state)
        #expect(state.leads.entry(atRow: 0)?.lead.id == "del_live")
        #expect(state.isNew(state.leads.entry(atRow: 0)!))
        #expect(state.leads.visibleCount == 2_001)
    }

    @Test func scrollingPastTheWindowReadsTheNextPage() {
        let feed = MemoryFeed(Self.many)
        var state = startedFromCache(feed)
        let rows = state.layout.visibleRows(.feed)
        var requests: [FeedRequest] = []
        for _ in 0..<400 {
            for effect in reduce(&state, .key(.char("j"))) {
                guard case .loadFeed(let request) = effect else { continue }
                requests.append(request)
                reduce(&state, .sync(.feedPage(FeedPage.answer(request, from: feed.leads))))
            }
        }
        #expect(state.selectedLeadRow == 400)
        #expect(state.selectedLeadID == "del_m01599")
        #expect(requests.count == 1)
        #expect(requests.first?.offset == max(0, 300 - 2 * rows + 1 - (300 - rows) / 2))
        #expect(state.leads.window.count == 300)
    }

    @Test func jumpingToTheEndSelectsTheOldestOnceItsPageArrives() {
        let feed = MemoryFeed(Self.many)
        var state = startedFromCache(feed)
        let effects = reduce(&state, .key(.char("G")))
        guard case .loadFeed(let request)? = effects.first else {
            Issue.record("expected a page request, got \(effects)")
            return
        }
        #expect(state.pendingLeadRow == 1_999)
        #expect(state.selectedLeadID == "del_m01999", "unchanged until the page is read")
        reduce(&state, .sync(.feedPage(FeedPage.answer(request, from: feed.leads))))
        #expect(state.selectedLeadID == "del_m00000")
        #expect(state.selectedLeadRow == 1_999)
        #expect(state.pendingLeadRow == nil)
    }

    @Test func aJumpTypedBeforeAFiltersPageArrivesIsAppliedWithIt() {
        let feed = MemoryFeed(Self.many)
        var state = startedFromCache(feed)
        reduce(&state, .key(.char("/")))
        for c in "score>=95" { reduce(&state, .key(.char(c))) }
        let effects = reduce(&state, .key(.enter)) + reduce(&state, .key(.char("G")))
        #expect(state.pendingLeadRow == Int.max)
        for case .loadFeed(let request) in effects {
            feed.send(.sync(.feedPage(FeedPage.answer(request, from: feed.leads))), to: &state)
        }
        #expect(state.leads.visibleCount == 100)
        #expect(state.selectedLeadRow == 99)
        #expect(state.selectedLeadID == "del_m00095")
        #expect(state.pendingLeadRow == nil)
    }

    @Test func aFilterShowsItsCountOnceThePageArrives() {
        let feed = MemoryFeed(Self.many)
        var state = startedFromCache(feed)
        reduce(&state, .key(.char("/")))
        for c in "score>=95" { reduce(&state, .key(.char(c))) }
        let effects = reduce(&state, .key(.enter))
        #expect(!state.leads.isSettled)
        #expect(effects == [.loadFeed(FeedRequest(filter: FeedFilter(scores: [.init(.greaterOrEqual, 95)]), offset: 0,
                                                  limit: 300, generation: state.leads.generation))])
        guard case .loadFeed(let request)? = effects.first else { return }
        reduce(&state, .sync(.feedPage(FeedPage.answer(request, from: feed.leads))))
        #expect(state.leads.visibleCount == 100)
        #expect(state.message?.text == "100 leads match score>=95")
        #expect(state.selectedLeadID == "del_m01999")
    }

    @Test func aFailedReadIsReportedAndAskedAgainLater() {
        let feed = MemoryFeed(Self.many)
        var state = startedFromCache(feed)
        guard case .loadFeed(let request)? = reduce(&state, .key(.char("G"))).first else {
            Issue.record("expected a page request")
            return
        }
        reduce(&state, .sync(.feedPageFailed(request, message: "disk I/O error")))
        #expect(state.message?.text == "Could not read the feed from the local cache: disk I/O error")
        #expect(reduce(&state, .tick(now: F.now.addingTimeInterval(1))) == [.loadFeed(request)])
    }
}
