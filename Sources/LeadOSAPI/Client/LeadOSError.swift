import Foundation
import LeadOSContract

/// Everything that can go wrong talking to LeadOS, each case specific enough to show the user and
/// to decide whether retrying can help. No case ever carries the API key.
public enum LeadOSError: Error, Sendable, Hashable {
    /// The API answered with its error object (API.md §2).
    case api(status: Int, error: APIErrorBody.Detail, meta: ResponseMeta)
    /// A non-2xx reply whose body is not the contract's error object (e.g. a proxy's HTML page).
    case httpStatus(status: Int, excerpt: String, meta: ResponseMeta)
    /// A 2xx reply whose body does not decode as the expected object.
    case undecodable(status: Int, reason: String, excerpt: String)
    /// The body exceeded the client's size cap; the transfer was cut off.
    case oversize(limitBytes: Int)
    /// No complete reply within the deadline (slow or stalled server).
    case timeout(seconds: TimeInterval)
    /// Connection refused, reset, DNS failure…
    case transport(String)
    /// The configured base URL is not allowed (e.g. plain http to a remote host).
    case insecureURL(String)
    /// The request could not be built (bad base URL, unencodable body).
    case invalidRequest(String)
    case cancelled

    /// The HTTP status, when a reply was received.
    public var status: Int? {
        switch self {
        case .api(let s, _, _), .httpStatus(let s, _, _), .undecodable(let s, _, _): s
        default: nil
        }
    }

    /// The contract's error code (`rate_limited`, `resource_missing`…), when the body carried one.
    public var code: String? {
        if case .api(_, let e, _) = self { return e.code }
        return nil
    }

    /// Response headers of the failed reply, when there was one.
    public var meta: ResponseMeta? {
        switch self {
        case .api(_, _, let m), .httpStatus(_, _, let m): m
        default: nil
        }
    }

    /// True for 401 and 403: the API key itself is refused, so no request can succeed until the
    /// key changes. Not an outage, and never a reason to drop a queued write.
    public var isKeyRejection: Bool {
        status == 401 || status == 403
    }

    /// A few words for the status bar: what failed, in terms a user understands. The whole story
    /// (error object, request id) is in `description`.
    public var summary: String {
        switch self {
        case .api(let status, _, _) where status == 401 || status == 403: return "key rejected"
        case .api(429, _, _), .httpStatus(429, _, _): return "rate limited"
        case .api(let status, _, _) where status >= 500: return "LeadOS error \(status)"
        case .api(let status, let detail, _): return "LeadOS refused the request (\(status) \(TextSanitizer.oneLine(detail.code, max: 40)))"
        case .httpStatus(let status, _, _) where status >= 500: return "LeadOS error \(status) (not an API reply)"
        case .httpStatus(let status, _, _): return "HTTP \(status) (not an API reply)"
        case .undecodable(let status, let reason, _): return "unreadable reply (HTTP \(status)): \(reason)"
        case .oversize(let limit): return "reply over \(limit / 1024 / 1024) MiB"
        case .timeout(let seconds): return "timed out after \(Self.wholeSeconds(seconds)) s"
        case .transport(let message): return message
        case .insecureURL(let message), .invalidRequest(let message): return message
        case .cancelled: return "cancelled"
        }
    }

    /// Seconds as a whole number, whatever the value (a deadline is configuration, not data, but
    /// nothing here may trap).
    static func wholeSeconds(_ seconds: TimeInterval) -> Int {
        guard seconds.isFinite else { return 0 }
        return Int(min(max(seconds, 0), 1e9).rounded())
    }

    /// True when LeadOS definitively refused the request: retrying the same request cannot succeed.
    /// 429 and `idempotency_key_in_use` (409 with Retry-After) are "not yet", not refusals.
    public var isDefinitiveRefusal: Bool {
        guard let status, (400..<500).contains(status), status != 429 else { return false }
        if case .undecodable = self { return false }
        return code != "idempotency_key_in_use"
    }
}

extension LeadOSError: CustomStringConvertible, LocalizedError {
    public var description: String {
        switch self {
        case .api(let status, let e, _):
            let param = e.param.map { " (param: \(TextSanitizer.oneLine($0, max: 80)))" } ?? ""
            let rid = e.requestID.map { " [\(TextSanitizer.oneLine($0, max: 40))]" } ?? ""
            return "LeadOS \(status) \(TextSanitizer.oneLine(e.type, max: 40))/\(TextSanitizer.oneLine(e.code, max: 60)): \(TextSanitizer.oneLine(e.message, max: 200))\(param)\(rid)"
        case .httpStatus(let status, let excerpt, _):
            return "LeadOS replied HTTP \(status) with a body that is not an API error: \(excerpt)"
        case .undecodable(let status, let reason, let excerpt):
            return "LeadOS replied HTTP \(status) with a body that could not be read (\(reason)): \(excerpt)"
        case .oversize(let limit):
            return "LeadOS reply exceeded the \(limit / 1024) KiB limit and was cut off"
        case .timeout(let seconds):
            return "LeadOS did not answer within \(Self.wholeSeconds(seconds)) s"
        case .transport(let message):
            return "cannot reach LeadOS: \(message)"
        case .insecureURL(let message), .invalidRequest(let message):
            return message
        case .cancelled:
            return "request cancelled"
        }
    }

    public var errorDescription: String? { description }
}
