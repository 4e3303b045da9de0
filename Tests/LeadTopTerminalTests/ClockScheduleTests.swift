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

/// Ticks the application asks for: the loop sleeps until the screen next changes by the clock,
/// and wakes at the tick that would have drawn the change.
@Suite struct ClockDemandScheduleTests {
    @Test func theNextTickIsTheFirstOnTheGridAtOrAfterTheChange() throws {
        let start = ContinuousClock.now
        var clock = try #require(ClockSchedule(interval: 1, now: start))
        let now = start + .milliseconds(200)
        clock.wait(until: start + .milliseconds(4_300), now: now)
        #expect(clock.due == start + .seconds(5))
        // A nearer change (a new lead, whose age moves next second) brings the tick back, on the grid.
        clock.wait(until: start + .milliseconds(1_100), now: now)
        #expect(clock.due == start + .seconds(2))
        // A change before the next tick, or already past, is drawn at the next tick.
        clock.wait(until: start + .milliseconds(300), now: now)
        #expect(clock.due == start + .seconds(1))
        clock.wait(until: start - .seconds(30), now: now)
        #expect(clock.due == start + .seconds(1))
        // A change exactly on a tick is drawn by that tick.
        clock.wait(until: start + .seconds(3), now: now)
        #expect(clock.due == start + .seconds(3))
    }

    @Test func noForeseenChangeSleepsTheLongestWaitAndAnOverdueTickStaysDue() throws {
        let start = ContinuousClock.now
        var clock = try #require(ClockSchedule(interval: 1, now: start))
        clock.wait(until: nil, now: start + .milliseconds(500))
        #expect(clock.due == start + .seconds(61))
        clock.wait(until: start + .seconds(3_600), now: start + .milliseconds(500))
        #expect(clock.due == start + .seconds(61))
        var overdue = try #require(ClockSchedule(interval: 1, now: start))
        overdue.wait(until: start + .seconds(10), now: start + .milliseconds(1_500))
        #expect(overdue.due == start + .seconds(1))
        #expect(overdue.millisecondsUntilDue(now: start + .milliseconds(1_500)) == 0)
    }

    @Test func eventsAfterALongSleepBringTheClockAlong() throws {
        let start = ContinuousClock.now
        var clock = try #require(ClockSchedule(interval: 1, now: start))
        #expect(!clock.isBehind(now: start + .milliseconds(999)))
        #expect(clock.isBehind(now: start + .seconds(1)))
        clock.taken(now: start + .seconds(20))
        #expect(!clock.isBehind(now: start + .milliseconds(20_500)))
        let tick = clock.takeIfDue(now: start + .seconds(41))
        #expect(tick)
        #expect(clock.lastTaken == start + .seconds(41))
    }
}
