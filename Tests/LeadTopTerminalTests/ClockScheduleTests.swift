import Foundation
import Testing
@testable import LeadTopTerminal

/// The UI loop's clock: due every interval without drift, the wait rounded up, stalls skipped.
@Suite struct ClockScheduleTests {
    @Test func ticksFallEveryIntervalFromTheStartWithoutDrift() throws {
        let start = ContinuousClock.now
        var clock = try #require(ClockSchedule(interval: 1, now: start))
        #expect(clock.millisecondsUntilDue(now: start) == 1_000)
        #expect(clock.millisecondsUntilDue(now: start + .microseconds(999_001)) == 1)
        #expect(clock.millisecondsUntilDue(now: start + .milliseconds(400) + .nanoseconds(1)) == 600)
        let tick1 = clock.takeIfDue(now: start + .milliseconds(999))
        #expect(!tick1)
        // Woken 30 ms late: the next tick is still on the whole second.
        let tick2 = clock.takeIfDue(now: start + .milliseconds(1_030))
        #expect(tick2)
        #expect(clock.due == start + .seconds(2))
        #expect(clock.millisecondsUntilDue(now: start + .milliseconds(1_030)) == 970)
        let tick3 = clock.takeIfDue(now: start + .milliseconds(1_031))
        #expect(!tick3)
        #expect(clock.millisecondsUntilDue(now: start + .seconds(3)) == 0)
    }

    @Test func aStallSkipsTheMissedTicksInsteadOfBurstingThem() throws {
        let start = ContinuousClock.now
        var clock = try #require(ClockSchedule(interval: 1, now: start))
        let tick4 = clock.takeIfDue(now: start + .milliseconds(7_500))
        #expect(tick4)
        #expect(clock.due == start + .milliseconds(8_500))
        let tick5 = clock.takeIfDue(now: start + .milliseconds(7_600))
        #expect(!tick5)
    }

    @Test func nonsenseIntervalsHaveNoClock() {
        for seconds in [0, -1, .nan, .infinity, 1e300] as [TimeInterval] { #expect(ClockSchedule(interval: seconds) == nil) }
    }
}
