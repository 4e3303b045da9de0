import Testing
import LeadOSContract
import LeadTopCore
import LeadTopTestSupport

/// Every key on the dashboard, from a fresh fixture state, with the exact effects and the one
/// visible change it makes.
@Suite struct KeymapTests {
    typealias F = DashboardFixtures

    /// A key, pressed after `setup`, with its exact effects and the change it makes. `check` must
    /// not hold before the key (so it proves a change); a key that must change nothing at all has
    /// no check, and the whole state is compared instead.
    struct Case: Sendable, CustomTestStringConvertible {
        var setup: [Key] = []
        var key: Key
        var effects: [Effect]
        var check: (@Sendable (AppState) -> Bool)?
        var testDescription: String { setup.isEmpty ? "\(key)" : "\(setup) then \(key)" }
    }

    static let cases: [Case] = [
        Case(key: .char("q"), effects: [.quit]),
        Case(key: .ctrl("c"), effects: [.quit]),
        Case(key: .char("?"), effects: []) { $0.modal == .help },
        Case(key: .tab, effects: []) { $0.focus == .stats },
        Case(key: .backtab, effects: []) { $0.focus == .campaigns },
        Case(key: .char("3"), effects: []) { $0.focus == .stats },
        Case(key: .char("j"), effects: []) { $0.selectedLeadID == "del_a02" },
        Case(key: .down, effects: []) { $0.selectedLeadID == "del_a02" },
        Case(setup: [.char("j")], key: .char("k"), effects: []) { $0.selectedLeadID == "del_a01" },
        Case(setup: [.char("j")], key: .up, effects: []) { $0.selectedLeadID == "del_a01" },
        Case(key: .char("G"), effects: []) { $0.selectedLeadID == "del_a12" },
        Case(key: .end, effects: []) { $0.selectedLeadID == "del_a12" },
        Case(setup: [.char("j"), .char("j")], key: .char("g"), effects: []) { $0.selectedLeadID == "del_a01" },
        Case(setup: [.char("j"), .char("j")], key: .home, effects: []) { $0.selectedLeadID == "del_a01" },
        Case(key: .pageDown, effects: []) { $0.selectedLeadID == "del_a11" },
        Case(setup: [.pageDown], key: .pageUp, effects: []) { $0.selectedLeadRow == 0 },
        Case(key: .enter, effects: []) { $0.modal == .leadCard },
        Case(setup: [.char("1"), .enter], key: .char("a"), effects: [
            .setStatsScope(campaignID: nil), .loadFeed(FeedRequest(filter: FeedFilter(), offset: 0, limit: 600, generation: 3)),
        ]) { $0.scopeCampaignID == nil },
        Case(setup: [.char("/"), .char("x"), .enter], key: .esc, effects: [
            .loadFeed(FeedRequest(filter: FeedFilter(), offset: 0, limit: 600, generation: 3)),
        ]) { $0.filterText.isEmpty && $0.modal == nil },
        Case(key: .char("/"), effects: []) { $0.modal == .filterInput(text: "") },
        Case(key: .char("R"), effects: [.refreshNow]) { $0.message?.text == "Refreshing everything…" },
        Case(key: .char("p"), effects: []) { $0.modal == .confirm(.pause(campaignID: "camp_solar01", name: "Solar installers DE")) },
        Case(key: .char("+"), effects: [.write(.feedback(leadID: "del_a01", FeedbackSubmission(rating: .good)))]) {
            $0.leads.entry(id: "del_a01")?.lead.feedback?.rating == .good && $0.selectedLeadID == "del_a02"
        },
        Case(key: .char("u"), effects: [
            .loadFeed(FeedRequest(filter: FeedFilter(unratedOnly: true), offset: 0, limit: 600, generation: 2)),
        ]) { $0.leads.filter.unratedOnly },
        Case(key: .char("]"), effects: [.setStatsRange(.twoMonths)]) { $0.statsRange == .twoMonths },
        Case(key: .char("["), effects: [.setStatsRange(.fortnight)]) { $0.statsRange == .fortnight },
        Case(key: .char("z"), effects: []) { $0.message?.text == "Nothing to undo: no rating made since leadtop started" },
        Case(setup: [.char("+")], key: .char("z"), effects: [
            .withdrawWrite(.feedback(leadID: "del_a01", FeedbackSubmission(rating: .good))),
        ]) { $0.undoing.map(\.leadID) == ["del_a01"] },
        Case(key: .char("-"), effects: []) { $0.modal == .reasonPicker(leadID: "del_a01", note: nil) },
        Case(key: .char("n"), effects: []) { $0.message?.kind == .error && $0.modal == nil },
        Case(key: .char("s"), effects: []) { $0.modal == .confirm(.suppress(leadID: "del_a01", email: "a01@example.com")) },
        Case(key: .char("x"), effects: []) { $0.modal == .exportPath(text: "~/leadtop-leads-20260507-1430.csv") },
        Case(key: .char(">"), effects: [
            .loadFeed(FeedRequest(filter: FeedFilter(), order: FeedOrder(.score, descending: true), offset: 0, limit: 600, generation: 2)),
        ]) { $0.leads.order == FeedOrder(.score, descending: true) && $0.message?.text == "Feed sorted by SCR▼" },
        // At 80 columns the feed shows no TITLE, EMAIL or GEOGRAPHY: `<` from AGE wraps to COMPANY.
        Case(key: .char("<"), effects: [
            .loadFeed(FeedRequest(filter: FeedFilter(), order: FeedOrder(.company, descending: false), offset: 0, limit: 600, generation: 2)),
        ]) { $0.leads.order == FeedOrder(.company, descending: false) },
        Case(key: .char("r"), effects: [
            .loadFeed(FeedRequest(filter: FeedFilter(), order: FeedOrder(.delivered, descending: false), offset: 0, limit: 600, generation: 2)),
        ]) { $0.leads.order == FeedOrder(.delivered, descending: false) && $0.message?.text == "Feed sorted by AGE▼" },
        Case(setup: [.char("1")], key: .char(">"), effects: []) { $0.campaignOrder == CampaignOrder(.status, descending: false) },
        Case(setup: [.char("1"), .char(">")], key: .char("r"), effects: []) { $0.campaignOrder == CampaignOrder(.status, descending: true) },
        Case(setup: [.char("1")], key: .char("<"), effects: []) { $0.campaignOrder == CampaignOrder(.days, descending: true) },
        Case(setup: [.char("3")], key: .char(">"), effects: []) { $0.message?.text == "Only the Campaigns and Live lead feed panes sort (1, 2)" },
        Case(key: .char("b"), effects: []),
        Case(key: .left, effects: []),
    ]

    @Test(arguments: cases) func key(_ c: Case) {
        var state = F.state(width: 80, height: 24)
        for key in c.setup { _ = reduce(&state, .key(key)) }
        let before = state
        #expect(reduce(&state, .key(c.key)) == c.effects)
        if let check = c.check {
            #expect(!check(before), "the change was already there before \(c.key)")
            #expect(check(state), "\(c.key)")
        } else {
            #expect(String(describing: state) == String(describing: before), "\(c.key) changed nothing")
        }
    }

    @Test func theHelpListsEveryWriteKeyAsAWrite() {
        let table = KeyTable.standard
        let writes = KeyTable.Group.allCases.flatMap(table.rows).filter(\.writes).map(\.keys)
        #expect(writes == ["p", "c", "e", "E", "+", "-", "n", "s", "S", "z"])
        #expect(table.rows(.view).suffix(2).map(\.keys) == ["< >", "r"])
        #expect(KeyTable.Group.allCases.map(\.rawValue) == ["Move", "Act", "View"])
    }

    /// A binding changed in one place changes dispatch, the help rows and the hints alike.
    @Test func theTableDrivesDispatchHelpAndHints() throws {
        let table = try KeyTable.standard.overriding([("pause", ["P"]), ("rate_good", ["+", "g"])])
        var state = F.state(width: 80, height: 24)
        state.settings.keys = table
        #expect(reduce(&state, .key(.char("p"))) == [])
        #expect(state.modal == nil, "p no longer pauses")
        _ = reduce(&state, .key(.char("P")))
        #expect(state.modal == .confirm(.pause(campaignID: "camp_solar01", name: "Solar installers DE")))
        state.modal = nil
        #expect(reduce(&state, .key(.char("g"))) == [.write(.feedback(leadID: "del_a01", FeedbackSubmission(rating: .good)))])
        #expect(table.rows(.act).map(\.keys) == ["P", "c", "e", "E", "+ g", "-", "n", "s", "S", "y Y", "o", "z"])
        #expect(table.rows(.move).first { $0.help == "first / last row" }?.keys == "Home G End", "g went to rate_good")
        #expect(table.hints(readOnly: false) == "?:help /:filter P:pause +/-:rate s:suppress q:quit")
        #expect(KeyTable.standard.hints(readOnly: true) == "?:help /:filter Enter:open R:refresh q:quit")
    }

    @Test func overrideErrorsSayWhatIsWrong() {
        #expect(throws: KeyTable.OverrideError.unknownAction("pasue", suggestion: "pause")) {
            try KeyTable.standard.overriding([("pasue", ["P"])])
        }
        #expect(throws: KeyTable.OverrideError.unknownKey(action: "pause", key: "ctrl-")) {
            try KeyTable.standard.overriding([("pause", ["ctrl-"])])
        }
        #expect(throws: KeyTable.OverrideError.conflict(key: "x", actions: ["pause", "quit"])) {
            try KeyTable.standard.overriding([("pause", ["x"]), ("quit", ["x"])])
        }
        #expect(throws: KeyTable.OverrideError.conflict(key: "p", actions: ["pause", "quit"])) {
            try KeyTable.standard.overriding([("quit", ["p"])])
        }
        #expect(throws: KeyTable.OverrideError.noKeys(action: "help")) { try KeyTable.standard.overriding([("help", [])]) }
    }

    @Test func keyNamesParseAndDisplay() {
        let cases: [(String, Key, String)] = [
            ("P", .char("P"), "P"), ("+", .char("+"), "+"), ("ctrl-r", .ctrl("r"), "Ctrl-R"), ("C-x", .ctrl("x"), "Ctrl-X"),
            ("enter", .enter, "Enter"), ("Esc", .esc, "Esc"), ("shift-tab", .backtab, "S-Tab"), ("pgdn", .pageDown, "PgDn"),
            ("space", .char(" "), "Space"), ("f5", .function(5), "F5"), ("up", .up, "↑"),
        ]
        for (text, key, shown) in cases {
            #expect(KeyName.parse(text) == key, "\(text)")
            #expect(KeyName.display(key) == shown)
        }
        for bad in ["", "ctrl-", "ctrl-ab", "f99", "nope", " "] { #expect(KeyName.parse(bad) == nil, "\(bad)") }
    }

    /// The README's key table is the table's own rendering.
    @Test func theReadmeTableMatchesTheKeyTable() throws {
        let readme = try String(contentsOfFile: #filePath.components(separatedBy: "/Tests/")[0] + "/README.md", encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- keys: generated from KeyTable.standard -->\n"))
        let end = try #require(readme.range(of: "\n<!-- /keys -->"))
        #expect(String(readme[start.upperBound..<end.lowerBound]) == KeyTable.standard.markdown)
    }
}
