import Foundation
import LeadOSAPI
import LeadTopCore

/// The HTTP side of the commands: each request runs on its own task with the client of the
/// moment, and its reply goes back to the machine on `queue` with the request's id.
extension SyncEngine {
    func fetch(_ query: PollQuery, requestID: Int) {
        let client = self.client
        let now = clock.now()
        let previousStats = lastStatsReply.flatMap { $0.query == query ? (stats: $0.stats, fingerprint: $0.fingerprint) : nil }
        Task { [weak self] in
            let result: Result<PollResult, SyncFailure>
            do {
                result = .success(try await Self.fetch(query, client: client, now: now, previousStats: previousStats))
            } catch {
                result = .failure(SyncFailure(error))
            }
            let statsSeen: (query: PollQuery, stats: DeliveryStats, fingerprint: ReplyFingerprint)?
            if case .success(.stats(let stats, let body)) = result { statsSeen = (query, stats, ReplyFingerprint(body)) } else { statsSeen = nil }
            guard let self else { return }
            self.queue.async {
                if let statsSeen { self.lastStatsReply = statsSeen }
                self.handle(.polled(query.resource, requestID: requestID, result))
            }
        }
    }

    /// `now` bounds the feed cursor when a reply carries no `Date` header; `previousStats` is the
    /// last reply to the same stats query, returned as it was when the body has not changed.
    static func fetch(_ query: PollQuery, client: LeadOSClient, now: Date,
                      previousStats: (stats: DeliveryStats, fingerprint: ReplyFingerprint)? = nil) async throws -> PollResult {
        switch query {
        case .feed(let cursor, let pageSize):
            var next = cursor
            let fetched = try await client.fetchFeed(after: &next, pageSize: pageSize, now: now)
            return .feed(fetched, next)
        case .campaigns(let maxPages):
            let collected = try await client.campaignPages(CampaignQuery(limit: 100), maxPages: maxPages).collectPages()
            return .campaigns(CampaignWalk(collected))
        case .balance:
            return .balance(try await client.balance())
        case .stats(let campaignID, let dates):
            let (stats, body) = try await client.leadStatsWithBody(startDate: dates?.start, endDate: dates?.end,
                                                                   campaignID: campaignID, previous: previousStats)
            return .stats(stats, body: body)
        case .feedbackSummary:
            return .feedbackSummary(try await client.feedbackSummary())
        }
    }

    func send(_ entry: OutboxEntry, requestID: Int) {
        let client = self.client
        Task { [weak self] in
            let result: Result<WriteResult, SyncFailure>
            do { result = .success(try await Self.send(entry, client: client)) } catch { result = .failure(SyncFailure(error)) }
            guard let self else { return }
            self.queue.async { self.handle(.writeAnswered(requestID: requestID, result)) }
        }
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
        case .createCampaign(let draft):
            return .campaign(try await client.createCampaign(draft, idempotencyKey: key))
        case .updateCampaign(let campaignID, let patch):
            return .campaign(try await client.updateCampaign(id: campaignID, patch, idempotencyKey: key))
        case .launch(let campaignID):
            return .campaign(try await client.updateCampaign(id: campaignID, CampaignPatch(status: .active), idempotencyKey: key))
        case .suppress(let emails):
            return .suppression(try await client.suppress(emails: emails, idempotencyKey: key))
        }
    }

    func register(url: String, idempotencyKey: String, requestID: Int) {
        let client = self.client
        Task { [weak self] in
            let result: Result<WebhookEndpoint, SyncFailure>
            do {
                result = .success(try await client.registerWebhook(
                    WebhookRegistration(url: url, events: ["*"], description: "leadtop live feed"),
                    idempotencyKey: idempotencyKey))
            } catch {
                result = .failure(SyncFailure(error))
            }
            guard let self else { return }
            self.queue.async { self.handle(.registrationAnswered(requestID: requestID, result)) }
        }
    }
}
