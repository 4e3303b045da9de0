import Foundation
import LeadOSContract

/// The twelve endpoints of API.md §7. Every write carries an Idempotency-Key (a fresh UUIDv4
/// unless the caller passes one, e.g. from the durable outbox), reused on every retry.
extension LeadOSClient {
    // MARK: - Leads

    /// `GET /v1/leads` — one page.
    public func listLeads(_ query: LeadQuery = LeadQuery()) async throws -> ListEnvelope<Lead> {
        try await perform(Call(method: .get, path: ["leads"], query: query.queryItems), as: ListEnvelope<Lead>.self)
    }

    /// `GET /v1/leads` — one page and the reply's headers (its `Date` bounds the feed cursor).
    public func listLeadsWithMeta(_ query: LeadQuery = LeadQuery()) async throws -> (page: ListEnvelope<Lead>, meta: ResponseMeta) {
        try await performWithMeta(Call(method: .get, path: ["leads"], query: query.queryItems), as: ListEnvelope<Lead>.self)
    }

    /// `GET /v1/leads/stats` — dates are `YYYY-MM-DD`, both inclusive; nil uses the server's defaults.
    public func leadStats(startDate: String? = nil, endDate: String? = nil, campaignID: String? = nil) async throws -> DeliveryStats {
        try await leadStatsWithBody(startDate: startDate, endDate: endDate, campaignID: campaignID).stats
    }

    /// `GET /v1/leads/stats`, with the reply's bytes: with many campaigns the body is megabytes,
    /// and a cache can store these bytes instead of encoding the stats again.
    ///
    /// A poll passes the previous stats with their reply's fingerprint as `previous`: when the new
    /// body has the same fingerprint, those stats come back without decoding the body again.
    public func leadStatsWithBody(startDate: String? = nil, endDate: String? = nil, campaignID: String? = nil,
                                  previous: (stats: DeliveryStats, fingerprint: ReplyFingerprint)? = nil)
        async throws -> (stats: DeliveryStats, body: Data) {
        var q: [URLQueryItem] = []
        if let startDate { q.append(.init(name: "start_date", value: startDate)) }
        if let endDate { q.append(.init(name: "end_date", value: endDate)) }
        if let campaignID { q.append(.init(name: "campaign_id", value: campaignID)) }
        let call = Call(method: .get, path: ["leads", "stats"], query: q)
        let (stats, body) = try await performUnlessSame(call, as: DeliveryStats.self,
                                                        previous: previous.map { (value: $0.stats, fingerprint: $0.fingerprint) })
        return (stats, body)
    }

    /// `POST /v1/leads/{id}/feedback`.
    public func submitFeedback(leadID: String, _ submission: FeedbackSubmission,
                               idempotencyKey: String = IdempotencyKey.make()) async throws -> Feedback {
        try await perform(Call(method: .post, path: ["leads", leadID, "feedback"],
                               body: try encode(submission), idempotencyKey: idempotencyKey), as: Feedback.self)
    }

    // MARK: - Campaigns

    /// `GET /v1/campaigns` — one page.
    public func listCampaigns(_ query: CampaignQuery = CampaignQuery()) async throws -> ListEnvelope<Campaign> {
        try await perform(Call(method: .get, path: ["campaigns"], query: query.queryItems), as: ListEnvelope<Campaign>.self)
    }

    /// `POST /v1/campaigns`.
    public func createCampaign(_ draft: CampaignDraft, idempotencyKey: String = IdempotencyKey.make()) async throws -> Campaign {
        try await perform(Call(method: .post, path: ["campaigns"], body: try encode(draft),
                               idempotencyKey: idempotencyKey), as: Campaign.self)
    }

    /// `PATCH /v1/campaigns/{id}`.
    public func updateCampaign(id: String, _ patch: CampaignPatch,
                               idempotencyKey: String = IdempotencyKey.make()) async throws -> Campaign {
        try await perform(Call(method: .patch, path: ["campaigns", id], body: try encode(patch),
                               idempotencyKey: idempotencyKey), as: Campaign.self)
    }

    /// `POST /v1/campaigns/{id}/pause` — pausing a paused campaign is a 200 no-op.
    public func pauseCampaign(id: String, idempotencyKey: String = IdempotencyKey.make()) async throws -> Campaign {
        try await perform(Call(method: .post, path: ["campaigns", id, "pause"], idempotencyKey: idempotencyKey),
                          as: Campaign.self)
    }

    /// `POST /v1/campaigns/{id}/resume` — resuming an active campaign is a 200 no-op.
    public func resumeCampaign(id: String, idempotencyKey: String = IdempotencyKey.make()) async throws -> Campaign {
        try await perform(Call(method: .post, path: ["campaigns", id, "resume"], idempotencyKey: idempotencyKey),
                          as: Campaign.self)
    }

    // MARK: - Webhooks, suppression, usage, feedback

    /// `POST /v1/webhooks` — the returned `secret` is shown only once.
    public func registerWebhook(_ registration: WebhookRegistration,
                                idempotencyKey: String = IdempotencyKey.make()) async throws -> WebhookEndpoint {
        try await perform(Call(method: .post, path: ["webhooks"], body: try encode(registration),
                               idempotencyKey: idempotencyKey), as: WebhookEndpoint.self)
    }

    /// `POST /v1/suppression`.
    public func suppress(emails: [String], idempotencyKey: String = IdempotencyKey.make()) async throws -> SuppressionResult {
        try await perform(Call(method: .post, path: ["suppression"], body: try encode(SuppressionRequest(emails: emails)),
                               idempotencyKey: idempotencyKey), as: SuppressionResult.self)
    }

    /// `GET /v1/usage/balance`.
    public func balance() async throws -> Balance {
        try await perform(Call(method: .get, path: ["usage", "balance"]), as: Balance.self)
    }

    /// `GET /v1/feedback/summary`.
    public func feedbackSummary() async throws -> FeedbackSummary {
        try await perform(Call(method: .get, path: ["feedback", "summary"]), as: FeedbackSummary.self)
    }

    private func encode(_ value: some Encodable) throws -> Data {
        do { return try LeadOSJSON.encode(value) } catch {
            throw LeadOSError.invalidRequest("cannot encode the request body: \(TextSanitizer.oneLine(String(describing: error), max: 80))")
        }
    }
}
