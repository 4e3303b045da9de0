import Foundation
import Testing
import LeadOSAPI
import LeadTopCore
import LeadTopTestSupport

/// Older leads back-filled from the cache join below the feed without NEW marks and without
/// moving what the user is looking at; live arrivals after start are still marked NEW.
@Suite struct CachedLeadsTests {
    typealias F = DashboardFixtures

    @Test func backfilledLeadsAreNotNewAndKeepTheSelection() {
        var state = AppState(width: 120, height: 40, now: F.now)
        _ = reduce(&state, .sync(.leads([F.lead("del_b", name: "B", minutesAgo: 2), F.lead("del_a", name: "A", minutesAgo: 3)])))
        #expect(state.selectedLeadID == "del_b")
        _ = reduce(&state, .sync(.cachedLeads([F.lead("del_old2", name: "Old 2", minutesAgo: 90), F.lead("del_old1", name: "Old 1", minutesAgo: 95)])))
        #expect(state.leads.visibleCount == 4)
        #expect((0..<4).compactMap { state.leads.entry(atRow: $0)?.lead.id } == ["del_b", "del_a", "del_old2", "del_old1"])
        #expect((0..<4).compactMap { state.leads.entry(atRow: $0) }.allSatisfy { !state.isNew($0) })
        #expect(state.selectedLeadID == "del_b")
        #expect(state.feedScroll == 0)

        _ = reduce(&state, .sync(.leads([F.lead("del_c", name: "C", minutesAgo: 0)])))
        let newest = state.leads.entry(atRow: 0)
        #expect(newest?.lead.id == "del_c")
        #expect(newest.map(state.isNew) == true)
    }
}
