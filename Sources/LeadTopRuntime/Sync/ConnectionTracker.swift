import Foundation
import LeadTopCore

/// Turns request outcomes into the connection state the status bar shows. Pure: the engine feeds
/// it events with their times and asks for the status.
///
/// - live: nothing is currently failing.
/// - degraded: something is failing and being retried (`nextRetry` is the soonest retry).
/// - offline: `offlineAfterFailures` failures in a row with no success in between, or nothing has
///   succeeded for `offlineAfter` seconds while failing; never while everything failing is only
///   rate limited (LeadOS answers, and says when to come back: the wait is what the user needs).
public struct ConnectionTracker: Sendable, Hashable {
    public var offlineAfterFailures: Int
    public var offlineAfter: TimeInterval

    public private(set) var lastSuccess: Date?
    public private(set) var consecutiveFailures = 0
    /// When the current run of failures began (nil while live).
    public private(set) var failingSince: Date?
    /// What is failing now, by channel, with its reason and next retry.
    private var failing: [SyncChannel: Failure] = [:]

    private struct Failure: Sendable, Hashable {
        var reason: String
        var detail: String
        var nextRetry: Date?
        var at: Date
        var rateLimited = false
    }

    public init(offlineAfterFailures: Int = 5, offlineAfter: TimeInterval = 60) {
        self.offlineAfterFailures = offlineAfterFailures; self.offlineAfter = offlineAfter
    }

    public mutating func recordSuccess(_ channel: SyncChannel, at time: Date) {
        lastSuccess = time
        consecutiveFailures = 0
        failing[channel] = nil
        if failing.isEmpty { failingSince = nil }
    }

    /// `detail` is the whole error (status, error object, request id) for the details overlay;
    /// `reason` the few words the status bar shows. `rateLimited`: LeadOS answered 429.
    public mutating func recordFailure(_ channel: SyncChannel, reason: String, detail: String? = nil, nextRetry: Date?,
                                       at time: Date, rateLimited: Bool = false) {
        consecutiveFailures += 1
        if failingSince == nil { failingSince = time }
        failing[channel] = Failure(reason: reason, detail: detail ?? reason, nextRetry: nextRetry, at: time,
                                   rateLimited: rateLimited)
    }

    /// Forgets a channel that stopped retrying (e.g. its poller was turned off).
    public mutating func clear(_ channel: SyncChannel) {
        failing[channel] = nil
        if failing.isEmpty { failingSince = nil; consecutiveFailures = 0 }
    }

    public func status(at now: Date) -> ConnectionStatus {
        guard let since = failingSince, !failing.isEmpty else { return .live }
        let quietFor = now.timeIntervalSince(lastSuccess ?? since)
        let latest = failing.values.max { ($0.at, $0.reason) < ($1.at, $1.reason) }!
        let next = failing.values.compactMap(\.nextRetry).min()
        let onlyRateLimited = failing.values.allSatisfy(\.rateLimited)
        if !onlyRateLimited, consecutiveFailures >= offlineAfterFailures || quietFor >= offlineAfter {
            return .offline(since: since, reason: latest.reason, nextRetry: next)
        }
        return .degraded(reason: latest.reason, nextRetry: next)
    }

    /// Every failing channel with its whole error, by channel name.
    public var report: ConnectionReport {
        ConnectionReport(
            failures: failing.sorted { $0.key < $1.key }.map {
                ConnectionReport.Failure(channel: $0.key.rawValue, summary: $0.value.reason, detail: $0.value.detail,
                                         at: $0.value.at, nextRetry: $0.value.nextRetry)
            },
            lastSuccess: lastSuccess)
    }
}
