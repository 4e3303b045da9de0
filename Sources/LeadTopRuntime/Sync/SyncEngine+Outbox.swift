import Foundation
import LeadOSAPI
import LeadTopCore

/// What LeadOS returned for an accepted write.
enum WriteResult: Sendable {
    case feedback(Feedback)
    case campaign(Campaign)
    case suppression(SuppressionResult)
}

extension SyncEngine {
    /// Sends the oldest pending write, unless one is in flight or waiting for its retry timer
    /// (`force` skips that wait, for refresh-now).
    func drainOutbox(force: Bool = false) {
        // A refused key refuses every write too: they wait, untouched, until it works.
        guard !stopped, outbox.sending == nil, keyRejection == nil else { return }
        if outbox.retryTimer != nil {
            guard force else { return }
            outbox.retryTimer?.cancel()
            outbox.retryTimer = nil
        }
        let next: OutboxEntry?
        do {
            let loaded = try store.oldestPendingWrite()
            next = loaded.entry
            if loaded.discarded > 0 { publishPendingCount() }
        } catch {
            tracker.recordFailure("outbox", reason: "local storage: \(error)", nextRetry: nil, at: clock.now())
            publishConnection()
            return
        }
        guard let entry = next else {
            settleEmptyOutbox()
            return
        }
        outbox.sending = entry.sequence
        let client = self.client
        Task { [weak self] in
            let result: Result<WriteResult, any Error>
            do { result = .success(try await Self.send(entry, client: client)) } catch { result = .failure(error) }
            guard let self else { return }
            self.queue.async { self.settle(entry, result: result) }
        }
    }

    /// The queue is empty, possibly because another process on the same file sent what this one
    /// counted or was retrying: the failure it was retrying is over, and the count is re-read
    /// instead of staying at what this process last saw.
    private func settleEmptyOutbox() {
        outbox.failures = 0
        tracker.clear("outbox")
        publishConnection()
        publishPendingCount()
    }

    static func send(_ entry: OutboxEntry, client: LeadOSClient) async throws -> WriteResult {
        let key = entry.idempotencyKey
        switch entry.command {
        case .feedback(let leadID, let submission):
            return .feedback(try await client.submitFeedback(leadID: leadID, submission, idempotencyKey: key))
        case .pause(let campaignID):
            return .campaign(try await client.pauseCampaign(id: campaignID, idempotencyKey: key))
        case .resume(let campaignID):
            return .campaign(try await client.resumeCampaign(id: campaignID, idempotencyKey: key))
        case .suppress(let emails):
            return .suppression(try await client.suppress(emails: emails, idempotencyKey: key))
        }
    }

    func settle(_ entry: OutboxEntry, result: Result<WriteResult, any Error>) {
        guard outbox.sending == entry.sequence else { return }
        outbox.sending = nil
        guard !stopped else { return }
        let now = clock.now()
        switch result {
        case .success(let value):
            try? store.settle(entry.sequence)
            outbox.failures = 0
            tracker.recordSuccess("outbox", at: now)
            emit(.writeSettled(.applied(entry.command)))
            applyWriteResult(value)
            publishPendingCount()
            publishConnection()
            drainOutbox()
        case .failure(let error as LeadOSError) where error.isKeyRejection:
            // Not the write's fault: it stays queued as it is and goes out once the key works.
            rejectKey(error)
        case .failure(let error):
            let apiError = error as? LeadOSError
            if let apiError, apiError.isDefinitiveRefusal || Self.isUnsendable(apiError) {
                try? store.settle(entry.sequence)
                emit(.writeSettled(.refused(entry.command, status: apiError.status ?? 0, code: apiError.code ?? "invalid_request",
                                            message: Self.refusalMessage(apiError))))
                publishPendingCount()
                drainOutbox()
                return
            }
            outbox.failures += 1
            try? store.recordAttempt(entry.sequence, error: Self.reason(error))
            let delay = options.backoff.delay(afterAttempt: outbox.failures, retryAfter: apiError?.meta?.retryAfter,
                                              unitRandom: options.random())
            tracker.recordFailure("outbox", reason: Self.reason(error), detail: String(describing: error),
                                  nextRetry: now.addingTimeInterval(delay), at: now, rateLimited: Self.isRateLimited(error))
            publishConnection()
            outbox.retryTimer = scheduler.schedule(after: delay) { [weak self] in
                guard let self else { return }
                self.queue.async {
                    self.outbox.retryTimer = nil
                    self.drainOutbox()
                }
            }
        }
    }

    /// Errors that no retry can fix because the request itself cannot be built.
    private static func isUnsendable(_ error: LeadOSError) -> Bool {
        if case .invalidRequest = error { return true }
        return false
    }

    private static func refusalMessage(_ error: LeadOSError) -> String {
        if case .api(_, let detail, _) = error { return TextSanitizer.oneLine(detail.message, max: 200) }
        return error.description
    }

    /// Reports the objects an accepted write changed.
    private func applyWriteResult(_ value: WriteResult) {
        switch value {
        case .campaign(let campaign):
            lastPolled.campaigns = nil
            try? store.cacheCampaign(campaign)
            emit(.campaign(campaign))
        case .feedback(let feedback):
            // There is no single-lead endpoint; patch the cached lead so the feed shows the rating.
            if var lead = try? store.cachedLead(id: feedback.leadID) {
                lead.feedback = feedback
                storeAndEmit([lead])
            }
        case .suppression:
            break
        }
    }
}
