import Testing
import LeadTopCore
import LeadTopTestSupport

@Suite struct MouseAndLayoutTests {
    typealias F = DashboardFixtures

    @Test func layoutAt80x24() {
        let layout = DashboardLayout(width: 80, height: 24)
        #expect(!layout.isTooSmall)
        #expect(layout.campaigns == Rect(x: 0, y: 0, width: 48, height: 9))
        #expect(layout.stats == Rect(x: 48, y: 0, width: 32, height: 9))
        #expect(layout.feed == Rect(x: 0, y: 9, width: 48, height: 14))
        #expect(layout.credits == Rect(x: 48, y: 9, width: 32, height: 7))
        #expect(layout.feedback == Rect(x: 48, y: 16, width: 32, height: 7))
        #expect(layout.statusBar == Rect(x: 0, y: 23, width: 80, height: 1))
        #expect(layout.visibleRows(.feed) == 11)
        #expect(layout.visibleRows(.campaigns) == 6)
    }

    @Test func tooSmallBelowTheMinimum() {
        #expect(DashboardLayout(width: 59, height: 40).isTooSmall)
        #expect(DashboardLayout(width: 120, height: 17).isTooSmall)
        #expect(!DashboardLayout(width: 60, height: 18).isTooSmall)
        #expect(DashboardLayout(width: 0, height: 0).pane(atX: 0, y: 0) == nil)
    }

    @Test func hitTesting() {
        let layout = DashboardLayout(width: 80, height: 24)
        #expect(layout.pane(atX: 0, y: 0) == .campaigns)
        #expect(layout.pane(atX: 48, y: 8) == .stats)
        #expect(layout.pane(atX: 47, y: 9) == .feed)
        #expect(layout.pane(atX: 79, y: 15) == .credits)
        #expect(layout.pane(atX: 79, y: 16) == .feedback)
        #expect(layout.pane(atX: 10, y: 23) == nil)
        // Feed: border at y 9, header at y 10, first data row at y 11.
        #expect(layout.visibleRow(in: .feed, y: 10) == nil)
        #expect(layout.visibleRow(in: .feed, y: 11) == 0)
        #expect(layout.visibleRow(in: .feed, y: 21) == 10)
        #expect(layout.visibleRow(in: .feed, y: 22) == nil)
    }

    @Test func clickFocusesAndSelects() {
        var state = F.state(width: 80, height: 24)
        #expect(reduce(&state, .mouse(MouseEvent(.press(.left), x: 5, y: 4))) == [])
        #expect(state.focus == .campaigns)
        #expect(state.selectedCampaignID == "camp_rocket3")
        reduce(&state, .mouse(MouseEvent(.press(.left), x: 5, y: 14)))
        #expect(state.focus == .feed)
        #expect(state.selectedLeadID == "del_a04")
        reduce(&state, .mouse(MouseEvent(.press(.left), x: 60, y: 12)))
        #expect(state.focus == .credits)
        // A click below the last campaign selects nothing new.
        reduce(&state, .mouse(MouseEvent(.press(.left), x: 5, y: 7)))
        #expect(state.selectedCampaignID == "camp_rocket3")
    }

    @Test func wheelScrollsThePaneUnderThePointer() {
        var state = F.state(width: 80, height: 24)
        reduce(&state, .mouse(MouseEvent(.wheelDown, x: 5, y: 15)))
        #expect(state.selectedLeadRow == 3)
        reduce(&state, .mouse(MouseEvent(.wheelDown, x: 5, y: 2)))
        #expect(state.selectedCampaignID == "camp_draft04")
        reduce(&state, .mouse(MouseEvent(.wheelUp, x: 5, y: 15)))
        #expect(state.selectedLeadRow == 0)
        #expect(state.focus == .feed)
    }

    @Test func clicksCloseTheHelpAndAreIgnoredByDialogs() {
        var state = F.state(width: 80, height: 24)
        reduce(&state, .key(.char("?")))
        reduce(&state, .mouse(MouseEvent(.press(.left), x: 5, y: 4)))
        #expect(state.modal == nil)
        #expect(state.focus == .feed)
        reduce(&state, .key(.char("p")))
        reduce(&state, .mouse(MouseEvent(.press(.left), x: 5, y: 4)))
        #expect(state.modal == .confirm(.pause(campaignID: "camp_solar01", name: "Solar installers DE")))
    }

    @Test func resizeKeepsTheSelectionInView() {
        var state = F.state(width: 160, height: 48)
        reduce(&state, .key(.char("G")))
        #expect(state.feedScroll == 0)
        reduce(&state, .resize(width: 80, height: 24))
        #expect(state.layout == DashboardLayout(width: 80, height: 24))
        #expect(state.feedScroll == 1)
        #expect(state.selectedLeadID == "del_a12")
    }
}
