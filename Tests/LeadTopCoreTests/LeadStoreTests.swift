import Foundation
import Testing
import LeadOSAPI
import LeadTopCore
import LeadTopTestSupport

@Suite struct LeadStoreTests {
    typealias F = DashboardFixtures

    func ids(_ store: LeadStore) -> [String] {
        (0..<store.visibleCount).compactMap { store.entry(atRow: $0)?.lead.id }
    }

    @Test func ordersByDeliveryThenIDDescending() {
        var store = LeadStore()
        store.upsert([F.lead("del_b", name: "B", minutesAgo: 5), F.lead("del_a", name: "A", minutesAgo: 5),
                      F.lead("del_c", name: "C", minutesAgo: 1), F.lead("del_d", name: "D", minutesAgo: 9)], arrivedAt: nil)
        #expect(ids(store) == ["del_c", "del_b", "del_a", "del_d"])
        #expect(store.row(ofID: "del_a") == 2)
        #expect(store.row(ofID: "del_zzz") == nil)
    }

    @Test func deduplicatesByID() {
        var store = LeadStore()
        let added = store.upsert([F.lead("del_a", name: "A", minutesAgo: 5)], arrivedAt: nil)
        let again = store.upsert([F.lead("del_a", name: "A renamed", minutesAgo: 5)], arrivedAt: F.now)
        #expect(added == 1)
        #expect(again == 0)
        #expect(store.count == 1)
        #expect(store.entry(id: "del_a")?.lead.fullName == "A renamed")
        #expect(store.entry(id: "del_a")?.arrivedAt == nil)
    }

    @Test func evictsTheOldestBeyondCapacity() {
        var store = LeadStore(capacity: 3)
        store.setFilter(FeedFilter(scores: [.init(.greater, 50)]))
        store.upsert((0..<5).map { F.lead("del_\($0)", name: "N\($0)", score: 60 + $0, minutesAgo: 10 - $0) }, arrivedAt: nil)
        #expect(store.count == 3)
        #expect(ids(store) == ["del_4", "del_3", "del_2"])
        #expect(store.entry(id: "del_0") == nil)
    }

    @Test func aChangedLeadLeavesTheFilterWhenItNoLongerMatches() {
        var store = LeadStore()
        store.setFilter(FeedFilter(terms: ["acme"]))
        store.upsert([F.lead("del_a", name: "A", minutesAgo: 5)], arrivedAt: nil)
        #expect(store.visibleCount == 1)
        store.upsert([F.lead("del_a", name: "A", company: "Other", minutesAgo: 5)], arrivedAt: nil)
        #expect(store.visibleCount == 0)
    }

    @Test func selectionFollowsTheSameLeadWhenNewOnesArriveAtTheTop() {
        var state = F.state(width: 80, height: 24)
        reduce(&state, .key(.char("j")))
        reduce(&state, .key(.char("j")))
        #expect(state.selectedLeadID == "del_a03")
        let newer = (0..<3).map { F.lead("del_n\($0)", name: "New \($0)", minutesAgo: 0) }
        reduce(&state, .tick(now: F.now.addingTimeInterval(10)))
        reduce(&state, .sync(.leads(newer)))
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
        reduce(&state, .sync(.leads([F.lead("del_n0", name: "New", minutesAgo: 0), F.lead("del_n1", name: "New", minutesAgo: 0)])))
        #expect(state.feedScroll == scroll + 2)
        #expect(state.leads.entry(atRow: state.feedScroll)?.lead.id == top)
        #expect(state.selectedLeadID == "del_a12")
    }

    @Test func theSelectionStaysVisibleWhenArrivalsPushItDown() {
        var state = F.state(width: 80, height: 24)
        let visible = state.layout.visibleRows(.feed)
        for _ in 0..<(visible - 1) { reduce(&state, .key(.char("j"))) }
        let selected = state.selectedLeadID
        reduce(&state, .sync(.leads([F.lead("del_n0", name: "New", minutesAgo: 0)])))
        #expect(state.selectedLeadID == selected)
        #expect(state.feedScroll == 1)
    }

    @Test func a100kStoreStaysBoundedAndIndexed() {
        var store = LeadStore(capacity: 100_000)
        let base = F.now.addingTimeInterval(-200_000)
        var batch: [Lead] = []
        let template = F.lead("del_x", name: "N", minutesAgo: 0)
        for i in 0..<100_500 {
            var lead = template
            lead.id = "del_\(i)"
            lead.deliveredAt = base.addingTimeInterval(Double(i))
            batch.append(lead)
        }
        store.upsert(batch, arrivedAt: nil)
        #expect(store.count == 100_000)
        #expect(store.entry(atRow: 0)?.lead.id == "del_100499")
        #expect(store.entry(atRow: 99_999)?.lead.id == "del_500")
        #expect(store.row(ofID: "del_50000") == 50_499)
    }
}
