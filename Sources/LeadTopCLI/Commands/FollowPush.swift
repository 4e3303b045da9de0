import Foundation
import LeadOSAPI
import LeadTopRuntime

/// `leads --follow --listen HOST:PORT`: the dashboard's webhook receiver, registered with LeadOS
/// the dashboard's way, handing on the leads of `lead.delivered` pushes. The registration is kept
/// in the profile's state directory under the same account and receiver URL as the dashboard's,
/// so either one started again on that address reuses it (v1 returns a secret only once and
/// cannot delete an endpoint); when LeadOS already has the URL from a setup whose secret is lost,
/// a unique path below it is registered instead.
struct FollowPush {
    let receiver: WebhookReceiver
    /// Pushed leads, in the order they arrived (each event once: the receiver drops redeliveries).
    let leads: AsyncStream<Lead>
    /// Why pushes will not come (registration failed), nil when the receiver is registered.
    let unavailable: String?

    static func start(options: WebhookReceiverOptions, client: LeadOSClient, store: LocalStore,
                      account: String) async throws -> FollowPush {
        let (leads, continuation) = AsyncStream<Lead>.makeStream()
        let receiver = WebhookReceiver(options: options) { event in
            if case .leadDelivered(_, _, let lead) = event { continuation.yield(lead) }
        }
        do {
            _ = try await receiver.start()
        } catch let error as WebhookReceiverError {
            // The address asked for cannot be used (taken, not this machine's): fix the flag.
            throw CommandFailure(status: .configuration, description: error.message)
        }
        guard let base = receiver.callbackURL?.absoluteString else {
            receiver.stop()
            throw CommandFailure(status: .configuration, description: "webhook receiver on \(options.host):\(options.port) has no address")
        }
        do {
            receiver.setSecret(try await secret(for: base, client: client, store: store, account: account))
            return FollowPush(receiver: receiver, leads: leads, unavailable: nil)
        } catch {
            return FollowPush(receiver: receiver, leads: leads, unavailable: describe(error))
        }
    }

    /// The saved registration's secret, or a new registration's (saved for next time).
    private static func secret(for base: String, client: LeadOSClient, store: LocalStore, account: String) async throws -> String {
        if let saved = try store.savedWebhook(account: account, receiverURL: base) { return saved.secret }
        var url = base
        let endpoint: WebhookEndpoint
        do {
            endpoint = try await register(url, client: client)
        } catch let error as LeadOSError where error.code == "webhook_url_exists" {
            url = base + "/" + randomSegment()
            endpoint = try await register(url, client: client)
            StandardStreams.error("push: LeadOS already had \(base) from a setup whose secret is not here; registered \(url) instead")
        }
        try store.saveWebhook(SavedWebhook(
            account: account, receiverURL: base, endpointID: endpoint.id, url: endpoint.url, secret: endpoint.secret,
            events: endpoint.events, createdAt: endpoint.createdAt))
        return endpoint.secret
    }

    /// Every event type, as the dashboard registers: the registration is shared with it.
    private static func register(_ url: String, client: LeadOSClient) async throws -> WebhookEndpoint {
        try await client.registerWebhook(WebhookRegistration(url: url, events: ["*"], description: "leadtop live feed"),
                                         idempotencyKey: IdempotencyKey.make())
    }

    private static func randomSegment() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<16).map { _ in alphabet.randomElement()! })
    }
}
