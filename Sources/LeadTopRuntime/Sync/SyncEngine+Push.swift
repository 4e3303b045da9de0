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
                self.queue.async { self.registerOrReuse(receiver) }
            } catch {
                guard let self else { return }
                self.queue.async {
                    self.tracker.recordFailure("push", reason: "push unavailable: \(error)", nextRetry: nil, at: self.clock.now())
                    self.publishConnection()
                }
            }
        }
    }

    /// Reuses the registration saved for this account and receiver URL (no request, no 409 on a
    /// second start), or registers the receiver.
    func registerOrReuse(_ receiver: WebhookReceiver) {
        guard !stopped, let base = receiver.callbackURL?.absoluteString else { return }
        if let saved = try? store.savedWebhook(account: options.account, receiverURL: base) {
            receiver.setSecret(saved.secret)
            tracker.clear("push")
            publishConnection()
            return
        }
        // One key for every try: if a reply is lost, the retry replays the stored secret
        // instead of failing with webhook_url_exists.
        register(receiver, url: base, idempotencyKey: IdempotencyKey.make(), attempt: 1)
    }

    func register(_ receiver: WebhookReceiver, url: String, idempotencyKey: String, attempt: Int) {
        guard !stopped else { return }
        let client = self.client
        Task { [weak self] in
            let result: Result<WebhookEndpoint, any Error>
            do {
                result = .success(try await client.registerWebhook(
                    WebhookRegistration(url: url, events: ["*"], description: "leadtop live feed"),
                    idempotencyKey: idempotencyKey))
            } catch {
                result = .failure(error)
            }
            guard let self else { return }
            self.queue.async {
                self.registered(receiver, url: url, idempotencyKey: idempotencyKey, attempt: attempt, result: result)
            }
        }
    }

    private func registered(_ receiver: WebhookReceiver, url: String, idempotencyKey: String, attempt: Int,
                            result: Result<WebhookEndpoint, any Error>) {
        guard !stopped, let base = receiver.callbackURL?.absoluteString else { return }
        let now = clock.now()
        switch result {
        case .success(let endpoint):
            receiver.setSecret(endpoint.secret)
            tracker.clear("push")
            try? store.saveWebhook(SavedWebhook(
                account: options.account, receiverURL: base, endpointID: endpoint.id, url: endpoint.url,
                secret: endpoint.secret, events: endpoint.events, createdAt: endpoint.createdAt))
            if url != base {
                emit(.notice("Push: LeadOS already had \(base) from a setup whose secret is not here; registered \(url) instead"))
            }
        case .failure(let error as LeadOSError) where error.isKeyRejection:
            pushAwaitingKey = true
            rejectKey(error)
            return
        case .failure(let error as LeadOSError) where error.code == "webhook_url_exists" && url == base:
            // Registered before (another machine, a deleted state dir) and its secret is lost for
            // good: v1 cannot list or delete endpoints. A unique path below the same receiver is a
            // new URL to LeadOS and reaches the same server.
            register(receiver, url: base + "/" + Self.uniqueSegment(), idempotencyKey: IdempotencyKey.make(), attempt: 1)
            return
        case .failure(let error):
            let apiError = error as? LeadOSError
            let reason = "push unavailable: \(Self.reason(error))"
            if apiError?.isDefinitiveRefusal == true {
                pushRefused = true
                tracker.recordFailure("push", reason: reason + " (R tries again)", detail: String(describing: error),
                                      nextRetry: nil, at: now)
            } else {
                let delay = options.backoff.delay(afterAttempt: attempt, retryAfter: apiError?.meta?.retryAfter,
                                                  unitRandom: options.random())
                tracker.recordFailure("push", reason: reason, detail: String(describing: error),
                                      nextRetry: now.addingTimeInterval(delay), at: now, rateLimited: Self.isRateLimited(error))
                pushRetryTimer = scheduler.schedule(after: delay) { [weak self] in
                    guard let self else { return }
                    self.queue.async { self.register(receiver, url: url, idempotencyKey: idempotencyKey, attempt: attempt + 1) }
                }
            }
        }
        publishConnection()
    }

    /// 16 random letters and digits: a path segment no earlier registration can have used.
    static func uniqueSegment() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<16).map { _ in alphabet.randomElement()! })
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
            lastPolled.campaigns = nil
            emit(.campaign(campaign))
            try? store.cacheCampaign(campaign)
        case .balanceLow(_, _, let balance):
            lastPolled.balance = nil
            emit(.balance(balance))
            try? store.cacheValue(balance, for: .balance, at: clock.now())
        }
    }
}
