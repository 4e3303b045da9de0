import Foundation

/// How the dashboard's link to LeadOS is doing, as the status bar shows it.
public enum ConnectionStatus: Sendable, Hashable {
    /// Requests are succeeding.
    case live
    /// Requests fail or are rate limited; the engine retries at `nextRetry` (nil when unknown).
    case degraded(reason: String, nextRetry: Date?)
    /// Nothing has succeeded since `since`; `reason` is the last failure in words.
    case offline(since: Date, reason: String, nextRetry: Date?)
    /// LeadOS refused the API key (401/403). Not an outage: nothing is polled but one quiet
    /// check a minute, and queued writes wait, untouched, until the key works.
    case keyRejected(KeyRejection)
}

/// LeadOS's refusal of the API key, with what the user needs to fix it.
public struct KeyRejection: Sendable, Hashable {
    /// 401 or 403.
    public var status: Int
    /// The key as it may be shown: `ldo_live_sk_…stuX`.
    public var redactedKey: String
    /// LeadOS's own message (sanitized, one line).
    public var message: String
    /// When the engine checks the key again by itself (R checks at once).
    public var nextCheck: Date?

    public init(status: Int, redactedKey: String, message: String, nextCheck: Date?) {
        self.status = status; self.redactedKey = redactedKey; self.message = message; self.nextCheck = nextCheck
    }
}

/// What the connection details overlay (`d`) shows: where leadtop connects and everything that
/// is failing, with the whole error (status, error object, request id).
public struct ConnectionReport: Sendable, Hashable {
    public struct Failure: Sendable, Hashable {
        /// What failed: a resource (`feed`, `stats`…), `outbox` or `push`.
        public var channel: String
        /// A few words (`connection refused (127.0.0.1:8787)`).
        public var summary: String
        /// The whole error as the client described it.
        public var detail: String
        public var at: Date
        public var nextRetry: Date?

        public init(channel: String, summary: String, detail: String, at: Date, nextRetry: Date?) {
            self.channel = channel; self.summary = summary; self.detail = detail; self.at = at; self.nextRetry = nextRetry
        }
    }

    public var failures: [Failure]
    public var lastSuccess: Date?

    public init(failures: [Failure] = [], lastSuccess: Date? = nil) {
        self.failures = failures; self.lastSuccess = lastSuccess
    }
}
