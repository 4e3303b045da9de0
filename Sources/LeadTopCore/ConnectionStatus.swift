import Foundation

/// How the dashboard's link to LeadOS is doing, as the status bar shows it.
public enum ConnectionStatus: Sendable, Hashable {
    /// Requests are succeeding.
    case live
    /// Requests fail or are rate limited; the engine retries at `nextRetry` (nil when unknown).
    case degraded(reason: String, nextRetry: Date?)
    /// Nothing has succeeded since `since`.
    case offline(since: Date)
}
