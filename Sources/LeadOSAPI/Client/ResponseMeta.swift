import Foundation

/// What the response headers said beyond the body: request id, rate-limit budget and retry hints.
/// The sync engine shows these (status bar) and uses them to pace its pollers.
public struct ResponseMeta: Sendable, Hashable {
    public var status: Int
    /// `X-Request-Id`, for support and for matching log lines to requests.
    public var requestID: String?
    public var rateLimit: RateLimit?
    /// `Retry-After` in seconds, when present and a non-negative integer (as sent: users clamp it
    /// with `RetryPolicy.clampRetryAfter`).
    public var retryAfter: TimeInterval?
    /// The reply's `Date` header: LeadOS's clock when it answered, to the second.
    public var date: Date?
    /// `Idempotent-Replayed: true`: the server replayed a stored response instead of running the write again.
    public var replayed: Bool

    public init(status: Int, requestID: String?, rateLimit: RateLimit?, retryAfter: TimeInterval?, replayed: Bool,
                date: Date? = nil) {
        self.status = status; self.requestID = requestID; self.rateLimit = rateLimit
        self.retryAfter = retryAfter; self.replayed = replayed; self.date = date
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
        self.retryAfter = header("Retry-After").flatMap(Self.seconds)
        self.date = header("Date").flatMap(HTTPDate.parse)
        self.replayed = header("Idempotent-Replayed")?.lowercased() == "true"
    }
}

extension ResponseMeta {
    /// A non-negative integer of any length (digits only); one too long for `Int` is still a
    /// very long wait, not a missing header.
    static func seconds(_ text: String) -> TimeInterval? {
        guard !text.isEmpty, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        return Double(text)
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
