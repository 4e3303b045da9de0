import Foundation
import LeadOSAPI
import LeadTopCore

/// Everything that can happen to the sync engine, as the executor reports it to `SyncMachine`.
enum SyncEvent: Sendable {
    /// The engine starts, with what the local cache holds.
    case started(CachedStart)
    /// The engine stops: timers are cancelled, replies still in flight are ignored.
    case stopped
    /// The dashboard switched to another profile: send what is queued, then stop.
    case retireRequested
    /// A timer the machine armed fell due.
    case timerFired(SyncChannel)
    /// The reply to poll `requestID` of `resource`.
    case polled(Resource, requestID: Int, Result<PollResult, SyncFailure>)
    /// A reply's rate-limit headers.
    case rateLimitSeen(RateLimit)
    /// The user asked for everything now (`R`).
    case refreshRequested
    /// The stats now cover one campaign (nil = all).
    case statsScopeChanged(campaignID: String?)
    /// The stats now cover this many days.
    case statsRangeChanged(StatsRange)
    /// `z`: take this write out of the outbox if it has never been sent.
    case withdrawRequested(WriteCommand)
    /// Whether the store removed it.
    case withdrawAnswered(WriteCommand, removed: Bool)
    /// A write was stored in the outbox.
    case writeEnqueued
    /// A write could not even be stored locally.
    case writeNotStored(WriteCommand, reason: String)
    /// The oldest pending write (nil: none), after `discarded` unreadable rows were dropped.
    case nextWriteLoaded(OutboxEntry?, discarded: Int)
    /// The outbox could not be read.
    case outboxUnreadable(reason: String)
    /// The reply to write `requestID`.
    case writeAnswered(requestID: Int, Result<WriteResult, SyncFailure>)
    /// The webhook receiver listens; `url` is what LeadOS must call.
    case receiverUp(url: String)
    /// The webhook receiver could not start.
    case receiverFailed(reason: String)
    /// The webhook receiver stopped serving without being asked to: push is lost.
    case receiverStopped(reason: String)
    /// The registration saved for the receiver at `url` (nil secret: none).
    case savedRegistrationLoaded(url: String, secret: String?)
    /// The reply to registration `requestID`.
    case registrationAnswered(requestID: Int, Result<WebhookEndpoint, SyncFailure>)
    /// A verified webhook event.
    case pushed(WebhookEvent)
    /// The key was read again; this is how it may be shown now.
    case keyReloaded(redactedKey: String)
}

/// What the local cache holds at start.
struct CachedStart: Sendable {
    var cached = CachedState()
    /// The feed's first rows, when there are any.
    var firstPage: FeedPage?
    /// Older leads a previous walk had no room for.
    var gap: FeedGap?
}
