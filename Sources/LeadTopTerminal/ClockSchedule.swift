import Foundation

/// When the UI loop's next clock event is due: every `interval` on the monotonic clock, so the
/// ticks do not drift; after a stall (a suspended process, a slow frame) the missed ones are
/// skipped rather than delivered in a burst.
struct ClockSchedule {
    let interval: Duration
    private(set) var due: ContinuousClock.Instant

    /// Nil for an interval that is not a positive number of seconds.
    init?(interval seconds: TimeInterval, now: ContinuousClock.Instant = .now) {
        guard seconds.isFinite, seconds > 0, seconds < 86_400 else { return nil }
        interval = .nanoseconds(Int64(seconds * 1e9))
        due = now + interval
    }

    /// The wait for `poll`, rounded up so the loop never wakes just before the tick.
    func millisecondsUntilDue(now: ContinuousClock.Instant = .now) -> Int32 {
        let left = due - now
        guard left > .zero else { return 0 }
        let (seconds, attoseconds) = left.components
        return Int32(clamping: seconds * 1_000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }

    /// True, and the next tick scheduled, when the tick is due.
    mutating func takeIfDue(now: ContinuousClock.Instant = .now) -> Bool {
        guard now >= due else { return false }
        due += interval
        if due <= now { due = now + interval }
        return true
    }
}
