import Foundation

/// What the response headers said beyond the body: request id, rate-limit budget and retry hints.
/// The sync engine shows these (status bar) and uses them to pace its pollers.
public struct ResponseMeta: Sendable, Hashable {
    public var status: Int
    /// `X-Request-Id`, for support and for matching log lines to requests.
    public var requestID: String?
    public var rateLimit: RateLimit?
    /// `Retry-After` in seconds, when present and a non-negative integer.
    public var retryAfter: TimeInterval?
    /// `Idempotent-Replayed: true`: the server replayed a stored response instead of running the write again.
    public var replayed: Bool

    public init(status: Int, requestID: String?, rateLimit: RateLimit?, retryAfter: TimeInterval?, replayed: Bool) {
        self.status = status; self.requestID = requestID; self.rateLimit = rateLimit
        self.retryAfter = retryAfter; self.replayed = replayed
    }

    /// Reads the contract's headers; malformed values are treated as absent rather than trusted.
    public init(status: Int, headers: [String: String]) {
        func header(_ name: String) -> String? {
            headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
                .trimmingCharacters(in: .whitespaces)
        }
        self.status = status
        self.requestID = header("X-Request-Id").map { String($0.prefix(64)) }
        if let limit = header("X-RateLimit-Limit").flatMap(Int.init),
           let remaining = header("X-RateLimit-Remaining").flatMap(Int.init) {
            let reset = header("X-RateLimit-Reset").flatMap(Int.init).map { Date(timeIntervalSince1970: TimeInterval($0)) }
            self.rateLimit = RateLimit(limit: limit, remaining: remaining, resetAt: reset)
        } else {
            self.rateLimit = nil
        }
        self.retryAfter = header("Retry-After").flatMap(Int.init).flatMap { $0 >= 0 ? TimeInterval($0) : nil }
        self.replayed = header("Idempotent-Replayed")?.lowercased() == "true"
    }
}

/// `X-RateLimit-Limit`, `-Remaining` and `-Reset` (API.md §3).
public struct RateLimit: Sendable, Hashable {
    public var limit: Int
    public var remaining: Int
    public var resetAt: Date?

    public init(limit: Int, remaining: Int, resetAt: Date?) {
        self.limit = limit; self.remaining = remaining; self.resetAt = resetAt
    }
}
