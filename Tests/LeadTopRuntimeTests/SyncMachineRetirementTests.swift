import Foundation
import LeadOSAPI
import LeadTopCore
import Testing
@testable import LeadTopRuntime

/// Retiring, after a switch to another profile: polls and push stop at once, the old account's
/// queued writes still go to it, then the machine stops; what cannot go now stays queued.
@Suite struct SyncMachineRetirementTests {
    typealias D = MachineDriver
    static let balanceOnly = PollIntervals(feed: 0, campaigns: 0, balance: 60, stats: 0, feedbackSummary: 0)
    static let pause = Polled.entry(1, .pause(campaignID: "camp_abc123"))
    static let resume = Polled.entry(2, .resume(campaignID: "camp_abc123"))

    /// Running with the balance timer armed and `pause` in flight as request 2.
    static func running() -> D {
        var driver = D(intervals: balanceOnly, push: true)
        #expect(driver.start()[.balance] == 1)
        driver.reply(.balance, .success(.balance(Polled.balance)))
        #expect(driver.pendingDelays == [.balance: 60])
        #expect(driver.on(.writeEnqueued) == [.publishPendingCount, .loadNextWrite])
        #expect(driver.on(.nextWriteLoaded(pause, discarded: 0)) == [.sendWrite(pause, requestID: 2)])
        return driver
    }

    @Test func theQueueIsSentToTheOldAccountThenTheMachineStops() {
        var driver = Self.running()
        #expect(driver.on(.retireRequested) == [.cancel(.balance), .stopReceiver])
        #expect(driver.on(.refreshRequested) == [], "nothing is polled any more")
        let answered = driver.on(.writeAnswered(requestID: 2, .success(.campaign(Fixtures.campaign("camp_abc123")))))
        #expect(answered.first == .settleWrite(sequence: 1))
        #expect(answered.last == .loadNextWrite)
        #expect(driver.on(.nextWriteLoaded(Self.resume, discarded: 0)) == [.sendWrite(Self.resume, requestID: 3)])
        #expect(driver.on(.writeAnswered(requestID: 3, .success(.campaign(Fixtures.campaign("camp_abc123"))))).last == .loadNextWrite)
        #expect(driver.on(.nextWriteLoaded(nil, discarded: 0)) == [.finishRetiring])
        #expect(driver.machine.phase == .stopped)
        #expect(driver.on(.timerFired(.balance)) == [])
        #expect(driver.on(.retireRequested) == [])
        #expect(driver.on(.writeEnqueued) == [.publishPendingCount], "a write after the end waits for the next start")
    }

    @Test func aWriteThatKeepsFailingIsLeftQueuedAfterThreeTries() {
        var driver = Self.running()
        driver.on(.retireRequested)
        let failure = Failures.api(503, code: "unavailable")
        var commands = driver.on(.writeAnswered(requestID: 2, .failure(failure)))
        #expect(commands.first == .recordWriteAttempt(sequence: 1, error: "LeadOS error 503"))
        #expect(commands.last == .arm(.outbox, after: 0.5))
        #expect(driver.fire(.outbox) == [.loadNextWrite])
        #expect(driver.on(.nextWriteLoaded(Self.pause, discarded: 0)) == [.sendWrite(Self.pause, requestID: 3)])
        commands = driver.on(.writeAnswered(requestID: 3, .failure(failure)))
        #expect(commands.last == .arm(.outbox, after: 1))
        driver.fire(.outbox)
        driver.on(.nextWriteLoaded(Self.pause, discarded: 0))
        #expect(driver.on(.writeAnswered(requestID: 4, .failure(failure))) == [
            .recordWriteAttempt(sequence: 1, error: "LeadOS error 503"), .finishRetiring,
        ])
        #expect(driver.machine.phase == .stopped)
    }

    @Test func aRefusedKeyOrAnIdleMachineEndsAtOnce() {
        var driver = Self.running()
        driver.on(.retireRequested)
        #expect(driver.on(.writeAnswered(requestID: 2, .failure(Failures.refusedKey))) == [.finishRetiring])

        var idle = D(intervals: Self.balanceOnly)
        #expect(idle.on(.retireRequested) == [.finishRetiring])

        var empty = D(intervals: Self.balanceOnly)
        empty.start()
        #expect(empty.on(.retireRequested) == [.loadNextWrite])
        #expect(empty.on(.nextWriteLoaded(nil, discarded: 0)) == [.finishRetiring])
    }
}
