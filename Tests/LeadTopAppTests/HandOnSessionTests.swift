import Foundation
import Synchronization
import Testing
import LeadTopApp
import LeadTopCore
import LeadTopRender
import LeadTopTestSupport

/// `y` and `S` through the session: the copy reaches the screen and its outcome comes back
/// through the mailbox to the status bar; `S` asks the engine, whose answer opens the confirmation.
@Suite(.serialized) struct HandOnSessionTests {
    typealias Harness = DashboardSessionTests.Harness

    init() { #expect(TestLocale.ready) }

    @Test func yCopiesThroughTheScreenAndTheOutcomeReachesTheStatusBar() {
        let h = Harness()
        h.screen.clipboard.withLock { $0 = .tmux }
        h.press(.char("y"))
        #expect(h.screen.copies.withLock { $0 } == ["a01@example.com"])
        // The outcome was posted: it shows once the loop wakes.
        #expect(h.grid.line(23).hasPrefix("● live │ updated 3s ago │ API 117/120 │ ?:help"))
        #expect(h.session.handle(.wake))
        #expect(h.grid.line(23) == "● live │ updated 3s ago │ API 117/120 │ Copied a01@example.com via OSC 52 (tmux…")

        h.screen.clipboard.withLock { $0 = .absent(terminal: "The Linux console") }
        h.press(.char("Y"), .char("v"))
        #expect(h.screen.copies.withLock { $0.count } == 2)
        #expect(h.session.handle(.wake))
        #expect(h.session.currentState.message?.text == "The Linux console has no OSC 52 clipboard: nothing was copied")
    }

    @Test func sAsksTheEngineAndItsAnswerOpensTheConfirmation() {
        let h = Harness()
        h.press(.char("1"), .enter, .char("2"))
        let filter = h.session.currentState.leads.filter
        h.press(.char("S"))
        #expect(h.engine.recorded.last == .collectEmails(filter))
        h.session.post(.sync(.viewEmails(filter, ["a01@example.com", "a07@example.com"])))
        #expect(h.session.handle(.wake))
        #expect(h.session.currentState.modal == .confirm(.suppressMany(BulkSuppression(
            source: .view("in Solar installers DE"), emails: ["a01@example.com", "a07@example.com"]))))
        h.press(.char("y"))
        #expect(h.engine.recorded.last == .enqueue(.suppress(emails: ["a01@example.com", "a07@example.com"])))
    }
}
