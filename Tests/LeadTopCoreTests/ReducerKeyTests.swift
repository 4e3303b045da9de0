import Foundation
import Testing
import LeadOSContract
import LeadTopCore
import LeadTopTestSupport

@Suite struct ReducerKeyTests {
    typealias F = DashboardFixtures

    func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        keys.flatMap { reduce(&state, .key($0)) }
    }

    @Test func quitAndRefreshAreEffects() {
        var state = F.state()
        #expect(press(&state, .char("q")) == [.quit])
        #expect(press(&state, .ctrl("c")) == [.quit])
        #expect(press(&state, .char("R")) == [.refreshNow])
        #expect(state.message?.text == "Refreshing everything…")
    }

    @Test func focusCyclesWithTabAndNumbers() {
        var state = F.state()
        #expect(state.focus == .feed)
        _ = press(&state, .tab)
        #expect(state.focus == .stats)
        _ = press(&state, .backtab, .backtab)
        #expect(state.focus == .campaigns)
        _ = press(&state, .backtab)
        #expect(state.focus == .feedback)
        for (key, pane) in [("1", Pane.campaigns), ("2", .feed), ("3", .stats), ("4", .credits), ("5", .feedback)] {
            #expect(press(&state, .char(Character(key))) == [])
            #expect(state.focus == pane)
        }
        // Other digits and look-alikes do nothing.
        for key in ["0", "6", "1\u{FE0F}\u{20E3}", "٣"] {
            #expect(press(&state, .char(Character(key))) == [])
            #expect(state.focus == .feedback)
        }
    }

    @Test func movementKeysWalkTheFeed() {
        var state = F.state(width: 80, height: 24)
        #expect(state.selectedLeadID == "del_a01")
        _ = press(&state, .char("j"), .down)
        #expect(state.selectedLeadID == "del_a03")
        _ = press(&state, .char("k"))
        #expect(state.selectedLeadID == "del_a02")
        _ = press(&state, .char("G"))
        #expect(state.selectedLeadID == "del_a12")
        #expect(state.feedScroll == 12 - state.layout.visibleRows(.feed))
        _ = press(&state, .home)
        #expect(state.selectedLeadID == "del_a01")
        #expect(state.feedScroll == 0)
        _ = press(&state, .pageDown)
        #expect(state.selectedLeadRow == state.layout.visibleRows(.feed) - 1)
        _ = press(&state, .pageUp, .up, .up)
        #expect(state.selectedLeadRow == 0)
        _ = press(&state, .end, .char("g"))
        #expect(state.selectedLeadRow == 0)
    }

    @Test func movementKeysWalkCampaignsWhenFocused() {
        var state = F.state()
        _ = press(&state, .char("1"), .char("j"), .char("j"))
        #expect(state.selectedCampaignID == "camp_rocket3")
        _ = press(&state, .end)
        #expect(state.selectedCampaignID == "camp_done005")
        // The feed selection did not move.
        #expect(state.selectedLeadID == "del_a01")
    }

    @Test func pauseAsksThenWritesAndShowsAtOnce() {
        var state = F.state()
        #expect(press(&state, .char("p")) == [])
        #expect(state.modal == .confirm(.pause(campaignID: "camp_solar01", name: "Solar installers DE")))
        #expect(press(&state, .char("y")) == [.write(.pause(campaignID: "camp_solar01"))])
        #expect(state.modal == nil)
        #expect(state.selectedCampaign?.status == .paused)
        #expect(state.selectedCampaign?.pausedReason == .user)
        #expect(state.pendingCampaigns["camp_solar01"]?.status == .active)
    }

    @Test func anyOtherKeyCancelsTheConfirmation() {
        for key in [Key.char("n"), .esc, .enter, .char("N")] {
            var state = F.state()
            _ = press(&state, .char("p"))
            #expect(press(&state, key) == [])
            #expect(state.modal == nil)
            #expect(state.selectedCampaign?.status == .active)
            #expect(state.message?.text == "Cancelled")
        }
    }

    @Test func resumeAPausedCampaign() {
        var state = F.state()
        _ = press(&state, .char("1"), .char("j"), .char("p"))
        #expect(state.modal == .confirm(.resume(campaignID: "camp_tokyo02", name: "東京 SaaS 創業者")))
        #expect(press(&state, .char("Y")) == [.write(.resume(campaignID: "camp_tokyo02"))])
        #expect(state.campaign(id: "camp_tokyo02")?.status == .active)
        #expect(state.campaign(id: "camp_tokyo02")?.pausedReason == nil)
    }

    /// `p` on a draft asks to launch it, with what a lead will cost; a completed campaign cannot be resumed.
    @Test func aDraftIsLaunchedAndACompletedCampaignIsNotResumed() {
        var state = F.state()
        _ = press(&state, .char("1"), .char("j"), .char("j"), .char("j"))
        #expect(press(&state, .char("p")) == [])
        #expect(state.modal == .confirm(.launch(campaignID: "camp_draft04", name: "Draft: fintech CFOs", costPerLead: 2)))
        #expect(press(&state, .char("y")) == [.write(.launch(campaignID: "camp_draft04"))])
        #expect(state.campaign(id: "camp_draft04")?.status == .active)
        #expect(state.message?.text == "Launching Draft: fintech CFOs…")

        // Not enough credits: rolled back, and the 402 explained.
        reduce(&state, .sync(.writeSettled(.refused(.launch(campaignID: "camp_draft04"), status: 402, code: "insufficient_credits",
                                                    message: "Insufficient credits"))))
        #expect(state.campaign(id: "camp_draft04")?.status == .draft)
        #expect(state.message == StatusMessage(
            "Draft: fintech CFOs not launched: LeadOS needs 2 credits for its first lead and the balance is lower; "
                + "top up or choose a cheaper enrichment level, then p again",
            kind: .error, expiresAt: F.now.addingTimeInterval(5)))

        _ = press(&state, .char("j"), .char("p"))
        #expect(state.message?.text == "Nepal SaaS founders is completed and cannot be resumed")
    }

    @Test func refusedPauseRollsBackAndShowsTheError() {
        var state = F.state()
        _ = press(&state, .char("p"), .char("y"))
        let effects = reduce(&state, .sync(.writeSettled(.refused(.pause(campaignID: "camp_solar01"), status: 409,
                                                                   code: "invalid_campaign_state", message: "Campaign is completed."))))
        #expect(effects == [])
        #expect(state.selectedCampaign?.status == .active)
        #expect(state.selectedCampaign?.pausedReason == nil)
        #expect(state.pendingCampaigns.isEmpty)
        #expect(state.message?.kind == .error)
        #expect(state.message?.text == "Pause of Solar installers DE refused (409): Campaign is completed.")
    }

    @Test func appliedPauseKeepsTheNewStatus() {
        var state = F.state()
        _ = press(&state, .char("p"), .char("y"))
        reduce(&state, .sync(.writeSettled(.applied(.pause(campaignID: "camp_solar01")))))
        #expect(state.pendingCampaigns.isEmpty)
        #expect(state.selectedCampaign?.status == .paused)
    }

    @Test func aPollDuringAPendingPauseDoesNotFlipTheRowBack() {
        var state = F.state()
        _ = press(&state, .char("p"), .char("y"))
        reduce(&state, .sync(.campaigns(F.campaigns)))
        #expect(state.selectedCampaign?.status == .paused)
        #expect(press(&state, .char("p")) == [])
        #expect(state.message?.text == "A change to Solar installers DE is still being sent")
    }

    @Test func plusRatesTheSelectedLeadGoodAtOnce() {
        var state = F.state()
        #expect(press(&state, .char("+")) == [.write(.feedback(leadID: "del_a01", FeedbackSubmission(rating: .good)))])
        #expect(state.leads.entry(id: "del_a01")?.lead.feedback?.rating == .good)
        #expect(state.leads.entry(id: "del_a01")?.lead.feedback?.createdAt == F.now)
    }

    @Test func minusOpensTheReasonPickerAndANumberSendsIt() {
        var state = F.state()
        #expect(press(&state, .char("-")) == [])
        #expect(state.modal == .reasonPicker(leadID: "del_a01", note: nil))
        for key in ["7", "0", "3\u{FE0F}\u{20E3}"] {
            #expect(press(&state, .char(Character(key))) == [])
            #expect(state.modal == .reasonPicker(leadID: "del_a01", note: nil))
        }
        let effects = press(&state, .char("3"))
        #expect(effects == [.write(.feedback(leadID: "del_a01", FeedbackSubmission(rating: .bad, reason: .notICP)))])
        #expect(state.modal == nil)
        #expect(state.leads.entry(id: "del_a01")?.lead.feedback?.rating == .bad)
        #expect(state.leads.entry(id: "del_a01")?.lead.feedback?.reason == .notICP)
        #expect(state.message?.text == "Rated Raj Sharma bad: not ICP")
    }

    @Test func everyReasonNumberMapsToTheContractOrder() {
        for (i, reason) in BadReason.allCases.enumerated() {
            var state = F.state()
            let effects = press(&state, .char("-"), .char(Character(String(i + 1))))
            #expect(effects == [.write(.feedback(leadID: "del_a01", FeedbackSubmission(rating: .bad, reason: reason)))])
        }
    }

    @Test func aNoteCanBeAddedInThePicker() {
        var state = F.state()
        _ = press(&state, .char("-"), .char("n"))
        #expect(state.modal == .noteInput(leadID: "del_a01", text: "", purpose: .badRating))
        _ = press(&state, .char("H"), .char("a"), .char("r"), .char("x"), .backspace, .char("d"), .char("\u{1B}"))
        #expect(state.modal == .noteInput(leadID: "del_a01", text: "Hard", purpose: .badRating))
        _ = press(&state, .enter)
        #expect(state.modal == .reasonPicker(leadID: "del_a01", note: "Hard"))
        let effects = press(&state, .char("1"))
        #expect(effects == [.write(.feedback(leadID: "del_a01",
                                             FeedbackSubmission(rating: .bad, reason: .invalidEmail, note: "Hard")))])
        #expect(state.leads.entry(id: "del_a01")?.lead.feedback?.note == "Hard")
    }

    @Test func escInThePickerCancelsWithoutWriting() {
        var state = F.state()
        _ = press(&state, .char("-"))
        #expect(press(&state, .esc) == [])
        #expect(state.modal == nil)
        #expect(state.selectedLead?.feedback == nil)
    }

    @Test func nAmendsTheNoteOfARatedLead() {
        var state = F.state()
        #expect(press(&state, .char("n")) == [])
        #expect(state.message?.text == "Rate Raj Sharma first (+ good, - bad), then add a note")
        // del_a08 is rated bad (not ICP, "Too big").
        for _ in 0..<7 { _ = press(&state, .char("j")) }
        #expect(state.selectedLeadID == "del_a08")
        _ = press(&state, .char("n"))
        #expect(state.modal == .noteInput(leadID: "del_a08", text: "Too big", purpose: .amendRating))
        _ = press(&state, .char("!"))
        let effects = press(&state, .enter)
        #expect(effects == [.write(.feedback(leadID: "del_a08",
                                             FeedbackSubmission(rating: .bad, reason: .notICP, note: "Too big!")))])
    }

    @Test func refusedFeedbackRestoresThePreviousRating() {
        var state = F.state()
        for _ in 0..<6 { _ = press(&state, .char("j")) }
        #expect(state.selectedLeadID == "del_a07")
        let before = state.selectedLead?.feedback
        _ = press(&state, .char("-"), .char("2"))
        #expect(state.leads.entry(id: "del_a07")?.lead.feedback?.rating == .bad)
        reduce(&state, .sync(.writeSettled(.refused(.feedback(leadID: "del_a07", FeedbackSubmission(rating: .bad, reason: .wrongPerson)),
                                                    status: 422, code: "parameter_invalid", message: "Note is too long."))))
        #expect(state.leads.entry(id: "del_a07")?.lead.feedback == before)
        #expect(state.message?.text == "Rating of Anna Müller refused (422): Note is too long.")
    }

    @Test func aPolledLeadKeepsItsPendingRating() {
        var state = F.state()
        _ = press(&state, .char("+"))
        reduce(&state, .sync(.newLeads([F.leads[0]])))
        #expect(state.leads.entry(id: "del_a01")?.lead.feedback?.rating == .good)
    }

    @Test func suppressAsksThenWrites() {
        var state = F.state()
        _ = press(&state, .char("s"))
        #expect(state.modal == .confirm(.suppress(leadID: "del_a01", email: "a01@example.com")))
        #expect(press(&state, .char("y")) == [.write(.suppress(emails: ["a01@example.com"]))])
    }

    @Test func suppressNeedsAnEmail() {
        var state = F.state()
        for _ in 0..<5 { _ = press(&state, .char("j")) }
        #expect(state.selectedLeadID == "del_a06")
        #expect(press(&state, .char("s")) == [])
        #expect(state.modal == nil)
        #expect(state.message?.kind == .error)
    }

    @Test func readOnlyModeBlocksEveryWriteKeyAndSaysSo() {
        for (key, what) in [("p", "pause/resume"), ("+", "rating"), ("-", "rating"), ("n", "notes"), ("s", "suppression")] {
            var state = F.state(readOnly: true)
            #expect(press(&state, .char(Character(key))) == [])
            #expect(state.modal == nil)
            #expect(state.message == StatusMessage("Read-only mode: \(what) is disabled", kind: .error,
                                                   expiresAt: F.now.addingTimeInterval(5)))
        }
        var state = F.state(readOnly: true)
        #expect(press(&state, .char("R")) == [.refreshNow])
    }

    @Test func messagesExpireByTick() {
        var state = F.state()
        _ = press(&state, .char("R"))
        reduce(&state, .tick(now: F.now.addingTimeInterval(4)))
        #expect(state.message != nil)
        reduce(&state, .tick(now: F.now.addingTimeInterval(5)))
        #expect(state.message == nil)
    }

    @Test func helpOpensAndAnyKeyClosesIt() {
        var state = F.state()
        _ = press(&state, .char("?"))
        #expect(state.modal == .help)
        #expect(press(&state, .char("q")) == [])
        #expect(state.modal == nil)
    }

    @Test func enterOpensTheLeadCardWhereRatingKeysStillWork() {
        var state = F.state()
        _ = press(&state, .enter)
        #expect(state.modal == .leadCard)
        _ = press(&state, .char("j"))
        #expect(state.modal == .leadCard)
        #expect(state.selectedLeadID == "del_a02")
        #expect(press(&state, .char("+")) == [.write(.feedback(leadID: "del_a02", FeedbackSubmission(rating: .good)))])
        _ = press(&state, .esc)
        #expect(state.modal == nil)
    }

    @Test func enterOnACampaignScopesFeedAndStats() {
        var state = F.state()
        _ = press(&state, .char("1"), .char("j"))
        let feed = MemoryFeed()
        #expect(feed.send(.key(.enter), to: &state) == [.setStatsScope(campaignID: "camp_tokyo02")])
        #expect(state.scopeCampaignID == "camp_tokyo02")
        #expect(state.leads.visibleCount == 1)
        #expect(state.selectedLeadID == "del_a02")
        #expect(state.displayedStats?.campaignID == "camp_tokyo02")
        // Enter again on the scoped campaign shows all of it; `a` widens the scope.
        #expect(feed.send(.key(.enter), to: &state) == [])
        #expect(state.modal == .campaignCard(campaignID: "camp_tokyo02"))
        #expect(state.scopeCampaignID == "camp_tokyo02")
        feed.send(.key(.esc), to: &state)
        #expect(state.modal == nil)
        #expect(feed.send(.key(.char("a")), to: &state) == [.setStatsScope(campaignID: nil)])
        #expect(state.leads.visibleCount == 12)
        #expect(feed.send(.key(.char("a")), to: &state) == [])
    }

    @Test func scopedStatsFromTheEngineReplaceTheDerivedShare() {
        var state = F.state()
        _ = press(&state, .char("1"), .enter)
        var scoped = F.stats.share(of: "camp_solar01")
        scoped.totals.delivered = 999
        reduce(&state, .sync(.stats(scoped)))
        #expect(state.displayedStats?.totals.delivered == 999)
        // A late reply for another scope is dropped.
        reduce(&state, .sync(.stats(F.stats.share(of: "camp_tokyo02"))))
        #expect(state.displayedStats?.totals.delivered == 999)
    }
}

/// What the state does with the engine's reports of unreadable objects.
@Suite struct UnreadableReportTests {
    @Test func skippedObjectsAreShownAsOneShortError() {
        var state = AppState(now: Date(timeIntervalSince1970: 100))
        reduce(&state, .sync(.skippedUnreadable(.feed, [
            UnreadableItem(index: 3, id: "del_abc123", reason: "score: expected Int"),
            UnreadableItem(index: 7, id: nil, reason: "object: missing field id"),
        ])))
        #expect(state.message == StatusMessage("Skipped 2 unreadable leads (del_abc123: score: expected Int)", kind: .error,
                                               expiresAt: Date(timeIntervalSince1970: 105)))
        reduce(&state, .sync(.skippedUnreadable(.campaigns, [UnreadableItem(index: 0, id: nil, reason: "status: bad value")])))
        #expect(state.message?.text == "Skipped 1 unreadable campaign (#1: status: bad value)")
        state.message = nil
        reduce(&state, .sync(.skippedUnreadable(.feed, [])))
        #expect(state.message == nil)
    }
}
