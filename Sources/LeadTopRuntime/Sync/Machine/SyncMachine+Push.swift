import Foundation
import LeadOSAPI
import LeadTopCore

/// Push mode: the receiver is registered with LeadOS (or a saved registration reused), pushed
/// events reach the state at once, and while pushes arrive the feed poll is a slow safety net.
/// Polling keeps running whatever happens here; failures show as a degraded connection ("push
/// unavailable") and registration is retried with backoff unless LeadOS refuses it; then only
/// refresh-now (R) tries again.
extension SyncMachine {
    mutating func receiverUp(_ url: String) {
        guard isRunning else { return }
        push.receiverURL = url
        send(.loadSavedRegistration(url: url))
    }

    mutating func receiverFailed(_ reason: String) {
        guard isRunning else { return }
        tracker.recordFailure(.push, reason: "push unavailable: \(reason)", nextRetry: nil, at: now)
        publishConnection()
    }

    /// The receiver stopped serving: nothing is pushed any more, so the feed is polled at its
    /// normal pace again, starting one normal interval from now.
    mutating func receiverStopped(_ reason: String) {
        guard isRunning else { return }
        let wasLive = push.live
        push.live = false
        push.receiverURL = nil
        cancelTimer(.push)
        push.registration = nil
        tracker.recordFailure(.push, reason: "push unavailable: \(reason)", nextRetry: nil, at: now)
        if wasLive, keyRejection == nil, isArmed(.feed), polls[.feed]?.failures == 0 {
            arm(.feed, after: interval(.feed))
        }
        publishConnection()
    }

    /// Reuses the registration saved for this account and receiver URL (no request, no 409 on a
    /// second start), or registers the receiver. One Idempotency-Key serves every try: if a reply
    /// is lost, the retry replays the stored secret instead of failing with webhook_url_exists.
    mutating func savedRegistrationLoaded(url: String, secret: String?) {
        guard isRunning, url == push.receiverURL else { return }
        guard let secret else {
            register(url: url, idempotencyKey: configuration.makeIdempotencyKey(), attempt: 1)
            return
        }
        send(.useSecret(secret))
        push.live = true
        tracker.clear(.push)
        publishConnection()
    }

    private mutating func register(url: String, idempotencyKey: String, attempt: Int) {
        nextRequestID += 1
        push.registration = PushState.Registration(requestID: nextRequestID, url: url, idempotencyKey: idempotencyKey,
                                                   attempt: attempt)
        send(.register(url: url, idempotencyKey: idempotencyKey, requestID: nextRequestID))
    }

    /// The retry timer fired: the same URL and key again.
    mutating func retryRegistration() {
        guard let last = push.registration else { return }
        register(url: last.url, idempotencyKey: last.idempotencyKey, attempt: last.attempt + 1)
    }

    mutating func registrationAnswered(requestID: Int, result: Result<WebhookEndpoint, SyncFailure>) {
        guard isRunning, let base = push.receiverURL, let registration = push.registration,
              registration.requestID == requestID else { return }
        switch result {
        case .success(let endpoint):
            send(.useSecret(endpoint.secret))
            push.live = true
            tracker.clear(.push)
            send(.saveRegistration(SavedWebhook(
                account: configuration.account, receiverURL: base, endpointID: endpoint.id, url: endpoint.url,
                secret: endpoint.secret, events: endpoint.events, createdAt: endpoint.createdAt)))
            if registration.url != base {
                send(.emit(.notice("Push: LeadOS already had \(base) from a setup whose secret is not here; registered \(registration.url) instead")))
            }
        case .failure(let failure) where failure.isKeyRejection:
            push.awaitingKey = true
            rejectKey(failure)
            return
        case .failure(let failure) where failure.code == "webhook_url_exists" && registration.url == base:
            // Registered before (another machine, a deleted state dir) and its secret is lost for
            // good: v1 cannot list or delete endpoints. A unique path below the same receiver is a
            // new URL to LeadOS and reaches the same server.
            register(url: base + "/" + configuration.makePathSegment(), idempotencyKey: configuration.makeIdempotencyKey(),
                     attempt: 1)
            return
        case .failure(let failure):
            let reason = "push unavailable: \(failure.summary)"
            if failure.isDefinitiveRefusal {
                push.refused = true
                tracker.recordFailure(.push, reason: reason + " (R tries again)", detail: failure.detail, nextRetry: nil, at: now)
            } else {
                let delay = retryDelay(afterAttempt: registration.attempt, failure)
                tracker.recordFailure(.push, reason: reason, detail: failure.detail, nextRetry: now.addingTimeInterval(delay),
                                      at: now, rateLimited: failure.isRateLimited)
                arm(.push, after: delay)
            }
        }
        publishConnection()
    }

    /// A verified webhook event. The feed cursor is left alone: polling still walks every lead,
    /// so none is missed if pushes are lost; the cache tells a lead it already holds from a new one.
    mutating func pushed(_ event: WebhookEvent) {
        guard isRunning else { return }
        switch event {
        case .leadDelivered(_, _, let lead):
            send(.storeLeads([lead]))
        case .campaignPaused(_, _, let campaign):
            lastPolled.campaigns = nil
            send(.emit(.campaign(campaign)))
            send(.cache(.campaign(campaign)))
        case .balanceLow(_, _, let balance):
            lastPolled.balance = nil
            send(.emit(.balance(balance)))
            send(.cache(.balance(balance, at: now)))
        }
    }
}
