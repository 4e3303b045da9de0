import Foundation
import LeadOSSimulator
import Testing
@testable import LeadOSAPI

/// Every endpoint through the client against the real simulator over loopback.
@Suite struct ClientSimulatorTests {
    static let start = Date(timeIntervalSince1970: 1_778_400_000) // 2026-05-10T08:00:00Z

    final class Sleeps: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [TimeInterval] = []
        func record(_ s: TimeInterval) { lock.lock(); values.append(s); lock.unlock() }
        var all: [TimeInterval] { lock.lock(); defer { lock.unlock() }; return values }
    }

    static func simulator(rateLimit: Int? = nil) async throws -> SimulatorServer {
        try await SimulatorServer.start(SimulatorOptions(seed: 42, clockSpeed: 0, startDate: start,
                                                         rateLimitPerMinute: rateLimit, historyLeads: 240))
    }

    static func client(_ sim: SimulatorServer, sleep: @escaping @Sendable (TimeInterval) async throws -> Void = { _ in },
                       onResponse: (@Sendable (ResponseMeta) -> Void)? = nil) throws -> LeadOSClient {
        try LeadOSClient(options: LeadOSClientOptions(baseURL: sim.baseURL, apiKey: sim.apiKey, sleep: sleep,
                                                      random: { 0.5 }, onResponse: onResponse))
    }

    @Test func readEndpointsMatchTheWorld() async throws {
        let sim = try await Self.simulator()
        let client = try Self.client(sim)
        let page = try await client.listLeads(LeadQuery(limit: 10))
        #expect(page.data.map(\.id) == sim.world.leads().prefix(10).map(\.id))
        #expect(page.hasMore && page.nextCursor == page.data.last?.id)
        let all = try await client.leadPages(LeadQuery(limit: 100)).collect()
        #expect(all == sim.world.leads())
        let campaigns = try await client.campaignPages(CampaignQuery(limit: 2)).collect()
        #expect(campaigns == sim.world.campaigns())
        #expect(try await client.balance() == sim.world.balance())
        #expect(try await client.feedbackSummary() == sim.world.feedbackSummary())
        let stats = try await client.leadStats(startDate: "2026-05-01", endDate: "2026-05-10")
        #expect(stats.data.count == 10)
        let inRange = sim.world.leads().filter { $0.deliveredAt >= Timestamp.parseDay("2026-05-01")! }
        #expect(stats.totals.delivered == inRange.count)
        let scoped = try await client.listLeads(LeadQuery(limit: 100, campaignID: campaigns[0].id, minScore: 80, hasFeedback: false))
        #expect(scoped.data.allSatisfy { $0.campaignID == campaigns[0].id && $0.score >= 80 && $0.feedback == nil })
        await sim.stop()
    }

    /// A stats poll that gets the same bytes back returns the previous stats, without decoding:
    /// the marker below could not have come from the body. New bytes are decoded.
    @Test func statsWithTheSameBodyAreNotDecodedAgain() async throws {
        let sim = try await Self.simulator()
        let client = try Self.client(sim)
        let first = try await client.leadStatsWithBody()
        var marker = first.stats
        marker.startDate = "not from this body"
        let same = try await client.leadStatsWithBody(previous: (marker, ReplyFingerprint(first.body)))
        #expect(same.stats == marker)
        #expect(same.body == first.body)

        #expect(sim.world.deliver(count: 1).count == 1)
        let changed = try await client.leadStatsWithBody(previous: (marker, ReplyFingerprint(first.body)))
        #expect(changed.body != first.body)
        #expect(changed.stats == (try await client.leadStats()))
        #expect(changed.stats.totals.delivered == first.stats.totals.delivered + 1)
        await sim.stop()
    }

    @Test func writeEndpointsChangeTheWorld() async throws {
        let sim = try await Self.simulator()
        let client = try Self.client(sim)
        let lead = sim.world.leads()[3]
        let feedback = try await client.submitFeedback(leadID: lead.id, FeedbackSubmission(rating: .bad, reason: .notICP, note: "retail"))
        #expect(feedback.leadID == lead.id && feedback.reason == .notICP)
        #expect(sim.world.lead(id: lead.id)?.feedback == feedback)

        let created = try await client.createCampaign(CampaignDraft(name: "Oslo CTOs", jobTitles: ["CTO"], status: .draft, minScore: 70))
        #expect(sim.world.campaign(id: created.id) == created)
        #expect(created.status == .draft && created.minScore == 70)
        let renamed = try await client.updateCampaign(id: created.id, CampaignPatch(name: "Oslo CTOs 2", totalLeadCap: .some(nil)))
        #expect(renamed.name == "Oslo CTOs 2" && sim.world.campaign(id: created.id)?.name == "Oslo CTOs 2")
        let launched = try await client.updateCampaign(id: created.id, CampaignPatch(status: .active))
        #expect(launched.status == .active)
        let paused = try await client.pauseCampaign(id: created.id)
        #expect(paused.status == .paused && paused.pausedReason == .user)
        #expect(sim.world.campaign(id: created.id)?.status == .paused)
        let resumed = try await client.resumeCampaign(id: created.id)
        #expect(resumed.status == .active && sim.world.campaign(id: created.id)?.status == .active)

        let result = try await client.suppress(emails: ["Raj@TechCorp.io", " raj@techcorp.io", "not-an-email"])
        #expect(result.added == 1 && result.invalid == ["not-an-email"])
        #expect(sim.world.suppressedEmails().contains("raj@techcorp.io"))

        let hook = try await client.registerWebhook(WebhookRegistration(url: "http://127.0.0.1:9/hook"))
        #expect(hook.secret.hasPrefix("ldo_whsec_") && hook.events == ["lead.delivered"])

        // Every write carried its own Idempotency-Key.
        let keys = sim.world.appliedWrites().compactMap(\.idempotencyKey)
        #expect(keys.count == sim.world.appliedWrites().count && Set(keys).count == keys.count)
        await sim.stop()
    }

    @Test func errorsCarryTheContractsErrorObject() async throws {
        let sim = try await Self.simulator()
        let client = try Self.client(sim)
        do { _ = try await client.pauseCampaign(id: "camp_doesnotexist"); Issue.record("expected a LeadOSError") } catch let error as LeadOSError {
            guard case .api(404, let detail, let meta) = error else { Issue.record("got \(error)"); return }
            #expect(detail.type == "invalid_request_error" && detail.code == "resource_missing")
            #expect(detail.requestID != nil && detail.requestID == meta.requestID)
        }
        do { _ = try await client.listLeads(LeadQuery(limit: 0)); Issue.record("expected a LeadOSError") } catch let error as LeadOSError {
            #expect(error.status == 422 && error.code == "parameter_invalid")
            if case .api(_, let detail, _) = error { #expect(detail.param == "limit") }
        }
        let wrong = try LeadOSClient(options: LeadOSClientOptions(baseURL: sim.baseURL, apiKey: "ldo_live_sk_" + String(repeating: "z", count: 32)))
        do { _ = try await wrong.balance(); Issue.record("expected a LeadOSError") } catch let error as LeadOSError {
            #expect(error.status == 401 && error.code == "invalid_api_key")
            #expect(!error.description.contains(String(repeating: "z", count: 32)))
        }
        await sim.stop()
    }

    @Test func retryAfterIsHonouredAndRateLimitsAreExposed() async throws {
        let sim = try await Self.simulator(rateLimit: 3)
        let sleeps = Sleeps()
        let metas = MetaLog()
        // Sleeping moves the simulator's frozen clock instead of waiting.
        let client = try Self.client(sim, sleep: { s in sleeps.record(s); sim.world.advanceClock(by: s) }, onResponse: { metas.add($0) })
        for _ in 0..<4 { _ = try await client.balance() }
        let limited = metas.all.first { $0.status == 429 }
        #expect(limited != nil)
        #expect(sleeps.all == [limited!.retryAfter!])
        #expect(metas.all.count == 5)
        #expect(metas.all.map { $0.rateLimit?.remaining } == [2, 1, 0, 0, 2])
        #expect(metas.all.allSatisfy { $0.rateLimit?.limit == 3 && $0.requestID?.hasPrefix("req_") == true })
        await sim.stop()
    }

    @Test func incrementalFeedReturnsOnlyNewLeads() async throws {
        let sim = try await Self.simulator()
        let client = try Self.client(sim)
        var cursor = FeedCursor()
        let first = try await client.fetchNewLeads(after: &cursor, pageSize: 50)
        #expect(first.map(\.id) == sim.world.leads().prefix(50).map(\.id))
        #expect(try await client.fetchNewLeads(after: &cursor).isEmpty)
        let delivered = sim.world.deliver(count: 5)
        let next = try await client.fetchNewLeads(after: &cursor, pageSize: 2)
        #expect(Set(next.map(\.id)) == Set(delivered.map(\.id)) && next.count == delivered.count)
        #expect(try await client.fetchNewLeads(after: &cursor).isEmpty)
        await sim.stop()
    }

    /// More new leads than one call walks: the newest first, the rest of the gap on the next calls
    /// (after what is new by then), until every lead has come exactly once.
    @Test func aGapLongerThanOneWalkIsFilledOnLaterCalls() async throws {
        let sim = try await Self.simulator()
        let client = try Self.client(sim)
        var cursor = FeedCursor()
        _ = try await client.fetchNewLeads(after: &cursor, pageSize: 50)
        // A minute apart, as leads come: only the boundary second is fetched twice.
        let gap = (0..<11).flatMap { _ in sim.world.advanceClock(by: 60); return sim.world.deliver(count: 1) }
        #expect(gap.count == 11)
        let newest = try await client.fetchNewLeads(after: &cursor, pageSize: 2, maxPages: 3)
        #expect(newest.map(\.id) == sim.world.leads().prefix(6).map(\.id), "the newest six, newest first")
        #expect(cursor.gap != nil)
        sim.world.advanceClock(by: 60)
        let later = sim.world.deliver(count: 1)
        let second = try await client.fetchNewLeads(after: &cursor, pageSize: 2, maxPages: 3)
        #expect(second.first?.id == later.first?.id, "what is new comes before the rest of the gap")
        #expect(cursor.gap == nil, "the remaining five fit in three pages")
        let third = try await client.fetchNewLeads(after: &cursor, pageSize: 2, maxPages: 3)
        let all = newest + second + third
        let gapIDs = Set(gap.map(\.id))
        #expect(Set(all.map(\.id)).isSuperset(of: gapIDs) && Set(all.map(\.id)).contains(later[0].id))
        #expect(all.filter { gapIDs.contains($0.id) }.count == gap.count, "no lead of the gap twice")
        #expect(third.isEmpty)
        await sim.stop()
    }
}

final class MetaLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [ResponseMeta] = []
    func add(_ m: ResponseMeta) { lock.lock(); items.append(m); lock.unlock() }
    var all: [ResponseMeta] { lock.lock(); defer { lock.unlock() }; return items }
}
