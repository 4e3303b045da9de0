import Foundation
import Testing
import LeadOSContract
import LeadTopCore
import LeadTopTestSupport

/// The campaign form through the reducer: opening it, moving and typing, the contract's limits
/// checked before anything is sent, the exact write, the optimistic edit and its rollback, a 422
/// landing on its field, and Esc asking before anything typed is lost.
@Suite struct CampaignFormTests {
    typealias F = DashboardFixtures

    func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        keys.flatMap { reduce(&state, .key($0)) }
    }

    func type(_ state: inout AppState, _ text: String) {
        for c in text { reduce(&state, .key(.char(c))) }
    }

    var form: (AppState) -> CampaignForm? {
        { state in if case .campaignForm(let form) = state.modal { form } else { nil } }
    }

    @Test func cCreatesACampaignFromTheFilledForm() {
        var state = F.state()
        #expect(press(&state, .char("c")) == [])
        #expect(form(state) == CampaignForm(mode: .create))
        type(&state, "Nordic CFOs")
        _ = press(&state, .tab)
        type(&state, "CFO, Head of Finance")
        _ = press(&state, .tab)
        type(&state, "Fintech")
        _ = press(&state, .tab, .right, .right, .char(" "), .right, .char(" "), .left, .left, .char(" "), .char(" "))
        #expect(form(state)?.values.companySizes == [.s51_200, .s201_500])
        _ = press(&state, .tab)
        type(&state, "Sweden,  Norway ,")
        _ = press(&state, .tab, .backspace, .backspace)
        type(&state, "75")
        _ = press(&state, .tab, .right)
        #expect(form(state)?.values.enrichment == .emailPhone)
        _ = press(&state, .tab, .backspace)
        type(&state, "0")
        _ = press(&state, .tab)
        type(&state, "500")
        _ = press(&state, .tab, .char(" "))
        #expect(form(state)?.values.launch == false)
        let effects = press(&state, .enter)
        #expect(effects == [.write(.createCampaign(CampaignDraft(
            name: "Nordic CFOs", jobTitles: ["CFO", "Head of Finance"], status: .draft, dailyLeadCap: 20, totalLeadCap: 500,
            industries: ["Fintech"], companySizes: [.s51_200, .s201_500], geographies: ["Sweden", "Norway"], minScore: 75,
            enrichmentLevel: .emailPhone)))])
        #expect(state.modal == nil)
        #expect(state.message?.text == "Creating Nordic CFOs…")
    }

    @Test func theContractsLimitsAreCheckedBeforeSending() {
        var state = F.state()
        _ = press(&state, .char("c"), .tab, .tab, .tab, .tab, .tab, .backspace, .backspace)
        type(&state, "101")
        _ = press(&state, .tab, .tab, .backspace, .backspace)
        type(&state, "x")
        _ = press(&state, .tab)
        type(&state, "0")
        #expect(press(&state, .enter) == [])
        let shown = try! #require(form(state))
        #expect(shown.errors == [
            .name: "1 to 100 characters", .jobTitles: "1 to 50 titles, separated by commas",
            .minScore: "a whole number from 0 to 100", .dailyCap: "a whole number from 1 to 1000",
            .totalCap: "a whole number of at least 1, or empty for none",
        ])
        #expect(shown.focus == .name, "the cursor goes to the first problem")
        // Typing in a field clears its problem.
        type(&state, "A")
        #expect(form(state)?.errors[.name] == nil)
    }

    @Test func eEditsTheSelectedCampaignAndSendsOnlyWhatChanged() {
        var state = F.state()
        _ = press(&state, .char("1"), .char("e"))
        let opened = try! #require(form(state))
        #expect(opened.mode == .edit(campaignID: "camp_solar01"))
        #expect(opened.fields.contains(.start) == false)
        let solar = try! #require(state.campaign(id: "camp_solar01"))
        #expect(opened.values == CampaignForm.Values(solar))
        // Down to the daily cap: 25 → 40.
        for _ in 0..<7 { _ = press(&state, .down) }
        #expect(form(state)?.focus == .dailyCap)
        _ = press(&state, .backspace, .backspace)
        type(&state, "40")
        #expect(press(&state, .enter) == [.write(.updateCampaign(campaignID: "camp_solar01", CampaignPatch(dailyLeadCap: 40)))])
        #expect(state.campaign(id: "camp_solar01")?.dailyLeadCap == 40, "shown at once")
        #expect(press(&state, .char("e")) == [])
        #expect(state.message?.text == "A change to Solar installers DE is still being sent")

        // LeadOS refuses it, naming the field: the change is rolled back and the form opens again on it.
        reduce(&state, .sync(.writeSettled(.refused(
            .updateCampaign(campaignID: "camp_solar01", CampaignPatch(dailyLeadCap: 40)), status: 422,
            code: "parameter_invalid", message: "daily_lead_cap exceeds your plan's limit", param: "daily_lead_cap"))))
        #expect(state.campaign(id: "camp_solar01")?.dailyLeadCap == solar.dailyLeadCap)
        let reopened = try! #require(form(state))
        #expect(reopened.values.dailyCap == "40")
        #expect(reopened.focus == .dailyCap)
        #expect(reopened.errors == [.dailyCap: "daily_lead_cap exceeds your plan's limit"])
        #expect(reopened.notice == "LeadOS refused it (422): daily_lead_cap exceeds your plan's limit")
        #expect(reopened.isDirty)

        // Nothing changed: nothing is sent.
        var fresh = F.state()
        _ = press(&fresh, .char("1"), .char("e"))
        #expect(press(&fresh, .enter) == [])
        #expect(fresh.message?.text == "Nothing changed")
    }

    @Test func escAsksBeforeDiscardingWhatWasTyped() {
        var state = F.state()
        _ = press(&state, .char("c"), .esc)
        #expect(state.modal == nil, "an untouched form just closes")
        _ = press(&state, .char("c"))
        type(&state, "x")
        _ = press(&state, .esc)
        #expect(form(state)?.confirmingDiscard == true)
        _ = press(&state, .char("n"))
        #expect(form(state)?.confirmingDiscard == false)
        #expect(form(state)?.values.name == "x", "kept")
        _ = press(&state, .esc, .char("y"))
        #expect(state.modal == nil)
        #expect(state.message?.text == "Discarded")
    }

    @Test func readOnlyAndCompletedCampaignsOpenNoForm() {
        var readOnly = F.state(readOnly: true)
        #expect(press(&readOnly, .char("c")) == [])
        #expect(readOnly.modal == nil)
        #expect(readOnly.message?.text == "Read-only mode: creating campaigns is disabled")
        var state = F.state()
        _ = press(&state, .char("1"), .char("G"), .char("e"))
        #expect(state.modal == nil)
        #expect(state.message?.text == "Nepal SaaS founders is completed: LeadOS no longer changes it")
    }

    @Test func aPatchSurvivesTheOutboxWithItsRemovedCap() throws {
        let patch = CampaignPatch(dailyLeadCap: 40, totalLeadCap: .some(nil))
        let command = WriteCommand.updateCampaign(campaignID: "camp_x", patch)
        let decoded = try JSONDecoder().decode(WriteCommand.self, from: JSONEncoder().encode(command))
        #expect(decoded == command)
        let kept = WriteCommand.updateCampaign(campaignID: "camp_x", CampaignPatch(minScore: 5))
        #expect(try JSONDecoder().decode(WriteCommand.self, from: JSONEncoder().encode(kept)) == kept)
    }
}
