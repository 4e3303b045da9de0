import Foundation
import Testing
import LeadOSContract
import LeadTopCore
import LeadTopTestSupport

@Suite struct LeadStoreTests {
    typealias F = DashboardFixtures

    func ids(_ store: LeadStore) -> [String] {
        (0..<store.visibleCount).compactMap { store.entry(atRow: $0)?.lead.id }
    }

    @Test func ordersByDeliveryThenIDDescending() {
        var store = LeadStore()
        store.receive(StoredLeads(added: [F.lead("del_b", name: "B", minutesAgo: 5), F.lead("del_a", name: "A", minutesAgo: 5),
                                          F.lead("del_c", name: "C", minutesAgo: 1), F.lead("del_d", name: "D", minutesAgo: 9)]),
                      arrivedAt: nil)
        #expect(ids(store) == ["del_c", "del_b", "del_a", "del_d"])
        #expect(store.row(ofID: "del_a") == 2)
        #expect(store.row(ofID: "del_zzz") == nil)
    }

    @Test func aLeadAlreadyInTheWindowIsReplacedNotCounted() {
        var store = LeadStore()
        store.receive(StoredLeads(added: [F.lead("del_a", name: "A", minutesAgo: 5)]), arrivedAt: nil)
        store.receive(StoredLeads(added: [F.lead("del_a", name: "A renamed", minutesAgo: 5)]), arrivedAt: F.now)
        store.receive(StoredLeads(added: [], changed: [F.lead("del_a", name: "A again", minutesAgo: 5)]), arrivedAt: F.now)
        #expect(store.count == 1)
        #expect(store.visibleCount == 1)
        #expect(store.entry(id: "del_a")?.lead.fullName == "A again")
        #expect(store.entry(id: "del_a")?.arrivedAt == nil)
    }

    @Test func holdsAtMostCapacityRowsButCountsThemAll() {
        var store = LeadStore(capacity: 3)
        store.receive(StoredLeads(added: (0..<5).map { F.lead("del_\($0)", name: "N\($0)", score: 60 + $0, minutesAgo: 10 - $0) }),
                      arrivedAt: nil)
        #expect(store.count == 5)
        #expect(store.visibleCount == 5)
        #expect(store.window.map(\.lead.id) == ["del_4", "del_3", "del_2"])
        #expect(store.entry(atRow: 3) == nil)
        #expect(store.request(scroll: 0, rows: 2) == FeedRequest(filter: .all, offset: 0, limit: 6, generation: store.generation))
        #expect(store.request(scroll: 0, rows: 2) == nil, "one page at a time")
    }

    @Test func leadsAPageAlreadyCountedAreNotCountedAgain() {
        var store = LeadStore()
        let all = (0..<4).map { F.lead("del_\($0)", name: "N\($0)", minutesAgo: 10 - $0) }
        store.accept(FeedPage.answer(FeedRequest(filter: .all, offset: 2, limit: 2, generation: 0), from: all, version: 7))
        #expect(store.windowStart == 2)
        #expect(store.count == 4)
        // Stored in batch 7, which the page already counted; outside the window.
        store.receive(StoredLeads(added: [all[3]], version: 7), arrivedAt: nil)
        #expect(store.count == 4)
        // A later batch: a new newest lead lands in the rows above the window.
        store.receive(StoredLeads(added: [F.lead("del_9", name: "N9", minutesAgo: 0)], version: 8), arrivedAt: F.now)
        #expect(store.count == 5)
        #expect(store.visibleCount == 5)
        #expect(store.windowStart == 3)
        #expect(store.entry(atRow: 3)?.lead.id == "del_1")
    }

    @Test func aPageForAnOlderGenerationIsDropped() {
        var store = LeadStore()
        let all = (0..<4).map { F.lead("del_\($0)", name: "N\($0)", minutesAgo: 10 - $0) }
        store.setFilter(FeedFilter(terms: ["acme"]))
        let request = store.request(scroll: 0, rows: 10)!
        store.receive(StoredLeads(added: [F.lead("del_9", name: "N9", minutesAgo: 0)], version: 1), arrivedAt: nil)
        #expect(!store.isSettled)
        store.setFilter(.all)
        let stale = store.accept(FeedPage.answer(request, from: all))
        #expect(!stale)
        #expect(store.pending == nil)
        let again = store.request(scroll: 0, rows: 10)!
        #expect(again.filter == .all)
        let fresh = store.accept(FeedPage.answer(again, from: all))
        #expect(fresh)
        #expect(store.isSettled)
        #expect(ids(store) == ["del_3", "del_2", "del_1", "del_0"])
    }

    @Test func newLeadsMatchingTheFilterJoinTheWindow() {
        var store = LeadStore()
        store.setFilter(FeedFilter(terms: ["acme"]))
        store.accept(FeedPage.answer(store.request(scroll: 0, rows: 10)!, from: []))
        store.receive(StoredLeads(added: [F.lead("del_a", name: "A", minutesAgo: 5),
                                          F.lead("del_b", name: "B", company: "Other", minutesAgo: 4)], version: 1),
                      arrivedAt: nil)
        #expect(store.count == 2)
        #expect(store.visibleCount == 1)
        #expect(ids(store) == ["del_a"])
    }

    @Test func selectionFollowsTheSameLeadWhenNewOnesArriveAtTheTop() {
        var state = F.state(width: 80, height: 24)
        reduce(&state, .key(.char("j")))
        reduce(&state, .key(.char("j")))
        #expect(state.selectedLeadID == "del_a03")
        let newer = (0..<3).map { F.lead("del_n\($0)", name: "New \($0)", minutesAgo: 0) }
        reduce(&state, .tick(now: F.now.addingTimeInterval(10)))
        reduce(&state, .sync(.newLeads(newer)))
        #expect(state.selectedLeadID == "del_a03")
        #expect(state.selectedLeadRow == 5)
        #expect(state.feedScroll == 0)
        #expect(state.isNew(state.leads.entry(id: "del_n0")!))
        #expect(!state.isNew(state.leads.entry(id: "del_a01")!))
        reduce(&state, .tick(now: F.now.addingTimeInterval(70)))
        #expect(!state.isNew(state.leads.entry(id: "del_n0")!))
    }

    @Test func aScrolledFeedKeepsTheSameRowsOnScreen() {
        var state = F.state(width: 80, height: 24)
        reduce(&state, .key(.char("G")))
        let scroll = state.feedScroll
        let top = state.leads.entry(atRow: scroll)?.lead.id
        #expect(scroll > 0)
        reduce(&state, .sync(.newLeads([F.lead("del_n0", name: "New", minutesAgo: 0), F.lead("del_n1", name: "New", minutesAgo: 0)])))
        #expect(state.feedScroll == scroll + 2)
        #expect(state.leads.entry(atRow: state.feedScroll)?.lead.id == top)
        #expect(state.selectedLeadID == "del_a12")
    }

    @Test func theSelectionStaysVisibleWhenArrivalsPushItDown() {
        var state = F.state(width: 80, height: 24)
        let visible = state.layout.visibleRows(.feed)
        for _ in 0..<(visible - 1) { reduce(&state, .key(.char("j"))) }
        let selected = state.selectedLeadID
        reduce(&state, .sync(.newLeads([F.lead("del_n0", name: "New", minutesAgo: 0)])))
        #expect(state.selectedLeadID == selected)
        #expect(state.feedScroll == 1)
    }

    @Test func a100kFeedKeepsOnlyItsWindowInMemory() {
        var store = LeadStore(capacity: 600)
        let template = F.lead("del_x", name: "N", minutesAgo: 0)
        let base = F.now.addingTimeInterval(-200_000)
        let all = (0..<100_000).map { i -> Lead in
            var lead = template
            lead.id = String(format: "del_%06d", i)
            lead.deliveredAt = base.addingTimeInterval(Double(i))
            return lead
        }
        store.accept(FeedPage.answer(FeedRequest(filter: .all, offset: 0, limit: 600, generation: 0), from: all))
        #expect(store.visibleCount == 100_000)
        #expect(store.window.count == 600)
        #expect(store.entry(atRow: 0)?.lead.id == "del_099999")
        let request = store.request(scroll: 50_000, rows: 40)!
        #expect(request.offset == 50_000 - (600 - 40) / 2)
        store.accept(FeedPage.answer(request, from: all))
        #expect(store.window.count == 600)
        #expect(store.entry(atRow: 50_000)?.lead.id == "del_049999")
        #expect(store.row(ofID: "del_049999") == 50_000)
        #expect(store.request(scroll: 50_000, rows: 40) == nil)
    }
}
