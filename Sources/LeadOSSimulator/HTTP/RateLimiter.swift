import Foundation
import Synchronization

/// Fixed 60-second windows per API key on the simulated clock (API.md §3). Windows start at whole
/// minutes of simulated time, so a test with a frozen clock can step past `Retry-After` instantly.
final class RateLimiter: Sendable {
    struct Decision {
        var allowed: Bool
        var limit: Int
        var remaining: Int
        /// Unix seconds when the window resets.
        var reset: Int
        /// Whole seconds until then, at least 1.
        var retryAfter: Int
    }

    private struct Window { var start: Int; var used: Int }
    private let limit = Mutex<Int?>(nil)
    private let windows = Mutex<[String: Window]>([:])

    init(perMinute: Int?) { limit.withLock { $0 = perMinute } }

    func setLimit(_ perMinute: Int?) { limit.withLock { $0 = perMinute } }

    var perMinute: Int? { limit.withLock { $0 } }

    /// Counts one request; nil when limiting is off.
    func check(key: String, now: Date) -> Decision? {
        guard let max = perMinute else { return nil }
        let t = now.timeIntervalSince1970
        let start = Int(floor(t / 60)) * 60
        return windows.withLock { w in
            var window = w[key] ?? Window(start: start, used: 0)
            if window.start != start { window = Window(start: start, used: 0) }
            let allowed = window.used < max
            if allowed { window.used += 1 }
            w[key] = window
            let reset = start + 60
            return Decision(allowed: allowed, limit: max, remaining: Swift.max(0, max - window.used), reset: reset,
                            retryAfter: Swift.max(1, Int(ceil(Double(reset) - t))))
        }
    }
}
