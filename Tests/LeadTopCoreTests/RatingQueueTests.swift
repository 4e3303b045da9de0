import Foundation
import Testing
import LeadOSContract
import LeadTopCore
import LeadTopTestSupport

/// The rating queue (`u`, advance after a rating, `z`) and the stats range (`[`, `]`, `:range`):
/// exact effects and state for each key.
@Suite struct RatingQueueTests {
    typealias F = DashboardFixtures

    func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        keys.flatMap { reduce(&state, .key($0)) }
    }

    /// Selects a lead by moving down from the top, as a user would.
    func select(_ id: String, in state: inout AppState) {
        _ = press(&state, .char("g"))
        while state.selectedLeadID != id, state.selectedLeadRow.map({ $0 + 1 < state.leads.visibleCount }) == true {
            _ = press(&state, .char("j"))
        }
        #expect(state.selectedLeadID == id)
    }

    /// Answers the feed pages among `effects` from the fixture leads, as the cache would.
    func answerPages(_ effects: [Effect], _ state: inout AppState) {
        for case .loadFeed(let request) in effects {
            answerPages(reduce(&state, .sync(.feedPage(FeedPage.answer(request, from: F.leads)))), &state)
        }
    }

    static func good(_ id: String) -> Effect { .write(.feedback(leadID: id, FeedbackSubmission(rating: .good))) }

    // MARK: - u

    @Test func uShowsOnlyUnratedLeadsAndAgainAll() {
        var state = F.state()
        let generation = state.leads.generation
        let effects = press(&state, .char("u"))
        #expect(effects == [.loadFeed(FeedRequest(filter: FeedFilter(unratedOnly: true), offset: 0, limit: 600,
                                                  generation: generation + 1))])
        #expect(state.message?.text == "Unrated leads only (u: all leads)")
        answerPages(effects, &state)
        #expect(state.leads.isSettled)
        #expect(state.leads.visibleCount == 10, "del_a07 (good) and del_a08 (bad) are rated")
        #expect(state.leads.window.map(\.lead.id) == F.leads.map(\.id).filter { $0 != "del_a07" && $0 != "del_a08" })

        // A text filter keeps the unrated rule; Esc clears the text and keeps it too.
        _ = press(&state, .char("/"))
        for c in "score>80" { _ = press(&state, .char(c)) }
        let filtered = press(&state, .enter)
        let filters: [FeedFilter] = filtered.compactMap { effect in
            if case .loadFeed(let request) = effect { return request.filter }
            return nil
        }
        #expect(filters == [FeedFilter(scores: [.init(.greater, 80)], unratedOnly: true)])
        answerPages(filtered, &state)
        #expect(state.leads.window.map(\.lead.id) == ["del_a01", "del_a06", "del_a09", "del_a11"])
        answerPages(press(&state, .esc), &state)
        #expect(state.leads.filter == FeedFilter(unratedOnly: true))

        let next = state.leads.generation + 1
        let all = press(&state, .char("u"))
        #expect(all == [.loadFeed(FeedRequest(filter: .all, offset: 0, limit: 600, generation: next))])
        #expect(state.message?.text == "All leads, rated or not")
        answerPages(all, &state)
        #expect(state.leads.visibleCount == 12)
    }

    // MARK: - Advance after a rating

    @Test func plusRatesGoodAndMovesToTheNextUnratedLead() {
        var state = F.state()
        select("del_a06", in: &state)
        #expect(press(&state, .char("+")) == [Self.good("del_a06")])
        #expect(state.selectedLeadID == "del_a09", "del_a07 and del_a08 are rated: skipped")
        #expect(state.leads.entry(id: "del_a06")?.lead.feedback?.rating == .good)
        #expect(state.message?.text == "Rated \(F.Hostile.oscTitle) good")
    }

    @Test func minusAndAReasonRateBadAndMoveOn() {
        var state = F.state()
        #expect(state.selectedLeadID == "del_a01")
        #expect(press(&state, .char("-")) == [])
        #expect(state.selectedLeadID == "del_a01", "the picker is open: nothing moves yet")
        #expect(press(&state, .char("3")) == [.write(.feedback(leadID: "del_a01", FeedbackSubmission(rating: .bad, reason: .notICP)))])
        #expect(state.selectedLeadID == "del_a02")
        #expect(state.message?.text == "Rated Raj Sharma bad: not ICP")
    }

    @Test func threePlusesRateThreeDifferentLeads() {
        var state = F.state()
        #expect(press(&state, .char("+"), .char("+"), .char("+")) == [Self.good("del_a01"), Self.good("del_a02"), Self.good("del_a03")])
        #expect(state.selectedLeadID == "del_a04")
    }

    @Test func afterTheLastUnratedRowTheQueueWrapsToTheTop() {
        var state = F.state()
        select("del_a12", in: &state)
        #expect(press(&state, .char("+")) == [Self.good("del_a12")])
        #expect(state.selectedLeadID == "del_a01")
    }

    @Test func withEveryLeadRatedTheSelectionStaysAndSaysSo() {
        var state = F.state()
        var effects: [Effect] = []
        for _ in 0..<10 { effects += press(&state, .char("+")) }
        #expect(effects.count == 10)
        #expect(state.leads.window.allSatisfy { $0.lead.feedback != nil })
        let last = state.selectedLeadID
        #expect(last == "del_a12")
        #expect(state.message?.text == "Rated Olivia Brown good · every lead shown is rated")
    }

    @Test func advanceOffKeepsTheRatedLeadSelected() {
        var state = F.state()
        state.settings.advanceAfterRating = false
        #expect(press(&state, .char("+")) == [Self.good("del_a01")])
        #expect(state.selectedLeadID == "del_a01")
    }

    @Test func onTheLeadCardTheCardMovesOnToTheNextUnratedLead() {
        var state = F.state()
        _ = press(&state, .enter)
        #expect(state.modal == .leadCard)
        #expect(press(&state, .char("+")) == [Self.good("del_a01")])
        #expect(state.modal == .leadCard)
        #expect(state.selectedLeadID == "del_a02")
    }

    // MARK: - Feedback pane counts at once

    @Test func aRatingIsCountedAtOnceAndRolledBackWhenRefused() throws {
        var state = F.state()
        _ = press(&state, .char("+"))
        var expected = F.feedbackSummary
        expected.good = 25; expected.totalFeedback = 33; expected.feedbackRate = 0.106
        expected.personalisation.feedbackCount = 33; expected.personalisation.progress = 0.66
        #expect(state.displayedFeedbackSummary == expected)

        let command = WriteCommand.feedback(leadID: "del_a01", FeedbackSubmission(rating: .good))
        reduce(&state, .sync(.writeSettled(.refused(command, status: 422, code: "parameter_invalid", message: "no"))))
        #expect(state.displayedFeedbackSummary == F.feedbackSummary)
        #expect(state.leads.entry(id: "del_a01")?.lead.feedback == nil)
    }

    @Test func anAcceptedRatingStaysCountedUntilLeadOSCountsIt() {
        var state = F.state()
        select("del_a08", in: &state)
        _ = press(&state, .char("+"))  // bad (not ICP) → good
        var expected = F.feedbackSummary
        expected.good = 25; expected.bad = 7; expected.badReasons.notICP = 3
        #expect(state.displayedFeedbackSummary == expected, "a changed rating moves counts, the feedback count stays")
        let command = WriteCommand.feedback(leadID: "del_a08", FeedbackSubmission(rating: .good))
        reduce(&state, .sync(.writeSettled(.applied(command))))
        #expect(state.pendingFeedback.isEmpty)
        #expect(state.displayedFeedbackSummary == expected)
        reduce(&state, .sync(.feedbackSummary(expected)))
        #expect(state.uncountedFeedback.isEmpty)
        #expect(state.displayedFeedbackSummary == expected)
    }

    // MARK: - z

    @Test func zTakesAnUnsentRatingOutOfTheOutbox() {
        var state = F.state()
        _ = press(&state, .char("+"))
        let command = WriteCommand.feedback(leadID: "del_a01", FeedbackSubmission(rating: .good))
        #expect(press(&state, .char("z")) == [.withdrawWrite(command)])
        #expect(state.message?.text == "Undoing the rating of Raj Sharma…")
        #expect(reduce(&state, .sync(.writeWithdrawn(command, removed: true))) == [])
        #expect(state.leads.entry(id: "del_a01")?.lead.feedback == nil)
        #expect(state.pendingFeedback.isEmpty)
        #expect(state.displayedFeedbackSummary == F.feedbackSummary)
        #expect(state.message?.text == "Undone: the rating of Raj Sharma was taken out of the outbox before it was sent")
        #expect(press(&state, .char("z")) == [])
        #expect(state.message == StatusMessage("Nothing to undo: no rating made since leadtop started", kind: .error,
                                               expiresAt: F.now.addingTimeInterval(5)))
    }

    @Test func zAfterASentGoodRatingAsksForTheBadReason() {
        var state = F.state()
        _ = press(&state, .char("+"))
        let command = WriteCommand.feedback(leadID: "del_a01", FeedbackSubmission(rating: .good))
        reduce(&state, .sync(.writeSettled(.applied(command))))
        #expect(press(&state, .char("z")) == [.withdrawWrite(command)])
        #expect(reduce(&state, .sync(.writeWithdrawn(command, removed: false))) == [])
        #expect(state.modal == .reasonPicker(leadID: "del_a01", note: nil))
        #expect(state.message?.text == "The good rating of Raj Sharma was already sent and LeadOS cannot remove a rating: "
                + "pick why it is bad (1–6), Esc keeps it good")
        #expect(press(&state, .char("2")) == [.write(.feedback(leadID: "del_a01", FeedbackSubmission(rating: .bad, reason: .wrongPerson)))])
        #expect(state.selectedLeadID == "del_a02", "the selection had moved on and stays there")
    }

    @Test func zAfterASentBadRatingSendsGood() {
        var state = F.state()
        _ = press(&state, .char("-"), .char("1"))
        let command = WriteCommand.feedback(leadID: "del_a01", FeedbackSubmission(rating: .bad, reason: .invalidEmail))
        #expect(press(&state, .char("z")) == [.withdrawWrite(command)])
        #expect(reduce(&state, .sync(.writeWithdrawn(command, removed: false))) == [Self.good("del_a01")])
        #expect(state.message?.text == "The bad rating of Raj Sharma was already sent and LeadOS cannot remove a rating: rated good instead")
    }

    @Test func zAfterASentChangeSendsThePreviousRatingAgain() {
        var state = F.state()
        select("del_a08", in: &state)
        _ = press(&state, .char("+"))
        let command = WriteCommand.feedback(leadID: "del_a08", FeedbackSubmission(rating: .good))
        #expect(press(&state, .char("z")) == [.withdrawWrite(command)])
        #expect(reduce(&state, .sync(.writeWithdrawn(command, removed: false)))
            == [.write(.feedback(leadID: "del_a08", FeedbackSubmission(rating: .bad, reason: .notICP, note: "Too big")))])
        #expect(state.message?.text == "The rating of Lars Jensen was already sent: sent its previous rating (bad: not ICP) again")
        #expect(state.leads.entry(id: "del_a08")?.lead.feedback?.reason == .notICP)
    }

    @Test func zUndoesRatingsNewestFirstAndIsRefusedReadOnly() {
        var state = F.state()
        _ = press(&state, .char("+"), .char("+"))
        #expect(press(&state, .char("z")) == [.withdrawWrite(.feedback(leadID: "del_a02", FeedbackSubmission(rating: .good)))])
        #expect(press(&state, .char("z")) == [.withdrawWrite(.feedback(leadID: "del_a01", FeedbackSubmission(rating: .good)))])
        var readOnly = F.state(readOnly: true)
        #expect(press(&readOnly, .char("z")) == [])
        #expect(readOnly.message?.text == "Read-only mode: undo is disabled")
    }

    // MARK: - Stats range

    @Test func bracketsStepThroughTheRangesAndStopAtTheEnds() {
        var state = F.state()
        #expect(state.statsRange == .month)
        #expect(press(&state, .char("]")) == [.setStatsRange(.twoMonths)])
        #expect(state.message?.text == "Stats: the last 60 days ([ ] change it)")
        #expect(press(&state, .char("]")) == [.setStatsRange(.quarter)])
        #expect(press(&state, .char("]")) == [])
        #expect(state.message == StatusMessage("90 days is the longest range LeadOS gives", kind: .error,
                                               expiresAt: F.now.addingTimeInterval(5)))
        #expect(state.statsRange == .quarter)
        #expect(press(&state, .char("["), .char("["), .char("["), .char("[")) == [
            .setStatsRange(.twoMonths), .setStatsRange(.month), .setStatsRange(.fortnight), .setStatsRange(.week),
        ])
        #expect(press(&state, .char("[")) == [])
        #expect(state.message?.text == "7 days is the shortest stats range")
        #expect(state.statsRange == .week)
    }

    @Test func rangeCommandTakesTheSameRanges() {
        var state = F.state()
        func run(_ line: String) -> [Effect] {
            var effects = press(&state, .char(":"))
            for c in line { effects += press(&state, .char(c)) }
            return effects + press(&state, .enter)
        }
        #expect(run("range 90d") == [.setStatsRange(.quarter), .saveCommandHistory(["range 90d"])])
        #expect(run("range 7") == [.setStatsRange(.week), .saveCommandHistory(["range 90d", "range 7"])])
        #expect(run("range 7d") == [.saveCommandHistory(["range 90d", "range 7", "range 7d"])])
        #expect(state.message?.text == "The stats already cover 7 days")
        _ = run("range 120d")
        #expect(state.message == StatusMessage(":range 120d: the stats range is one of 7d, 14d, 30d, 60d, 90d (LeadOS gives at most 90 days)",
                                               kind: .error, expiresAt: F.now.addingTimeInterval(5)))
        _ = run("range")
        #expect(state.message?.text == ":range needs a number of days: 7d, 14d, 30d, 60d, 90d")
        #expect(state.statsRange == .week)
        #expect(Command.parse("range 14 days") == .success(.range(.fortnight)))
        _ = press(&state, .char(":"))
        for c in "range " { _ = press(&state, .char(c)) }
        _ = press(&state, .tab)
        #expect(state.modal == .commandPrompt(CommandPrompt(text: "range 7d", candidates: ["7d", "14d", "30d", "60d", "90d"],
                                                            candidateIndex: 0)))
    }

    @Test func rangeDatesEndOnTheUTCDay() {
        let now = Timestamp.parse("2026-12-06T23:59:59Z")!
        let week = StatsRange.week.dates(endingAt: now), quarter = StatsRange.quarter.dates(endingAt: now)
        #expect([week.start, week.end] == ["2026-11-30", "2026-12-06"])
        #expect([quarter.start, quarter.end] == ["2026-09-08", "2026-12-06"])
    }
}
