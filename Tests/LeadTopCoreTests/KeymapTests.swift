import Testing
import LeadOSAPI
import LeadTopCore
import LeadTopTestSupport

/// Every key on the dashboard, from a fresh fixture state, with the exact effects and the one
/// visible change it makes.
@Suite struct KeymapTests {
    typealias F = DashboardFixtures

    struct Case: Sendable, CustomTestStringConvertible {
        var key: Key
        var effects: [Effect]
        var check: @Sendable (AppState) -> Bool
        var testDescription: String { "\(key)" }
    }

    static let cases: [Case] = [
        Case(key: .char("q"), effects: [.quit]) { _ in true },
        Case(key: .ctrl("c"), effects: [.quit]) { _ in true },
        Case(key: .char("?"), effects: []) { $0.modal == .help },
        Case(key: .tab, effects: []) { $0.focus == .stats },
        Case(key: .backtab, effects: []) { $0.focus == .campaigns },
        Case(key: .char("3"), effects: []) { $0.focus == .stats },
        Case(key: .char("j"), effects: []) { $0.selectedLeadID == "del_a02" },
        Case(key: .down, effects: []) { $0.selectedLeadID == "del_a02" },
        Case(key: .char("k"), effects: []) { $0.selectedLeadID == "del_a01" },
        Case(key: .up, effects: []) { $0.selectedLeadID == "del_a01" },
        Case(key: .char("G"), effects: []) { $0.selectedLeadID == "del_a12" },
        Case(key: .end, effects: []) { $0.selectedLeadID == "del_a12" },
        Case(key: .char("g"), effects: []) { $0.selectedLeadID == "del_a01" },
        Case(key: .home, effects: []) { $0.selectedLeadID == "del_a01" },
        Case(key: .pageDown, effects: []) { $0.selectedLeadID == "del_a11" },
        Case(key: .pageUp, effects: []) { $0.selectedLeadRow == 0 },
        Case(key: .enter, effects: []) { $0.modal == .leadCard },
        Case(key: .char("a"), effects: []) { $0.scopeCampaignID == nil },
        Case(key: .esc, effects: []) { $0.filterText.isEmpty && $0.modal == nil },
        Case(key: .char("/"), effects: []) { $0.modal == .filterInput(text: "") },
        Case(key: .char("R"), effects: [.refreshNow]) { $0.message?.text == "Refreshing everything…" },
        Case(key: .char("p"), effects: []) { $0.modal == .confirm(.pause(campaignID: "camp_solar01", name: "Solar installers DE")) },
        Case(key: .char("+"), effects: [.write(.feedback(leadID: "del_a01", FeedbackSubmission(rating: .good)))]) {
            $0.selectedLead?.feedback?.rating == .good
        },
        Case(key: .char("-"), effects: []) { $0.modal == .reasonPicker(leadID: "del_a01", note: nil) },
        Case(key: .char("n"), effects: []) { $0.message?.kind == .error && $0.modal == nil },
        Case(key: .char("s"), effects: []) { $0.modal == .confirm(.suppress(leadID: "del_a01", email: "a01@example.com")) },
        Case(key: .char("x"), effects: []) { $0.modal == nil && $0.message == nil },
        Case(key: .left, effects: []) { $0.modal == nil && $0.message == nil },
    ]

    @Test(arguments: cases) func key(_ c: Case) {
        var state = F.state(width: 80, height: 24)
        #expect(reduce(&state, .key(c.key)) == c.effects)
        let changedAsExpected = c.check(state)
        #expect(changedAsExpected, "\(c.key)")
    }

    @Test func theHelpListsEveryWriteKeyAsAWrite() {
        let writes = Keymap.sections.flatMap(\.bindings).filter(\.writes).map(\.keys)
        #expect(writes == ["p", "+", "-", "n", "s"])
        #expect(Keymap.sections.map(\.title) == ["Move", "Act", "View"])
    }
}
