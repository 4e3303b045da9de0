import Foundation
import LeadOSAPI
import LeadTopCore
import Testing
@testable import LeadTopRuntime

/// The key-rejected state on the machine alone: refused requests become one quiet check a
/// minute, R reads the key again and checks at once, and a success resumes everything.
@Suite struct SyncMachineKeyTests {
    typealias D = MachineDriver

    static func rejection(nextCheck: Date, key: String = "ldo_live_sk_…stuX") -> KeyRejection {
        KeyRejection(status: 401, redactedKey: key, message: "Invalid API key provided: ldo_live_sk_****stuX", nextCheck: nextCheck)
    }

    @Test func sixRefusedRequestsBecomeOneCheckAMinuteAndRChecksAtOnce() {
        var driver = D()
        let entry = Polled.entry(1, .feedback(leadID: "del_a", FeedbackSubmission(rating: .good)))
        let ids = driver.on(.started(CachedStart())).compactMap { if case .fetch(_, let id) = $0 { id } else { nil } }
        #expect(driver.on(.nextWriteLoaded(entry, discarded: 0)) == [.sendWrite(entry, requestID: 6)])

        // The first refusal: a check in a minute, and the state says so.
        let first = Self.rejection(nextCheck: D.t0.addingTimeInterval(60))
        #expect(driver.on(.polled(.feed, requestID: ids[0], .failure(Failures.refusedKey))) == [
            .arm(.keyCheck, after: 60),
            .emit(.connectionReport(ConnectionReport())),
            .logConnection(.keyRejected(first)),
            .emit(.connection(.keyRejected(first))),
        ])
        // The other four polls and the write: refused too, and nothing more to do.
        for (resource, id) in zip(Resource.allCases.dropFirst(), ids.dropFirst()) {
            #expect(driver.on(.polled(resource, requestID: id, .failure(Failures.refusedKey)), after: 0.01) == [], "\(resource)")
        }
        #expect(driver.on(.writeAnswered(requestID: 6, .failure(Failures.refusedKey))) == [])
        #expect(driver.machine.timers == [.keyCheck: D.t0.addingTimeInterval(60)], "only the check timer")

        // Each minute, exactly one small request; refused again, the next one a minute later.
        for minute in 1...3 {
            #expect(driver.fire(.keyCheck) == [.fetch(.balance, requestID: 6 + minute)])
            #expect(driver.now == D.t0.addingTimeInterval(60 * Double(minute)))
            let next = Self.rejection(nextCheck: D.t0.addingTimeInterval(60 * Double(minute + 1)))
            #expect(driver.reply(.balance, .failure(Failures.refusedKey)) == [.arm(.keyCheck, after: 60), .emit(.connection(.keyRejected(next)))])
        }
        // Poll timers that were on their way do nothing.
        #expect(driver.on(.timerFired(.feed)) == [])

        // R: the key is read again and checked at once, instead of the five polls.
        #expect(driver.on(.refreshRequested, after: 10) == [.reloadKey, .cancel(.keyCheck), .fetch(.balance, requestID: 10)])
        #expect(driver.on(.keyReloaded(redactedKey: "ldo_live_sk_…good")) == [])
        #expect(driver.machine.keyRejection?.redactedKey == "ldo_live_sk_…good")
        // It works: every other poller starts now, then the outbox; the state is live.
        let at = driver.now
        #expect(driver.reply(.balance, .success(.balance(Polled.balance))) == [
            .emit(.balance(Polled.balance)), .cache(.balance(Polled.balance, at: at)), .emit(.refreshed(.balance, at: at)),
            .arm(.balance, after: 15),
            .fetch(.feed(after: FeedCursor(), pageSize: 100), requestID: 11),
            .fetch(.campaigns(maxPages: 100), requestID: 12),
            .fetch(.stats(campaignID: nil), requestID: 13),
            .fetch(.feedbackSummary, requestID: 14),
            .loadNextWrite,
            .logConnection(.live), .emit(.connection(.live)),
        ])
        #expect(driver.on(.nextWriteLoaded(entry, discarded: 0)) == [.sendWrite(entry, requestID: 15)])
    }

    /// A check that cannot reach LeadOS leaves the key unproven and keeps the minute's pace.
    @Test func aCheckThatFailsOnTheWayKeepsThePace() {
        var driver = D(intervals: D.feedOnly)
        driver.start()
        driver.reply(.feed, .failure(Failures.refusedKey))
        driver.fire(.keyCheck)
        let at = driver.now
        #expect(driver.reply(.balance, .failure(Failures.refused)) == [
            .arm(.keyCheck, after: 60),
            .emit(.connectionReport(ConnectionReport(failures: [
                .init(channel: "balance", summary: "connection refused (127.0.0.1:1)",
                      detail: "cannot reach LeadOS: connection refused (127.0.0.1:1)", at: at, nextRetry: nil),
            ]))),
            .emit(.connection(.keyRejected(Self.rejection(nextCheck: at.addingTimeInterval(60))))),
        ])
        #expect(driver.machine.timers == [.keyCheck: at.addingTimeInterval(60)])
    }
}
