import Foundation
import LeadOSAPI
import LeadTopCore

/// A refused API key (401/403) is not an outage: no amount of retrying fixes it. The engine stops
/// every poller and holds the outbox, checks the key once every `keyCheckInterval` (and when the
/// user presses R, after reading the key again from where it came from), and resumes everything
/// the moment a request succeeds. Queued writes are never dropped or refused for it.
extension SyncEngine {
    /// Enters (or stays in) the key-rejected state after `error`.
    func rejectKey(_ error: LeadOSError) {
        for resource in pollers.keys {
            pollers[resource]?.timer?.cancel()
            pollers[resource]?.timer = nil
            pollers[resource]?.failures = 0
        }
        outbox.retryTimer?.cancel()
        outbox.retryTimer = nil
        let message: String
        if case .api(_, let detail, _) = error { message = TextSanitizer.oneLine(detail.message, max: 200) } else { message = error.summary }
        if keyCheckTimer == nil { scheduleKeyCheck() }
        keyRejection = KeyRejection(status: error.status ?? 401, redactedKey: APIKey.redacted(client.options.apiKey),
                                    message: message, nextCheck: keyCheckDue)
        publishConnection()
    }

    /// One request that tells whether the key works: the balance, the smallest reply.
    func checkKey() {
        guard !stopped, keyRejection != nil else { return }
        keyCheckTimer?.cancel()
        keyCheckTimer = nil
        poll(.balance)
    }

    /// A check that failed for another reason (network, 5xx): the key is still unproven, so the
    /// next check keeps the same pace.
    func keyCheckFailed() {
        guard keyRejection != nil else { return }
        if keyCheckTimer == nil { scheduleKeyCheck() }
        keyRejection?.nextCheck = keyCheckDue
        publishConnection()
    }

    /// A request succeeded while the key was refused: it works again. Every poller starts now
    /// (except `except`, whose reply just arrived), then the outbox and push registration.
    func keyAccepted(except resource: Resource?) {
        guard keyRejection != nil else { return }
        keyRejection = nil
        keyCheckTimer?.cancel()
        keyCheckTimer = nil
        for other in Resource.allCases where other != resource && options.intervals[other] > 0 { poll(other) }
        drainOutbox(force: true)
        if pushAwaitingKey, let receiver {
            pushAwaitingKey = false
            registerOrReuse(receiver)
        }
    }

    /// Reads the key again; a different one replaces the client (requests in flight finish with
    /// the old one and count only if they succeed).
    func reloadKey() {
        guard let reload = options.reloadAPIKey, let key = reload(), key != client.options.apiKey else { return }
        var replaced = clientOptions
        replaced.apiKey = key
        guard let fresh = try? LeadOSClient(options: replaced) else { return }
        client = fresh
        keyRejection?.redactedKey = APIKey.redacted(key)
    }

    private func scheduleKeyCheck() {
        keyCheckDue = clock.now().addingTimeInterval(options.keyCheckInterval)
        keyCheckTimer = scheduler.schedule(after: options.keyCheckInterval) { [weak self] in
            guard let self else { return }
            self.queue.async {
                self.keyCheckTimer = nil
                self.checkKey()
            }
        }
    }
}
