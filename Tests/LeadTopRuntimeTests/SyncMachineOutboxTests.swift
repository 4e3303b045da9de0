import Foundation
import LeadOSAPI
import LeadTopCore
import Testing
@testable import LeadTopRuntime

/// The outbox policy on the machine alone: one write in flight, oldest first (the store hands
/// them out in order), retries with backoff, refusals settled, and everything held while the key
/// is refused.
@Suite struct SyncMachineOutboxTests {
    typealias D = MachineDriver
    static let pause = Polled.entry(1, .pause(campaignID: "camp_abc123"))
    static let resume = Polled.entry(2, .resume(campaignID: "camp_missing"))

    static var paused: Campaign {
        var campaign = Fixtures.campaign("camp_abc123")
        campaign.status = .paused
        campaign.pausedReason = .user
        return campaign
    }

    @Test func oneWriteInFlightOldestFirstRetriedThenRefused() {
        var driver = D(intervals: D.off)
        #expect(driver.on(.started(CachedStart())) == [.publishPendingCount, .loadNextWrite])
        #expect(driver.on(.nextWriteLoaded(Self.pause, discarded: 0)) == [.sendWrite(Self.pause, requestID: 1)])
        // A second write waits while the first is in flight.
        #expect(driver.on(.writeEnqueued) == [.publishPendingCount])
        #expect(driver.on(.refreshRequested) == [], "R does not send a second write beside the first")
        #expect(driver.on(.writeAnswered(requestID: 1, .success(.campaign(Self.paused))), after: 1) == [
            .settleWrite(sequence: 1),
            .emit(.writeSettled(.applied(.pause(campaignID: "camp_abc123")))),
            .cache(.campaign(Self.paused)), .emit(.campaign(Self.paused)),
            .publishPendingCount,
            .emit(.connectionReport(ConnectionReport(failures: [], lastSuccess: driver.now))),
            .logConnection(.live), .emit(.connection(.live)),
            .loadNextWrite,
        ])
        // The next one out is whatever the store says is oldest.
        #expect(driver.on(.nextWriteLoaded(Self.resume, discarded: 0)) == [.sendWrite(Self.resume, requestID: 2)])
        let failure = Failures.api(500, code: "internal_error")
        let failedAt = driver.now
        let degraded = ConnectionStatus.degraded(reason: "LeadOS error 500", nextRetry: failedAt.addingTimeInterval(0.5))
        #expect(driver.on(.writeAnswered(requestID: 2, .failure(failure))) == [
            .recordWriteAttempt(sequence: 2, error: "LeadOS error 500"),
            .emit(.connectionReport(ConnectionReport(failures: [
                .init(channel: "outbox", summary: "LeadOS error 500", detail: failure.detail, at: failedAt,
                      nextRetry: failedAt.addingTimeInterval(0.5)),
            ], lastSuccess: failedAt))),
            .logConnection(degraded), .emit(.connection(degraded)),
            .arm(.outbox, after: 0.5),
        ])
        // A write enqueued during the wait does not jump it.
        #expect(driver.on(.writeEnqueued) == [.publishPendingCount])
        #expect(driver.fire(.outbox) == [.loadNextWrite])
        #expect(driver.on(.nextWriteLoaded(Self.resume, discarded: 0)) == [.sendWrite(Self.resume, requestID: 3)])
        // The reply to the earlier try is stale.
        #expect(driver.on(.writeAnswered(requestID: 2, .success(.campaign(Self.paused)))) == [])
        // A 404 is a refusal: not retried, settled, and the queue moves on.
        let missing = Failures.api(404, code: "resource_missing", message: "No such campaign")
        #expect(driver.on(.writeAnswered(requestID: 3, .failure(missing))) == [
            .settleWrite(sequence: 2),
            .emit(.writeSettled(.refused(.resume(campaignID: "camp_missing"), status: 404, code: "resource_missing",
                                         message: "No such campaign"))),
            .publishPendingCount,
            .loadNextWrite,
        ])
        // An empty queue ends the failure it was retrying.
        #expect(driver.on(.nextWriteLoaded(nil, discarded: 0)) == [
            .emit(.connectionReport(ConnectionReport(failures: [], lastSuccess: failedAt))),
            .logConnection(.live), .emit(.connection(.live)),
            .publishPendingCount,
        ])
    }

    @Test func refreshSkipsTheRetryWaitAndUnreadableRowsAreCounted() {
        var driver = D(intervals: D.off)
        driver.on(.started(CachedStart()))
        driver.on(.nextWriteLoaded(Self.pause, discarded: 2))
        driver.on(.writeAnswered(requestID: 1, .failure(Failures.refused)))
        #expect(driver.pendingDelays == [.outbox: 0.5])
        #expect(driver.on(.refreshRequested) == [.cancel(.outbox), .loadNextWrite])
        #expect(driver.on(.nextWriteLoaded(Self.pause, discarded: 1)) == [.publishPendingCount, .sendWrite(Self.pause, requestID: 2)])
    }

    @Test func aWriteTheStoreCannotKeepIsRefusedAtOnce() {
        var driver = D(intervals: D.off)
        driver.start()
        #expect(driver.on(.writeNotStored(.pause(campaignID: "camp_abc123"), reason: "disk I/O error")) == [
            .emit(.writeSettled(.refused(.pause(campaignID: "camp_abc123"), status: 0, code: "local_storage_error",
                                         message: "could not save the write locally: disk I/O error"))),
        ])
        #expect(driver.on(.outboxUnreadable(reason: "database disk image is malformed")).contains(
            .emit(.connection(.degraded(reason: "local storage: database disk image is malformed", nextRetry: nil)))))
    }

    /// A refused key holds the write that met it and every write after it, untouched, until a
    /// request succeeds; then the outbox goes out at once.
    @Test func writesAreHeldWhileTheKeyIsRefusedAndReleasedAfter() {
        var driver = D(intervals: D.off)
        driver.on(.started(CachedStart()))
        driver.on(.nextWriteLoaded(Self.pause, discarded: 0))
        let rejected = driver.on(.writeAnswered(requestID: 1, .failure(Failures.refusedKey)))
        #expect(!rejected.contains { if case .settleWrite = $0 { true } else { false } }, "the write stays queued")
        #expect(!rejected.contains { if case .recordWriteAttempt = $0 { true } else { false } })
        #expect(driver.pendingDelays == [.keyCheck: 60])
        #expect(driver.on(.writeEnqueued) == [.publishPendingCount], "held")
        #expect(driver.on(.nextWriteLoaded(Self.pause, discarded: 0)) == [], "held even if read")
        #expect(driver.fire(.keyCheck) == [.fetch(.balance, requestID: 2)])
        let accepted = driver.reply(.balance, .success(.balance(Polled.balance)))
        #expect(accepted.contains(.loadNextWrite))
        #expect(driver.on(.nextWriteLoaded(Self.pause, discarded: 0)) == [.sendWrite(Self.pause, requestID: 3)])
    }
}
