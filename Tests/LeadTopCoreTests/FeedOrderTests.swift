import Foundation
import Testing
import LeadOSContract
import LeadTopCore
import LeadTopTestSupport

/// The feed in another order than newest first: the rows in memory follow the order the cache
/// reads in, and new arrivals are inserted where that order places them.
@Suite struct FeedOrderTests {
    typealias F = DashboardFixtures

    func ids(_ store: LeadStore) -> [String] {
        (0..<store.visibleCount).compactMap { store.entry(atRow: $0)?.lead.id }
    }

    @Test func aNewOrderRereadsTheRowsFromTheTopAndArrivalsTakeTheirPlace() {
        let all = [F.lead("del_a", name: "A", score: 50, minutesAgo: 5), F.lead("del_b", name: "B", score: 90, minutesAgo: 4),
                   F.lead("del_c", name: "C", score: 70, minutesAgo: 3), F.lead("del_d", name: "D", score: 70, minutesAgo: 2)]
        var store = LeadStore()
        store.receive(StoredLeads(added: all, version: 1), arrivedAt: nil)
        let generation = store.generation
        store.setOrder(FeedOrder(.score, descending: true))
        #expect(store.window.isEmpty)
        #expect(store.visibleCount == 4, "the counts do not change with the order")
        let request = store.request(scroll: 0, rows: 10)
        #expect(request == FeedRequest(filter: .all, order: FeedOrder(.score, descending: true), offset: 0, limit: 600,
                                       generation: generation + 1))
        // A page read in the old order is dropped.
        let stale = store.accept(FeedPage.answer(FeedRequest(filter: .all, offset: 0, limit: 600, generation: generation + 1), from: all))
        #expect(!stale)
        let accepted = store.accept(FeedPage.answer(request!, from: all, version: 1))
        #expect(accepted)
        #expect(ids(store) == ["del_b", "del_d", "del_c", "del_a"], "equal scores by id, descending")
        store.receive(StoredLeads(added: [F.lead("del_e", name: "E", score: 80, minutesAgo: 0),
                                          F.lead("del_f", name: "F", score: 10, minutesAgo: 0)], version: 2), arrivedAt: F.now)
        #expect(ids(store) == ["del_b", "del_e", "del_d", "del_c", "del_a", "del_f"])
    }

    @Test func reversedScoreOrderPutsTheLowestFirst() {
        let all = [F.lead("del_a", name: "A", score: 50, minutesAgo: 5), F.lead("del_b", name: "B", score: 90, minutesAgo: 4),
                   F.lead("del_c", name: "C", score: 50, minutesAgo: 3)]
        let page = FeedPage.answer(FeedRequest(filter: .all, order: FeedOrder(.score, descending: false), offset: 0, limit: 10,
                                               generation: 0), from: all)
        #expect(page.leads.map(\.id) == ["del_a", "del_c", "del_b"])
        let byName = FeedPage.answer(FeedRequest(filter: .all, order: FeedOrder(.name, descending: true), offset: 1, limit: 10,
                                                 generation: 0), from: all)
        #expect(byName.leads.map(\.id) == ["del_b", "del_a"])
    }

    /// Campaigns sort in memory; the selection stays on the same campaign, and `<` past the
    /// first column goes back to LeadOS's order.
    @Test func campaignsSortInMemoryAndReturnToLeadOSOrder() {
        var state = F.state(width: 160, height: 48)
        let apiOrder = state.campaigns.map(\.id)
        _ = reduce(&state, .key(.char("1")))
        _ = reduce(&state, .key(.char("j")))
        let selected = state.selectedCampaignID
        _ = reduce(&state, .key(.char("<")))
        #expect(state.campaignOrder == CampaignOrder(.credits, descending: true))
        #expect(state.campaigns.map(\.creditsSpent) == state.campaigns.map(\.creditsSpent).sorted(by: >))
        #expect(state.selectedCampaignID == selected)
        #expect(state.campaignIndex[selected!] == state.campaigns.firstIndex { $0.id == selected })
        for _ in 0..<7 { _ = reduce(&state, .key(.char("<"))) }
        #expect(state.campaignOrder == nil)
        #expect(state.campaigns.map(\.id) == apiOrder)
        #expect(state.message?.text == "Campaigns in LeadOS's order, newest first")
    }
}
