import Foundation
import LeadOSAPI
import LeadTopCore

extension SyncEngine {
    /// Starts the webhook receiver, registers it with LeadOS, and routes its events to the sink.
    /// Failures leave polling running and show as a degraded connection ("push unavailable").
    func startReceiver(_ webhookOptions: WebhookReceiverOptions) {
        let receiver = WebhookReceiver(options: webhookOptions, clock: clock) { [weak self] event in
            guard let self else { return }
            self.queue.async { self.applyPush(event) }
        }
        self.receiver = receiver
        let client = self.client
        Task { [weak self] in
            do {
                _ = try await receiver.start()
                guard let url = receiver.callbackURL else { return }
                let endpoint = try await client.registerWebhook(WebhookRegistration(
                    url: url.absoluteString, events: ["*"], description: "leadtop live feed"))
                receiver.setSecret(endpoint.secret)
                guard let self else { return }
                self.queue.async { self.tracker.clear("push"); self.publishConnection() }
            } catch {
                guard let self else { return }
                self.queue.async {
                    self.tracker.recordFailure("push", reason: "push unavailable: \(Self.reason(error))", nextRetry: nil, at: self.clock.now())
                    self.publishConnection()
                }
            }
        }
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
            // if pushes are lost; the state dedupes leads by id.
            emit(.leads([lead]))
            try? store.cacheLeads([lead], limit: options.cacheLeadLimit)
        case .campaignPaused(_, _, let campaign):
            emit(.campaign(campaign))
            try? store.cacheCampaign(campaign)
        case .balanceLow(_, _, let balance):
            emit(.balance(balance))
            try? store.cacheValue(balance, named: "balance", at: clock.now())
        }
    }
}
