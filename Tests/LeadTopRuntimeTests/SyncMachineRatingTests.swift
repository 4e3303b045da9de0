import Foundation
import LeadOSAPI
import LeadTopCore
import Testing
@testable import LeadTopRuntime

/// The stats range, `z`'s withdrawal and the summary after a rating, on the machine alone.
@Suite struct SyncMachineRatingTests {
    typealias D = MachineDriver

    static func stats(_ start: String, _ end: String) -> DeliveryStats {
        DeliveryStats(startDate: start, endDate: end, campaignID: nil, totals: .init(delivered: 0, creditsConsumed: 0, avgScore: nil),
                      data: [])
    }

    /// t0 is 2027-01-15T08:00:00Z.
    @Test func aNewRangeIsFetchedAtOnceWithItsDatesAndOnlyTheStandardOneIsCached() throws {
        var driver = D()
        driver.start()
        driver.reply(.stats, .success(.stats(Polled.stats, body: Polled.statsBody)))
        #expect(driver.on(.statsRangeChanged(.quarter), after: 1) == [
            .cancel(.stats),
            .fetch(.stats(campaignID: nil, dates: .init(start: "2026-10-18", end: "2027-01-15")), requestID: 6),
        ])
        let quarter = Self.stats("2026-10-18", "2027-01-15")
        let body = try LeadOSJSON.encode(quarter)
        #expect(driver.reply(.stats, .success(.stats(quarter, body: body))) == [
            .emit(.stats(quarter)), .emit(.refreshed(.stats, at: driver.now)), .arm(.stats, after: 60),
        ], "shown, but not cached under the standard range's name")
        // The timer asks for the same range again; a scope keeps it (with a request in flight
        // there is no timer to call off).
        #expect(driver.fire(.stats) == [.fetch(.stats(campaignID: nil, dates: .init(start: "2026-10-18", end: "2027-01-15")),
                                               requestID: 7)])
        #expect(driver.on(.statsScopeChanged(campaignID: "camp_abc123")) == [
            .fetch(.stats(campaignID: "camp_abc123", dates: .init(start: "2026-10-18", end: "2027-01-15")), requestID: 8),
        ])
        #expect(driver.on(.statsRangeChanged(.week)) == [
            .fetch(.stats(campaignID: "camp_abc123", dates: .init(start: "2027-01-09", end: "2027-01-15")), requestID: 9),
        ])
        // The reply for the earlier range is stale.
        #expect(driver.on(.polled(.stats, requestID: 8, .success(.stats(quarter, body: body)))) == [])
        // Back to the standard range: LeadOS's default, without dates, as before.
        driver.on(.statsScopeChanged(campaignID: nil))
        #expect(driver.on(.statsRangeChanged(.month)) == [.fetch(.stats(campaignID: nil), requestID: 11)])
        #expect(driver.reply(.stats, .success(.stats(Polled.stats, body: Polled.statsBody))) == [
            .emit(.stats(Polled.stats)), .cache(.stats(body: Polled.statsBody, at: driver.now)),
            .emit(.refreshed(.stats, at: driver.now)), .arm(.stats, after: 60),
        ])
    }

    @Test func aCampaignsStatsAreNotCached() throws {
        var driver = D()
        driver.start()
        driver.on(.statsScopeChanged(campaignID: "camp_abc123"))
        var scoped = Polled.stats
        scoped.campaignID = "camp_abc123"
        let body = try LeadOSJSON.encode(scoped)
        #expect(driver.reply(.stats, .success(.stats(scoped, body: body))) == [
            .emit(.stats(scoped)), .emit(.refreshed(.stats, at: driver.now)), .arm(.stats, after: 60),
        ])
    }

    @Test func aWithdrawalSparesTheWriteInFlight() {
        var driver = D(intervals: D.off)
        driver.on(.started(CachedStart()))
        let first = WriteCommand.feedback(leadID: "del_a", FeedbackSubmission(rating: .good))
        let second = WriteCommand.feedback(leadID: "del_b", FeedbackSubmission(rating: .good))
        #expect(driver.on(.withdrawRequested(second)) == [.withdrawWrite(second, sparing: nil)])
        #expect(driver.on(.nextWriteLoaded(Polled.entry(4, first), discarded: 0)) == [.sendWrite(Polled.entry(4, first), requestID: 1)])
        #expect(driver.on(.withdrawRequested(first)) == [.withdrawWrite(first, sparing: 4)])
        #expect(driver.on(.withdrawAnswered(first, removed: false)) == [.emit(.writeWithdrawn(first, removed: false))])
        #expect(driver.on(.withdrawAnswered(second, removed: true)) == [
            .emit(.writeWithdrawn(second, removed: true)), .publishPendingCount,
        ])
    }

    /// The state counts an accepted rating until the next summary: a summary already on its way
    /// may predate the rating and is dropped; a fresh one is fetched 2 s after the last rating.
    @Test func anAcceptedRatingBringsAFreshSummary() {
        var driver = D()
        driver.start()
        driver.reply(.feedbackSummary, .success(.feedbackSummary(Polled.summary)))
        driver.fire(.feedbackSummary)
        let inFlight = driver.requestID(.feedbackSummary)
        let command = WriteCommand.feedback(leadID: "del_a", FeedbackSubmission(rating: .good))
        let entry = Polled.entry(1, command)
        driver.on(.writeEnqueued)
        driver.on(.nextWriteLoaded(entry, discarded: 0))
        let feedback = Feedback(leadID: "del_a", rating: .good, reason: nil, note: nil, createdAt: D.t0, updatedAt: D.t0)
        let answered = driver.on(.writeAnswered(requestID: driver.machine.outbox.inFlight!.requestID, .success(.feedback(feedback))))
        #expect(Array(answered.prefix(4)) == [
            .settleWrite(sequence: 1), .emit(.writeSettled(.applied(command))), .patchLeadFeedback(feedback),
            .arm(.feedbackSummary, after: 2),
        ])
        #expect(driver.on(.polled(.feedbackSummary, requestID: inFlight, .success(.feedbackSummary(Polled.summary)))) == [])
        let fresh = driver.fire(.feedbackSummary)
        #expect(fresh == [.fetch(.feedbackSummary, requestID: driver.requestID(.feedbackSummary))])
        // Reported even though it looks like the last one: the state drops its own count on it.
        #expect(driver.reply(.feedbackSummary, .success(.feedbackSummary(Polled.summary))) == [
            .emit(.feedbackSummary(Polled.summary)), .cache(.feedbackSummary(Polled.summary, at: driver.now)),
            .emit(.refreshed(.feedbackSummary, at: driver.now)), .arm(.feedbackSummary, after: 60),
        ])
    }
}
