import Foundation
import LeadOSAPI
import Logging

/// Tuning of the sync engine. Defaults follow the contract and the dashboard's needs.
public struct SyncOptions: Sendable {
    public var intervals: PollIntervals
    /// Backoff for failed polls and writes (base and cap; polls and writes retry without limit).
    public var backoff: RetryPolicy
    /// Failures in a row (with no success in between) after which the state is `offline`.
    public var offlineAfterFailures: Int
    /// Seconds without any success, while failing, after which the state is `offline`.
    public var offlineAfter: TimeInterval
    public var feedPageSize: Int
    /// Newest leads kept in the local cache.
    public var cacheLeadLimit: Int
    /// Leads in the feed page read from the cache at start: two screenfuls of the tallest
    /// terminal, so the first frame waits for as little decoding as possible; the state reads
    /// the rest of its window when it needs it.
    public var firstFeedPage = 200
    /// Push mode: run a webhook receiver and register it with LeadOS. Nil = polling only.
    public var webhook: WebhookReceiverOptions?
    /// Names the LeadOS account (profile and API URL) the saved webhook registration belongs to.
    public var account = "default"
    /// Uniform random numbers in [0, 1) for jitter.
    public var random: @Sendable () -> Double
    /// While LeadOS refuses the key, the one quiet check is this far apart (API.md §1: a 401
    /// cannot heal by itself, so hammering it helps no one).
    public var keyCheckInterval: TimeInterval = 60
    /// While pushes arrive, the feed is polled only as a safety net for lost pushes, this often
    /// (a longer configured feed interval stays).
    public var pushFeedInterval: TimeInterval = 30
    /// Reads the API key again from where it came from (say, the config file the user just
    /// fixed); called when the user asks for a refresh while the key is refused. Nil keeps the key.
    public var reloadAPIKey: (@Sendable () -> String?)?
    /// Where connection changes are logged (info); nil logs nothing.
    public var logger: Logger?

    public init(intervals: PollIntervals = .standard, backoff: RetryPolicy = .standard, offlineAfterFailures: Int = 5,
                offlineAfter: TimeInterval = 60, feedPageSize: Int = 100, cacheLeadLimit: Int = 100_000,
                webhook: WebhookReceiverOptions? = nil, random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.intervals = intervals; self.backoff = backoff; self.offlineAfterFailures = offlineAfterFailures
        self.offlineAfter = offlineAfter; self.feedPageSize = feedPageSize; self.cacheLeadLimit = cacheLeadLimit
        self.webhook = webhook; self.random = random
    }
}

extension SyncOptions {
    /// When the status bar starts showing the feed's refresh age (`Settings.refreshAgeShownAfter`):
    /// once two refreshes in a row are late. The feed is polled every `intervals.feed` seconds,
    /// and with push on, at least every `pushFeedInterval` (pushes bring the leads in between).
    /// Nil, always shown, when the feed is not polled.
    public var refreshAgeShownAfter: TimeInterval? {
        guard intervals.feed > 0 else { return nil }
        let expected = webhook != nil ? max(intervals.feed, pushFeedInterval) : intervals.feed
        return 2 * expected + 2
    }
}
