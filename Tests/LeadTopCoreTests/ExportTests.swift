import Foundation
import LeadOSContract
import LeadTopCore
import LeadTopTestSupport
import Testing

/// `x` and `:export PATH` through the reducer: the prompt, the exact effect, and the status bar
/// as the runtime reports back.
@Suite struct ExportTests {
    typealias F = DashboardFixtures

    static let defaultPath = "~/leadtop-leads-20260507-1430.csv"

    func type(_ state: inout AppState, _ text: String) {
        for c in text { reduce(&state, .key(.char(c))) }
    }

    @Test func xOpensThePromptWithTheDefaultPath() {
        var state = F.state()
        #expect(reduce(&state, .key(.char("x"))) == [])
        #expect(state.modal == .exportPath(text: Self.defaultPath))
        #expect(state.exportRunning == false)
    }

    @Test func enterExportsTheViewWithItsScopeAndFilter() {
        var state = F.state()
        reduce(&state, .key(.char(":")))
        type(&state, "scope camp_solar01")
        reduce(&state, .key(.enter))
        reduce(&state, .key(.char("/")))
        type(&state, "founder score>80")
        reduce(&state, .key(.enter))
        reduce(&state, .key(.char("x")))
        let effects = reduce(&state, .key(.enter))
        let filter = FeedFilter(campaignID: "camp_solar01", terms: ["founder"], scores: [.init(.greater, 80)])
        #expect(effects == [.export(ExportRequest(path: Self.defaultPath, filter: filter))])
        #expect(state.modal == nil)
        #expect(state.exportRunning)
        #expect(state.message?.text == "Exporting to \(Self.defaultPath)…")
        let request = ExportRequest(path: Self.defaultPath, filter: filter)
        #expect(request.format == .csv)
        #expect(request.campaignID == "camp_solar01")
        #expect(request.minScore == 81)
    }

    @Test func escLeavesThePromptAndExportsNothing() {
        var state = F.state()
        reduce(&state, .key(.char("x")))
        #expect(reduce(&state, .key(.esc)) == [])
        #expect(state.modal == nil)
        #expect(state.exportRunning == false)
    }

    @Test func theTypedPathDecidesTheFormat() {
        var state = F.state()
        reduce(&state, .key(.char("x")))
        for _ in Self.defaultPath { reduce(&state, .key(.backspace)) }
        #expect(state.modal == .exportPath(text: ""))
        type(&state, "/tmp/out.jsonl")
        let effects = reduce(&state, .key(.enter))
        #expect(effects == [.export(ExportRequest(path: "/tmp/out.jsonl", filter: .all))])
        #expect(ExportRequest(path: "/tmp/out.jsonl", filter: .all).format == .jsonl)
        #expect(ExportRequest(path: "a.JSON", filter: .all).format == .jsonl)
        #expect(ExportRequest(path: "a.txt", filter: .all).format == .csv)
    }

    @Test func anEmptyPathIsRefused() {
        var state = F.state()
        reduce(&state, .key(.char("x")))
        for _ in Self.defaultPath { reduce(&state, .key(.backspace)) }
        #expect(reduce(&state, .key(.enter)) == [])
        #expect(state.message?.text == "Export needs a file path")
        #expect(state.message?.kind == .error)
        #expect(state.exportRunning == false)
    }

    @Test func colonExportTakesThePathAndTheSamePath() {
        var state = F.state()
        reduce(&state, .key(.char(":")))
        type(&state, "export /tmp/leads.csv")
        let effects = reduce(&state, .key(.enter))
        #expect(effects == [.export(ExportRequest(path: "/tmp/leads.csv", filter: .all)),
                            .saveCommandHistory(["export /tmp/leads.csv"])])
        // Without a path it is the key: the prompt with the default path.
        var other = F.state()
        reduce(&other, .key(.char(":")))
        type(&other, "export")
        #expect(reduce(&other, .key(.enter)) == [.saveCommandHistory(["export"])])
        #expect(other.modal == .exportPath(text: Self.defaultPath))
    }

    @Test func progressAndResultShowInTheStatusBar() {
        var state = F.state()
        reduce(&state, .key(.char("x")))
        reduce(&state, .key(.enter))
        #expect(reduce(&state, .export(.progress(written: 1200))) == [])
        #expect(state.message?.text == "Exporting… 1,200 leads")
        // A second export waits for the first.
        #expect(reduce(&state, .key(.char("x"))) == [])
        #expect(state.modal == nil)
        #expect(state.message == StatusMessage("An export is already running", kind: .error, expiresAt: state.message!.expiresAt))
        reduce(&state, .export(.finished(path: Self.defaultPath, count: 1234, skipped: 0)))
        #expect(state.message == StatusMessage("Exported 1,234 leads to \(Self.defaultPath)", kind: .info,
                                               expiresAt: state.message!.expiresAt))
        #expect(state.exportRunning == false)
        reduce(&state, .export(.failed(path: "/nope/x.csv", reason: "cannot create /nope/x.csv: No such file or directory")))
        #expect(state.message == StatusMessage("Export to /nope/x.csv failed: cannot create /nope/x.csv: No such file or directory",
                                               kind: .error, expiresAt: state.message!.expiresAt))
    }

    @Test func anExistingFileIsReplacedOnlyAfterYes() {
        var state = F.state()
        let request = ExportRequest(path: "/tmp/there.csv", filter: .all)
        reduce(&state, .key(.char(":")))
        type(&state, "export /tmp/there.csv")
        reduce(&state, .key(.enter))
        #expect(reduce(&state, .export(.exists(request))) == [])
        #expect(state.modal == .confirm(.overwrite(request)))
        #expect(state.exportRunning == false)
        var replacing = request
        replacing.overwrite = true
        #expect(reduce(&state, .key(.char("y"))) == [.export(replacing)])
        #expect(state.exportRunning)
        // Any other key keeps the file.
        reduce(&state, .export(.exists(request)))
        #expect(reduce(&state, .key(.char("n"))) == [])
        #expect(state.message?.text == "Cancelled")
    }

    @Test func minScoreIsTheHighestFloorOfTheScoreTerms() {
        func floor(_ text: String) -> Int? {
            guard case .success(let filter) = FeedFilter.parse(text) else { return -1 }
            return ExportRequest(path: "a.csv", filter: filter).minScore
        }
        #expect(floor("") == nil)
        #expect(floor("score<50") == nil)
        #expect(floor("score>=70 score>80") == 81)
        #expect(floor("score=90") == 90)
        #expect(floor("score>100") == 100)
        #expect(floor("score>=0") == nil)
    }

    @Test func xIsInTheKeyTableAndTheHelp() {
        let binding = KeyTable.standard.binding(.export)
        #expect(binding?.keys == [.char("x")])
        #expect(binding?.writes == false)
        #expect(KeyTable.standard.action(for: .char("x")) == .export)
    }
}
