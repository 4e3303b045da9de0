import Testing
import LeadOSContract
import LeadTopCore
import LeadTopTestSupport

@Suite struct FeedFilterTests {
    typealias F = DashboardFixtures

    @Test func parsesScoreComparisonsAndText() throws {
        let filter = try FeedFilter.parse("score>80 Solar  score<=95 GmbH").get()
        #expect(filter == FeedFilter(terms: ["solar", "gmbh"],
                                     scores: [.init(.greater, 80), .init(.lessOrEqual, 95)]))
        #expect(try FeedFilter.parse("score>=50 score<50 score=7").get().scores
            == [.init(.greaterOrEqual, 50), .init(.less, 50), .init(.equal, 7)])
        #expect(try FeedFilter.parse("scored").get().terms == ["scored"])
        #expect(try FeedFilter.parse("   ").get() == .all)
    }

    @Test func rejectsBadScores() {
        #expect(FeedFilter.parse("score>abc") == .failure(FilterSyntaxError(term: "score>abc")))
        #expect(FeedFilter.parse("score<101") == .failure(FilterSyntaxError(term: "score<101")))
        #expect(FeedFilter.parse("score>") == .failure(FilterSyntaxError(term: "score>")))
    }

    @Test func filterInputAppliesOnEnterAndEscClears() {
        var state = F.state()
        let feed = MemoryFeed()
        reduce(&state, .key(.char("/")))
        for c in "score>80" { reduce(&state, .key(.char(c))) }
        #expect(state.modal == .filterInput(text: "score>80"))
        #expect(state.leads.visibleCount == 12)
        feed.send(.key(.enter), to: &state)
        #expect(state.modal == nil)
        #expect(state.filterText == "score>80")
        // 92, 88, 95, 84, 81
        #expect(state.leads.visibleCount == 5)
        #expect(state.message?.text == "5 leads match score>80")
        feed.send(.key(.esc), to: &state)
        #expect(state.filterText == "")
        #expect(state.leads.visibleCount == 12)
    }

    @Test func aBadFilterKeepsThePromptOpen() {
        var state = F.state()
        reduce(&state, .key(.char("/")))
        for c in "score>x" { reduce(&state, .key(.char(c))) }
        reduce(&state, .key(.enter))
        #expect(state.modal == .filterInput(text: "score>x"))
        #expect(state.message?.kind == .error)
        #expect(state.message?.text == "Filter \"score>x\": a score filter needs a whole number 0–100, e.g. score>80")
        reduce(&state, .key(.esc))
        #expect(state.modal == nil)
        #expect(state.leads.visibleCount == 12)
    }

    @Test func textMatchesAnyFieldCaseInsensitively() {
        var state = F.state()
        reduce(&state, .key(.char("/")))
        for c in "GERMANY" { reduce(&state, .key(.char(c))) }
        MemoryFeed().send(.key(.enter), to: &state)
        #expect((0..<state.leads.visibleCount).compactMap { state.leads.entry(atRow: $0)?.lead.id }
            == ["del_a06", "del_a07"])
    }

    @Test func newLeadsThatMatchJoinTheFilteredView() {
        var state = F.state()
        reduce(&state, .key(.char("/")))
        for c in "score<50" { reduce(&state, .key(.char(c))) }
        var feed = MemoryFeed()
        feed.send(.key(.enter), to: &state)
        #expect(state.leads.visibleCount == 1)
        let stored = feed.store([F.lead("del_b01", name: "Low", score: 10, minutesAgo: 0),
                                 F.lead("del_b02", name: "High", score: 99, minutesAgo: 0)])
        feed.send(.sync(.leads(stored)), to: &state)
        #expect(state.leads.visibleCount == 2)
        #expect(state.leads.entry(atRow: 0)?.lead.id == "del_b01")
    }
}
