import Foundation
import LeadOSAPI
import LeadTopCore

extension SyncEngine {
    /// Starts the webhook receiver, registers it with LeadOS, and routes its events to the sink.
    /// Polling keeps running whatever happens here; failures show as a degraded connection
    /// ("push unavailable") and registration is retried with backoff unless LeadOS refuses it; then
    /// only `refreshNow` (R) tries again.
    func startReceiver(_ webhookOptions: WebhookReceiverOptions) {
        let receiver = WebhookReceiver(options: webhookOptions, clock: clock) { [weak self] event in
            guard let self else { return }
            self.queue.async { self.applyPush(event) }
        }
        self.receiver = receiver
        Task { [weak self] in
            do {
                _ = try await receiver.start()
                guard let self else { return }
                // One key for every try: if a reply is lost, the retry replays the stored secret
                // instead of failing with webhook_url_exists.
                self.queue.async { self.register(receiver, idempotencyKey: IdempotencyKey.make(), attempt: 1) }
            } catch {
                guard let self else { return }
                self.queue.async {
                    self.tracker.recordFailure("push", reason: "push unavailable: \(error)", nextRetry: nil, at: self.clock.now())
                    self.publishConnection()
                }
            }
        }
    }

    func register(_ receiver: WebhookReceiver, idempotencyKey: String, attempt: Int) {
        guard !stopped, let url = receiver.callbackURL else { return }
        let client = self.client
        Task { [weak self] in
            let result: Result<WebhookEndpoint, any Error>
            do {
                result = .success(try await client.registerWebhook(
                    WebhookRegistration(url: url.absoluteString, events: ["*"], description: "leadtop live feed"),
                    idempotencyKey: idempotencyKey))
            } catch {
                result = .failure(error)
            }
            guard let self else { return }
            self.queue.async { self.registered(receiver, idempotencyKey: idempotencyKey, attempt: attempt, result: result) }
        }
    }

    private func registered(_ receiver: WebhookReceiver, idempotencyKey: String, attempt: Int,
                            result: Result<WebhookEndpoint, any Error>) {
        guard !stopped else { return }
        let now = clock.now()
        switch result {
        case .success(let endpoint):
            receiver.setSecret(endpoint.secret)
            tracker.clear("push")
        case .failure(let error as LeadOSError) where error.isKeyRejection:
            pushAwaitingKey = true
            rejectKey(error)
            return
        case .failure(let error):
            let apiError = error as? LeadOSError
            let reason = "push unavailable: \(Self.reason(error))"
            if apiError?.isDefinitiveRefusal == true {
                pushRefused = true
                tracker.recordFailure("push", reason: reason + " (R tries again)", nextRetry: nil, at: now)
            } else {
                let delay = options.backoff.delay(afterAttempt: attempt, retryAfter: apiError?.meta?.retryAfter,
                                                  unitRandom: options.random())
                tracker.recordFailure("push", reason: reason, nextRetry: now.addingTimeInterval(delay), at: now)
                pushRetryTimer = scheduler.schedule(after: delay) { [weak self] in
                    guard let self else { return }
                    self.queue.async { self.register(receiver, idempotencyKey: idempotencyKey, attempt: attempt + 1) }
                }
            }
        }
        publishConnection()
    }

    /// The port the webhook receiver is bound to, once it runs.
    public var webhookPort: Int? { queue.sync { receiver }?.port }

    /// True once the receiver is registered with LeadOS and pushes are being accepted.
    public var isPushActive: Bool { queue.sync { receiver }?.isRegistered ?? false }

    func applyPush(_ event: WebhookEvent) {
        guard !stopped else { return }
        switch event {
        case .leadDelivered(_, _, let lead):
            // The feed cursor is left alone: polling still walks every lead, so none is missed
            // if pushes are lost; the cache tells a lead it already holds from a new one.
            storeAndEmit([lead])
        case .campaignPaused(_, _, let campaign):
            emit(.campaign(campaign))
            try? store.cacheCampaign(campaign)
        case .balanceLow(_, _, let balance):
            emit(.balance(balance))
            try? store.cacheValue(balance, named: "balance", at: clock.now())
        }
    }
}
