import Foundation
import LeadOSAPI
import Testing
@testable import LeadOSSimulator

/// Cursor pagination and every filter of `GET /v1/leads` and `GET /v1/campaigns` (API.md §5, §7.1, §7.4).
@Suite struct PaginationTests {
    func walk(_ sim: SimulatorHarness, _ query: String, limit: Int = 100,
              between: () -> Void = {}) async throws -> [Lead] {
        var all: [Lead] = []
        var cursor: String?
        repeat {
            let sep = query.isEmpty ? "" : "&"
            let r = try await sim.get("/v1/leads?limit=\(limit)\(sep)\(query)" + (cursor.map { "&starting_after=\($0)" } ?? ""))
            #expect(r.status == 200)
            let page = try r.decode(ListEnvelope<Lead>.self)
            #expect(page.data.count <= limit)
            #expect(page.nextCursor == (page.hasMore ? page.data.last?.id : nil))
            if page.hasMore { #expect(page.data.count == limit) }
            all += page.data
            cursor = page.nextCursor
            between()
        } while cursor != nil
        return all
    }

    @Test func fullWalkReturnsEveryLeadOnceInOrder() async throws {
        try await withSimulator { sim in
            let expected = sim.world.leads()
            let walked = try await walk(sim, "")
            #expect(walked.map(\.id) == expected.map(\.id))
            #expect(walked == expected)
        }
    }

    @Test func walkIsStableWhileLeadsArrive() async throws {
        try await withSimulator { sim in
            let before = sim.world.leads().map(\.id)
            let walked = try await walk(sim, "", limit: 37) { sim.world.deliver(count: 3) }.map(\.id)
            #expect(Set(walked).count == walked.count, "duplicates in the walk")
            #expect(walked == before, "new leads sort before the cursor, so the walk sees exactly the old ones")
            let first = try await sim.get("/v1/leads?limit=1").decode(ListEnvelope<Lead>.self)
            #expect(first.data[0].id == sim.world.leads()[0].id)
        }
    }

    @Test func walkIsStableUnderConcurrentDeliveries() async throws {
        try await withSimulator { sim in
            let before = sim.world.leads().map(\.id)
            let delivering = Task.detached {
                var total = 0
                while !Task.isCancelled, total < 2_000 {
                    total += sim.world.deliver(count: 1).count
                    await Task.yield()
                }
                return total
            }
            let walked = try await walk(sim, "", limit: 50).map(\.id)
            delivering.cancel()
            let added = await delivering.value
            #expect(Set(walked).count == walked.count, "duplicates in the walk")
            let old = Set(before)
            #expect(walked.filter(old.contains) == before, "every old lead, once, in order")
            #expect(walked.count - before.count <= added)
        }
    }

    @Test func repeatedPagesSeeNewLeadsAndFeedbackAtOnce() async throws {
        try await withSimulator { sim in
            let first = try await sim.get("/v1/leads?limit=3")
            #expect(try await sim.get("/v1/leads?limit=3").body == first.body)
            let top = try first.decode(ListEnvelope<Lead>.self).data[0]
            #expect(try await sim.post("/v1/leads/\(top.id)/feedback", #"{"rating":"good"}"#).status == 201)
            let afterFeedback = try await sim.get("/v1/leads?limit=3").decode(ListEnvelope<Lead>.self)
            #expect(afterFeedback.data[0].id == top.id && afterFeedback.data[0].feedback?.rating == .good)
            let fresh = sim.world.deliver(count: 1)
            let afterDelivery = try await sim.get("/v1/leads?limit=3").decode(ListEnvelope<Lead>.self)
            #expect(afterDelivery.data.map(\.id) == [fresh[0].id, top.id, afterFeedback.data[1].id])
        }
    }

    @Test func filtersAgreeWithTheWorld() async throws {
        try await withSimulator { sim in
            let leads = sim.world.leads()
            let campaign = sim.world.campaigns().first { $0.status == .active }!.id
            let since = Timestamp.parse("2026-04-20T00:00:00Z")!, until = Timestamp.parse("2026-05-01T12:00:00Z")!
            let cases: [(String, (Lead) -> Bool)] = [
                ("campaign_id=\(campaign)", { $0.campaignID == campaign }),
                ("campaign_id=camp_unknown123", { _ in false }),
                ("min_score=90", { $0.score >= 90 }),
                ("email_status=accept_all,unknown", { $0.emailStatus == .acceptAll || $0.emailStatus == .unknown }),
                ("enrichment_level=email_phone", { $0.enrichmentLevel == .emailPhone }),
                ("has_feedback=true", { $0.feedback != nil }),
                ("has_feedback=false", { $0.feedback == nil }),
                ("since=2026-04-20T00:00:00Z&until=2026-05-01T12:00:00Z", { $0.deliveredAt >= since && $0.deliveredAt < until }),
                ("since=2026-04-20T00:00:00Z&min_score=80&enrichment_level=email",
                 { $0.deliveredAt >= since && $0.score >= 80 && $0.enrichmentLevel == .email }),
            ]
            for (query, predicate) in cases {
                let walked = try await walk(sim, query, limit: 50)
                #expect(walked.map(\.id) == leads.filter(predicate).map(\.id), "\(query)")
            }
            #expect(leads.contains { $0.feedback != nil })
        }
    }

    @Test func cursorNeedNotMatchTheFilters() async throws {
        try await withSimulator { sim in
            let leads = sim.world.leads()
            let pivot = leads[40]
            let r = try await sim.get("/v1/leads?limit=5&min_score=95&starting_after=\(pivot.id)")
            let page = try r.decode(ListEnvelope<Lead>.self)
            #expect(page.data.map(\.id) == Array(leads.dropFirst(41).filter { $0.score >= 95 }.prefix(5)).map(\.id))
        }
    }

    @Test func everyBadQueryParameterIs422NamingIt() async throws {
        try await withSimulator { sim in
            let cases: [(String, String, String)] = [
                ("limit=0", "limit", "parameter_invalid"), ("limit=101", "limit", "parameter_invalid"),
                ("limit=abc", "limit", "parameter_invalid"), ("limit=", "limit", "parameter_invalid"),
                ("limit=2.5", "limit", "parameter_invalid"),
                ("min_score=101", "min_score", "parameter_invalid"), ("min_score=-1", "min_score", "parameter_invalid"),
                ("since=yesterday", "since", "parameter_invalid"), ("until=2026-05-07", "until", "parameter_invalid"),
                ("since=2026-05-07T10:00:00%2B02:00", "since", "parameter_invalid"),
                ("since=2026-05-07T00:00:00Z&until=2026-05-07T00:00:00Z", "since", "parameter_invalid"),
                ("since=2026-05-08T00:00:00Z&until=2026-05-07T00:00:00Z", "since", "parameter_invalid"),
                ("email_status=valid,bogus", "email_status", "parameter_invalid"),
                ("email_status=", "email_status", "parameter_invalid"),
                ("enrichment_level=platinum", "enrichment_level", "parameter_invalid"),
                ("has_feedback=yes", "has_feedback", "parameter_invalid"),
                ("starting_after=del_doesnotexist", "starting_after", "parameter_invalid"),
                ("starting_after=camp_abc", "starting_after", "parameter_invalid"),
                ("colour=blue", "colour", "parameter_unknown"),
            ]
            for (query, param, code) in cases {
                let r = try await sim.get("/v1/leads?\(query)")
                #expect(r.status == 422, "\(query)")
                #expect(r.error.type == "invalid_request_error" && r.error.code == code && r.error.param == param, "\(query)")
            }
            for (query, param) in [("limit=0", "limit"), ("status=running", "status"), ("starting_after=camp_nope123", "starting_after"),
                                   ("starting_after=del_abc", "starting_after"), ("since=x", "since")] {
                let r = try await sim.get("/v1/campaigns?\(query)")
                #expect(r.status == 422 && r.error.param == param, "\(query)")
            }
        }
    }

    @Test func campaignsPageNewestFirstWithStatusFilter() async throws {
        try await withSimulator(campaigns: 9) { sim in
            let expected = sim.world.campaigns()
            #expect(expected.count == 9)
            for (a, b) in zip(expected, expected.dropFirst()) {
                #expect(a.createdAt > b.createdAt || (a.createdAt == b.createdAt && a.id > b.id))
            }
            var walked: [Campaign] = []
            var cursor: String?
            repeat {
                let page = try await sim.get("/v1/campaigns?limit=2" + (cursor.map { "&starting_after=\($0)" } ?? ""))
                    .decode(ListEnvelope<Campaign>.self)
                walked += page.data
                cursor = page.nextCursor
            } while cursor != nil
            #expect(walked == expected)
            let active = try await sim.get("/v1/campaigns?status=active&limit=100").decode(ListEnvelope<Campaign>.self)
            #expect(active.data == expected.filter { $0.status == .active })
            #expect(!active.hasMore && active.nextCursor == nil)
            let defaultPage = try await sim.get("/v1/campaigns").decode(ListEnvelope<Campaign>.self)
            #expect(defaultPage.data.count == 9)
        }
    }
}
