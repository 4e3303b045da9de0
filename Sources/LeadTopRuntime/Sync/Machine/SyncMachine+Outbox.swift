import Foundation
import LeadOSAPI
import LeadTopCore

/// The outbox: the store keeps the queue (oldest first, shared with other processes on the same
/// file); the machine sends one write at a time and decides what each reply means.
extension SyncMachine {
    /// Asks for the oldest pending write, unless one is in flight or waiting for its retry timer
    /// (`force` skips that wait, for refresh-now). A refused key refuses every write too: they
    /// wait, untouched, until it works.
    mutating func drainOutbox(force: Bool = false) {
        guard sendsWrites, outbox.inFlight == nil, keyRejection == nil else { return }
        if isArmed(.outbox) {
            guard force else { return }
            cancelTimer(.outbox)
        }
        send(.loadNextWrite)
    }

    mutating func nextWriteLoaded(_ entry: OutboxEntry?, discarded: Int) {
        guard sendsWrites, outbox.inFlight == nil, keyRejection == nil else { return }
        if discarded > 0 { send(.publishPendingCount) }
        guard let entry else {
            if phase == .retiring { return finishRetiring() }
            settleEmptyOutbox()
            return
        }
        nextRequestID += 1
        outbox.inFlight = OutboxState.InFlight(requestID: nextRequestID, entry: entry)
        send(.sendWrite(entry, requestID: nextRequestID))
    }

    mutating func outboxUnreadable(_ reason: String) {
        guard isRunning else { return finishRetiring() }
        tracker.recordFailure(.outbox, reason: "local storage: \(reason)", nextRetry: nil, at: now)
        publishConnection()
    }

    /// The queue is empty, possibly because another process on the same file sent what this one
    /// counted or was retrying: the failure it was retrying is over, and the count is read again
    /// instead of staying at what this process last saw.
    private mutating func settleEmptyOutbox() {
        outbox.failures = 0
        tracker.clear(.outbox)
        publishConnection()
        send(.publishPendingCount)
    }

    mutating func writeAnswered(requestID: Int, result: Result<WriteResult, SyncFailure>) {
        guard let inFlight = outbox.inFlight, inFlight.requestID == requestID else { return }
        outbox.inFlight = nil
        guard sendsWrites else { return }
        let entry = inFlight.entry
        switch result {
        case .success(let value):
            send(.settleWrite(sequence: entry.sequence))
            outbox.failures = 0
            tracker.recordSuccess(.outbox, at: now)
            send(.emit(.writeSettled(.applied(entry.command))))
            applyWriteResult(value, of: entry.command)
            send(.publishPendingCount)
            publishConnection()
            drainOutbox()
        case .failure(let failure) where failure.isKeyRejection:
            // Not the write's fault: it stays queued as it is and goes out once the key works.
            if phase == .retiring { return finishRetiring() }
            rejectKey(failure)
        case .failure(let failure) where failure.isDefinitiveRefusal || failure.isUnsendable:
            send(.settleWrite(sequence: entry.sequence))
            send(.emit(.writeSettled(.refused(entry.command, status: failure.status ?? 0, code: failure.code ?? "invalid_request",
                                              message: failure.message ?? failure.detail, param: failure.param))))
            send(.publishPendingCount)
            drainOutbox()
        case .failure(let failure):
            outbox.failures += 1
            send(.recordWriteAttempt(sequence: entry.sequence, error: failure.summary))
            if retiringWriteFailed() { return }
            let delay = retryDelay(afterAttempt: outbox.failures, failure)
            tracker.recordFailure(.outbox, reason: failure.summary, detail: failure.detail,
                                  nextRetry: now.addingTimeInterval(delay), at: now, rateLimited: failure.isRateLimited)
            publishConnection()
            arm(.outbox, after: delay)
        }
    }

    /// Seconds after the last accepted rating before the feedback summary is fetched: a burst of
    /// ratings costs one request, not one each.
    static let summaryAfterRating: TimeInterval = 2

    /// The state counts an accepted rating until the next summary arrives, so that summary must
    /// include it: one already on its way may not, and is dropped; a fresh one follows shortly
    /// and is reported even if it looks like the last one.
    private mutating func refreshSummaryAfterRating() {
        let interval = interval(.feedbackSummary)
        guard interval > 0 else { return }
        polls[.feedbackSummary, default: PollState()].latestRequestID = -1
        lastPolled.feedbackSummary = nil
        arm(.feedbackSummary, after: min(interval, Self.summaryAfterRating))
    }

    /// Reports the objects an accepted write changed.
    private mutating func applyWriteResult(_ value: WriteResult, of command: WriteCommand) {
        switch value {
        case .campaign(let campaign):
            lastPolled.campaigns = nil
            send(.cache(.campaign(campaign)))
            send(.emit(.campaign(campaign)))
        case .feedback(let feedback):
            // There is no single-lead endpoint; the cached lead is patched so the feed shows the rating.
            send(.patchLeadFeedback(feedback))
            refreshSummaryAfterRating()
        case .suppression(let result):
            // LeadOS's counts (added, already there, invalid) for the status bar.
            if case .suppress(let emails) = command { send(.emit(.suppressionApplied(emails: emails, result))) }
        }
    }
}
