import Testing
import LeadOSContract
import LeadTopCore
import LeadTopTestSupport

/// `i`: which campaign the card shows from each pane, the keys that close it, and `p` from it.
@Suite struct CampaignCardKeyTests {
    typealias F = DashboardFixtures

    func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        keys.flatMap { reduce(&state, .key($0)) }
    }

    @Test func iShowsTheSelectedCampaignOrTheSelectedLeadsCampaign() {
        var state = F.state()
        #expect(press(&state, .char("1"), .char("j"), .char("i")) == [])
        #expect(state.modal == .campaignCard(campaignID: "camp_tokyo02"))
        #expect(press(&state, .char("i")) == [])
        #expect(state.modal == nil)

        // From the feed: the selected lead's campaign (the newest lead is Solar installers DE's).
        _ = press(&state, .char("2"), .char("g"))
        let lead = try! #require(state.selectedLead)
        _ = press(&state, .char("i"))
        #expect(state.modal == .campaignCard(campaignID: lead.campaignID))
        _ = press(&state, .esc)
        for close in [Key.esc, .enter, .char("q")] {
            _ = press(&state, .char("i"))
            #expect(state.modal != nil)
            _ = press(&state, close)
            #expect(state.modal == nil, "\(close) closes the card")
        }
        // Other keys leave it open and change nothing.
        _ = press(&state, .char("i"), .char("j"), .char("+"))
        #expect(state.modal == .campaignCard(campaignID: lead.campaignID))
        #expect(state.selectedLead == lead)
    }

    @Test func pOnTheCardAsksAboutThatCampaign() {
        var state = F.state()
        _ = press(&state, .char("1"), .char("j"), .char("i"))
        #expect(press(&state, .char("p")) == [])
        #expect(state.focus == .campaigns)
        #expect(state.modal == .confirm(.resume(campaignID: "camp_tokyo02", name: "東京 SaaS 創業者")))

        var readOnly = F.state(readOnly: true)
        _ = press(&readOnly, .char("1"), .char("i"), .char("p"))
        #expect(readOnly.modal == nil)
        #expect(readOnly.campaign(id: "camp_solar01")?.status == .active)
    }

    @Test func withNothingSelectedItSaysSo() {
        var state = AppState(now: F.now)
        #expect(press(&state, .char("1"), .char("i")) == [])
        #expect(state.modal == nil)
        #expect(state.message?.text == "No campaign selected")
    }
}
