import Testing
import LeadOSContract
import LeadTopCore
import LeadTopTestSupport

/// The `:` prompt through the reducer: typing, completion, history, and each command's effect.
@Suite struct CommandPromptTests {
    typealias F = DashboardFixtures

    func type(_ state: inout AppState, _ text: String) {
        for c in text { reduce(&state, .key(.char(c))) }
    }

    /// `:` then the line then Enter; the effects of the Enter.
    func run(_ state: inout AppState, _ line: String) -> [Effect] {
        reduce(&state, .key(.char(":")))
        type(&state, line)
        return reduce(&state, .key(.enter))
    }

    @Test func colonOpensAnEmptyPromptAndEscLeavesIt() {
        var state = F.state()
        #expect(reduce(&state, .key(.char(":"))) == [])
        #expect(state.modal == .commandPrompt(CommandPrompt()))
        type(&state, "pa")
        #expect(state.modal == .commandPrompt(CommandPrompt(text: "pa")))
        reduce(&state, .key(.backspace))
        #expect(state.modal == .commandPrompt(CommandPrompt(text: "p")))
        #expect(reduce(&state, .key(.esc)) == [])
        #expect(state.modal == nil)
        #expect(state.commandHistory == [])
    }

    @Test func pauseByNameSelectsTheCampaignAndAsks() {
        var state = F.state()
        #expect(run(&state, "pause solar installers de") == [.saveCommandHistory(["pause solar installers de"])])
        #expect(state.focus == .campaigns)
        #expect(state.selectedCampaignID == "camp_solar01")
        #expect(state.modal == .confirm(.pause(campaignID: "camp_solar01", name: "Solar installers DE")))
        #expect(reduce(&state, .key(.char("y"))) == [.write(.pause(campaignID: "camp_solar01"))])
    }

    @Test func resumeByIdOrUniquePrefix() {
        var state = F.state()
        _ = run(&state, "resume camp_tokyo02")
        #expect(state.modal == .confirm(.resume(campaignID: "camp_tokyo02", name: "東京 SaaS 創業者")))
        reduce(&state, .key(.esc))
        _ = run(&state, "resume 🚀")
        #expect(state.modal == .confirm(.resume(campaignID: "camp_rocket3", name: "🚀 Growth leads")))
    }

    @Test func wrongTargetsSayWhy() {
        var state = F.state()
        _ = run(&state, "pause nobody")
        #expect(state.message == StatusMessage("No campaign is named or starts with “nobody”", kind: .error,
                                               expiresAt: state.message!.expiresAt))
        _ = run(&state, "resume Solar")
        #expect(state.message?.text == "Solar installers DE is already active")
        _ = run(&state, "pause")
        #expect(state.message?.text == ":pause needs a campaign name or id")
        _ = run(&state, "puase x")
        #expect(state.message?.text == "unknown command :puase (did you mean :pause?)")
        _ = run(&state, "help me")
        #expect(state.message?.text == ":help takes no argument")
        #expect(state.modal == nil)
    }

    @Test func actionsOfTheKeyTableRunByName() {
        var state = F.state()
        #expect(run(&state, "refresh") == [.refreshNow, .saveCommandHistory(["refresh"])])
        #expect(run(&state, "q") == [.quit, .saveCommandHistory(["refresh", "q"])])
        _ = run(&state, "help")
        #expect(state.modal == .help)
    }

    @Test func scopeFilterAndTheme() {
        var state = F.state()
        #expect(run(&state, "scope nepal") == [
            .setStatsScope(campaignID: "camp_done005"), .saveCommandHistory(["scope nepal"]),
            .loadFeed(FeedRequest(filter: FeedFilter(campaignID: "camp_done005"), offset: 0, limit: 600, generation: 2)),
        ])
        #expect(state.scopeCampaignID == "camp_done005")
        _ = run(&state, "scope all")
        #expect(state.scopeCampaignID == nil)
        _ = run(&state, "filter score>90")
        #expect(state.filterText == "score>90")
        #expect(run(&state, "theme light") == [.switchTheme("light"), .saveCommandHistory(["scope nepal", "scope all", "filter score>90", "theme light"])])
        reduce(&state, .themeSwitched(name: "light", failure: nil))
        #expect(state.message?.text == "Theme light")
        reduce(&state, .themeSwitched(name: "nope", failure: "no theme named \"nope\""))
        #expect(state.message?.text == "no theme named \"nope\"" && state.message?.kind == .error)
    }

    @Test func tabCompletesCommandsThenCyclesThroughSeveral() {
        var state = F.state()
        reduce(&state, .key(.char(":")))
        type(&state, "th")
        reduce(&state, .key(.tab))
        #expect(state.modal == .commandPrompt(CommandPrompt(text: "theme ")))
        reduce(&state, .key(.esc))

        reduce(&state, .key(.char(":")))
        type(&state, "re")
        reduce(&state, .key(.tab))
        #expect(state.modal == .commandPrompt(CommandPrompt(text: "resume", candidates: ["resume", "refresh"], candidateIndex: 0)))
        reduce(&state, .key(.tab))
        #expect(state.modal == .commandPrompt(CommandPrompt(text: "refresh", candidates: ["resume", "refresh"], candidateIndex: 1)))
        reduce(&state, .key(.tab))
        #expect(state.modal == .commandPrompt(CommandPrompt(text: "resume", candidates: ["resume", "refresh"], candidateIndex: 0)))
        // Typing ends the cycle.
        type(&state, " ")
        #expect(state.modal == .commandPrompt(CommandPrompt(text: "resume ")))
    }

    @Test func tabCompletesCampaignAndThemeNames() {
        var state = F.state()
        state.themeNames = ["default", "light", "mono"]
        reduce(&state, .key(.char(":")))
        type(&state, "pause so")
        reduce(&state, .key(.tab))
        #expect(state.modal == .commandPrompt(CommandPrompt(text: "pause Solar installers DE ")))
        #expect(reduce(&state, .key(.enter)) == [.saveCommandHistory(["pause Solar installers DE"])])
        #expect(state.modal == .confirm(.pause(campaignID: "camp_solar01", name: "Solar installers DE")))
        reduce(&state, .key(.char("n")))

        reduce(&state, .key(.char(":")))
        type(&state, "scope ")
        reduce(&state, .key(.tab))
        #expect(state.modal == .commandPrompt(CommandPrompt(
            text: "scope all", candidates: ["all"] + state.campaigns.map(\.name), candidateIndex: 0)))
        reduce(&state, .key(.esc))

        reduce(&state, .key(.char(":")))
        type(&state, "theme l")
        reduce(&state, .key(.tab))
        #expect(state.modal == .commandPrompt(CommandPrompt(text: "theme light ")))
    }

    @Test func historyRecallsOlderAndNewerAndSkipsRepeats() {
        var state = F.state()
        state.commandHistory = ["filter acme"]
        _ = run(&state, "refresh")
        #expect(run(&state, "refresh") == [.refreshNow])
        #expect(state.commandHistory == ["filter acme", "refresh"])
        reduce(&state, .key(.char(":")))
        type(&state, "x")
        reduce(&state, .key(.up))
        #expect(state.modal == .commandPrompt(CommandPrompt(text: "refresh", historyIndex: 1)))
        reduce(&state, .key(.up))
        #expect(state.modal == .commandPrompt(CommandPrompt(text: "filter acme", historyIndex: 0)))
        reduce(&state, .key(.up))
        #expect(state.modal == .commandPrompt(CommandPrompt(text: "filter acme", historyIndex: 0)))
        reduce(&state, .key(.down))
        #expect(state.modal == .commandPrompt(CommandPrompt(text: "refresh", historyIndex: 1)))
        reduce(&state, .key(.down))
        #expect(state.modal == .commandPrompt(CommandPrompt()))
    }

    @Test func theHistoryKeepsTheLatestHundred() {
        var state = F.state()
        state.commandHistory = (0..<100).map { "filter \($0)" }
        let effects = run(&state, "refresh")
        #expect(state.commandHistory.count == 100)
        #expect(state.commandHistory.first == "filter 1" && state.commandHistory.last == "refresh")
        #expect(effects == [.refreshNow, .saveCommandHistory(state.commandHistory)])
    }

    @Test func readOnlyRefusesPauseByCommandToo() {
        var state = F.state(readOnly: true)
        _ = run(&state, "pause solar")
        #expect(state.modal == nil)
        #expect(state.message?.kind == .error)
    }
}
