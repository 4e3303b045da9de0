import Foundation
import Testing
import LeadOSContract
import LeadTopCore
import LeadTopTestSupport

/// `E` through the reducer: the request handed to the editor, what comes back checked and sent
/// (only what changed), a problem or LeadOS's refusal opening the editor again with it on top.
@Suite struct CampaignEditorTests {
    typealias F = DashboardFixtures

    func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        keys.flatMap { reduce(&state, .key($0)) }
    }

    func request(_ state: AppState) -> CampaignEditorRequest {
        let solar = state.campaign(id: "camp_solar01")!
        return CampaignEditorRequest(campaignID: solar.id, name: solar.name, values: .init(solar), leadsDelivered: solar.leadsDelivered)
    }

    @Test func eHandsTheSelectedCampaignToTheEditor() {
        var state = F.state()
        #expect(press(&state, .char("1"), .char("E")) == [.editCampaignInEditor(request(state))])
        var readOnly = F.state(readOnly: true)
        #expect(press(&readOnly, .char("1"), .char("E")) == [])
        #expect(readOnly.message?.text == "Read-only mode: editing campaigns is disabled")
    }

    @Test func aSavedDocumentSendsOnlyWhatChanged() {
        var state = F.state()
        var values = request(state).values
        values.minScore = "85"
        let effects = reduce(&state, .campaignEditorClosed(request(state), .saved(values)))
        #expect(effects == [.write(.updateCampaign(campaignID: "camp_solar01", CampaignPatch(minScore: 85)))])
        #expect(state.campaign(id: "camp_solar01")?.minScore == 85)
        #expect(state.editorSaves == ["camp_solar01"])

        var unchanged = F.state()
        #expect(reduce(&unchanged, .campaignEditorClosed(request(unchanged), .saved(request(unchanged).values))) == [])
        #expect(unchanged.message?.text == "Nothing changed in Solar installers DE")
        #expect(reduce(&unchanged, .campaignEditorClosed(request(unchanged), .cancelled)) == [])
        #expect(unchanged.message?.text == "Edit of Solar installers DE cancelled")
        #expect(reduce(&unchanged, .campaignEditorClosed(request(unchanged), .failed("nano: not found"))) == [])
        #expect(unchanged.message?.text == "The editor did not run: nano: not found")
    }

    @Test func aValueOutsideTheContractOpensTheEditorAgainWithIt() {
        var state = F.state()
        var values = request(state).values
        values.minScore = "101"
        values.dailyCap = "0"
        var again = request(state)
        again.values = values
        again.problem = "Min score: a whole number from 0 to 100; Daily cap: a whole number from 1 to 1000"
        #expect(reduce(&state, .campaignEditorClosed(request(state), .saved(values))) == [.editCampaignInEditor(again)])
        #expect(state.campaign(id: "camp_solar01")?.minScore == 60, "nothing sent or shown")
    }

    @Test func leadOSRefusingTheSaveOpensTheEditorAgainOnWhatWasSent() {
        var state = F.state()
        var values = request(state).values
        values.minScore = "85"
        _ = reduce(&state, .campaignEditorClosed(request(state), .saved(values)))
        let effects = reduce(&state, .sync(.writeSettled(.refused(
            .updateCampaign(campaignID: "camp_solar01", CampaignPatch(minScore: 85)), status: 422, code: "parameter_invalid",
            message: "min_score above this plan's 80", param: "min_score"))))
        var again = request(state)
        again.values = values
        again.problem = "LeadOS refused it (422) (min_score): min_score above this plan's 80"
        #expect(effects == [.editCampaignInEditor(again)])
        #expect(state.campaign(id: "camp_solar01")?.minScore == 60, "rolled back")
        #expect(state.modal == nil, "the form is not opened for an editor's save")
        #expect(state.editorSaves == [])
    }
}
