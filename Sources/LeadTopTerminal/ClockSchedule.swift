import Foundation

/// When the UI loop's next clock event is due. Ticks fall on a grid of `interval` on the
/// monotonic clock, so they do not drift; after a stall (a suspended process, a slow frame) the
/// missed ones are skipped rather than delivered in a burst.
///
/// The application may say when the screen next changes by the clock alone (`wait(until:)`):
/// the ticks before it are skipped, and the loop sleeps. A change is still drawn at the first
/// tick at or after it, the tick that would have drawn it had none been skipped.
struct ClockSchedule {
    let interval: Duration
    private(set) var due: ContinuousClock.Instant
    /// When the last clock event was taken: the application's clock is this old.
    private(set) var lastTaken: ContinuousClock.Instant

    /// Nil for an interval that is not a positive number of seconds.
    init?(interval seconds: TimeInterval, now: ContinuousClock.Instant = .now) {
        guard seconds.isFinite, seconds > 0, seconds < 86_400 else { return nil }
        interval = .nanoseconds(Int64(seconds * 1e9))
        due = now + interval
        lastTaken = now
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
        lastTaken = now
        return true
    }

    /// Whether the application's clock is at least one interval old: an event handled now takes
    /// a clock event along, so nothing is reduced with a time older than one interval.
    func isBehind(now: ContinuousClock.Instant = .now) -> Bool {
        now - lastTaken >= interval
    }

    /// Records a clock event delivered with other events (`isBehind`).
    mutating func taken(now: ContinuousClock.Instant = .now) {
        lastTaken = now
    }

    /// Moves the next tick to the first one on the grid at or after `change`, but never more
    /// than `longestWait` from now (nil: no change foreseen). A tick already overdue stays due.
    mutating func wait(until change: ContinuousClock.Instant?, now: ContinuousClock.Instant = .now,
                       longestWait: Duration = .seconds(60)) {
        guard due > now else { return }
        let step = Self.nanoseconds(interval)
        // The first tick after now on the grid that `due` is on.
        let first = due - .nanoseconds((Self.nanoseconds(due - now) - 1) / step * step)
        let target = min(change ?? now + longestWait, now + longestWait)
        guard target > first else { due = first; return }
        let gap = Self.nanoseconds(target - first)
        due = first + .nanoseconds((gap + step - 1) / step * step)
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds &* 1_000_000_000 &+ attoseconds / 1_000_000_000
    }
}
