import Foundation

/// The contract's retry policy (API.md §3) as a pure value: which failures are worth another try,
/// and how long to wait. Randomness comes in as a number so the policy itself stays deterministic.
public struct RetryPolicy: Sendable, Hashable {
    /// Total tries including the first (the contract says at most 5).
    public var maxAttempts: Int
    /// First backoff ceiling, doubled per attempt up to `cap`.
    public var base: TimeInterval
    public var cap: TimeInterval

    public init(maxAttempts: Int = 5, base: TimeInterval = 1, cap: TimeInterval = 30) {
        self.maxAttempts = max(1, maxAttempts); self.base = max(0, base); self.cap = max(0, cap)
    }

    /// The contract's values: 5 tries, base 1 s, cap 30 s.
    public static let standard = RetryPolicy()
    /// One try, no retries: for callers that schedule their own retries (the sync engine).
    public static let once = RetryPolicy(maxAttempts: 1)

    /// Whether a failure is transient: 429, 500, 503, network errors and timeouts, plus
    /// `409 idempotency_key_in_use`, which says "the first request is still running, come back".
    public static func isTransient(_ error: LeadOSError) -> Bool {
        switch error {
        case .transport, .timeout: return true
        case .api(let status, let detail, _):
            return [429, 500, 503].contains(status) || (status == 409 && detail.code == "idempotency_key_in_use")
        case .httpStatus(let status, _, _):
            return [429, 500, 503].contains(status)
        case .undecodable, .oversize, .insecureURL, .invalidRequest, .cancelled:
            return false
        }
    }

    /// Whether a request may be sent again: a GET always, a POST or PATCH only with an Idempotency-Key.
    public static func isReplaySafe(method: APIMethod, hasIdempotencyKey: Bool) -> Bool {
        method == .get || hasIdempotencyKey
    }

    /// Exponential backoff with full jitter: uniformly in [0, min(cap, base·2^(attempt−1))).
    /// `attempt` is the number of the try that just failed (1-based); `unitRandom` is in [0, 1).
    public func backoff(afterAttempt attempt: Int, unitRandom: Double) -> TimeInterval {
        let exponent = min(max(attempt - 1, 0), 62)
        let ceiling = min(cap, base * pow(2, Double(exponent)))
        return ceiling * min(max(unitRandom, 0), 1)
    }

    /// The waits a `Retry-After` may ask for: the contract's minimum of 1 s, up to an hour. `0`
    /// would make every poller a tight loop, and a huge value would stop polling until `R`.
    public static let retryAfterRange: ClosedRange<TimeInterval> = 1...3600

    /// A server's `Retry-After`, held within `retryAfterRange`.
    public static func clampRetryAfter(_ seconds: TimeInterval) -> TimeInterval {
        guard !seconds.isNaN else { return retryAfterRange.lowerBound }
        return min(max(seconds, retryAfterRange.lowerBound), retryAfterRange.upperBound)
    }

    /// The wait before the next try: `Retry-After` when the server gave one (clamped to
    /// `retryAfterRange`), else the jittered backoff.
    public func delay(afterAttempt attempt: Int, retryAfter: TimeInterval?, unitRandom: Double) -> TimeInterval {
        if let retryAfter, retryAfter >= 0 { return Self.clampRetryAfter(retryAfter) }
        return backoff(afterAttempt: attempt, unitRandom: unitRandom)
    }

    /// What to do after try number `attempt` failed with `error`.
    public func decide(afterAttempt attempt: Int, error: LeadOSError, method: APIMethod,
                       hasIdempotencyKey: Bool, unitRandom: Double) -> RetryDecision {
        guard attempt < maxAttempts, Self.isTransient(error),
              Self.isReplaySafe(method: method, hasIdempotencyKey: hasIdempotencyKey)
        else { return .giveUp }
        return .retry(after: delay(afterAttempt: attempt, retryAfter: error.meta?.retryAfter, unitRandom: unitRandom))
    }
}

public enum RetryDecision: Sendable, Hashable {
    case retry(after: TimeInterval)
    case giveUp
}
