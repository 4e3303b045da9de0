import Foundation
import LeadOSAPI
import LeadTopCore

/// What `SyncMachine` asks the executor to do. Commands are run in order; those that read the
/// store answer with an event at once (`loadNextWrite` → `nextWriteLoaded`).
enum SyncCommand: Sendable, Hashable {
    /// Send a poll; its reply comes back as `polled` with the same request id.
    case fetch(PollQuery, requestID: Int)
    /// Read the oldest pending write from the outbox (answered by `nextWriteLoaded`).
    case loadNextWrite
    /// Send a write; its reply comes back as `writeAnswered`.
    case sendWrite(OutboxEntry, requestID: Int)
    /// Remove a write from the outbox: LeadOS applied or refused it for good.
    case settleWrite(sequence: Int64)
    /// Remove the newest queued copy of a write if it was never tried and is not `sparing` (the
    /// one in flight); answered by `withdrawAnswered`.
    case withdrawWrite(WriteCommand, sparing: Int64?)
    /// Note a failed try on a write that stays queued.
    case recordWriteAttempt(sequence: Int64, error: String)
    /// Start the webhook receiver (answered by `receiverUp` or `receiverFailed`).
    case startReceiver
    /// Stop the webhook receiver.
    case stopReceiver
    /// Look for a registration saved for this receiver URL (answered by `savedRegistrationLoaded`).
    case loadSavedRegistration(url: String)
    /// Register `url` with LeadOS; the reply comes back as `registrationAnswered`.
    case register(url: String, idempotencyKey: String, requestID: Int)
    /// Verify pushes with this secret from now on.
    case useSecret(String)
    /// Keep a registration for the next start.
    case saveRegistration(SavedWebhook)
    /// Read the API key again from where it came from (answered by `keyReloaded` when it changed).
    case reloadKey
    /// Run `timerFired(channel)` after `after` seconds, replacing the channel's pending timer.
    case arm(SyncChannel, after: TimeInterval)
    /// Call off the channel's pending timer.
    case cancel(SyncChannel)
    /// Write leads to the cache and report which are new (`SyncUpdate.leads`).
    case storeLeads([Lead])
    /// Put an accepted rating on the cached lead and report it.
    case patchLeadFeedback(Feedback)
    case cache(CacheWrite)
    case saveFeedGap(FeedGap?)
    /// Hand an update to the state owner.
    case emit(SyncUpdate)
    /// Count the pending writes and report the count.
    case publishPendingCount
    /// Retiring is over: the executor stops and reports how many writes stay queued.
    case finishRetiring
    /// Log that the connection changed kind (live, degraded, offline, key rejected).
    case logConnection(ConnectionStatus)
}
