import Foundation
import LeadOSAPI
import Testing
@testable import LeadOSSimulator

/// `GET /v1/leads/stats` agrees exactly with `GET /v1/leads` (API.md §7.2).
@Suite struct StatsTests {
    func allLeads(_ sim: SimulatorHarness, _ query: String) async throws -> [Lead] {
        var all: [Lead] = []
        var cursor: String?
        repeat {
            let page = try await sim.get("/v1/leads?limit=100&\(query)" + (cursor.map { "&starting_after=\($0)" } ?? ""))
                .decode(ListEnvelope<Lead>.self)
            all += page.data
            cursor = page.nextCursor
        } while cursor != nil
        return all
    }

    func rounded(_ scores: [Int]) -> Double? {
        scores.isEmpty ? nil : (Double(scores.reduce(0, +)) / Double(scores.count) * 10).rounded(.toNearestOrAwayFromZero) / 10
    }

    func expectAgreement(_ stats: DeliveryStats, _ leads: [Lead]) {
        var byDay: [String: [Lead]] = [:]
        for l in leads { byDay[Timestamp.formatDay(l.deliveredAt), default: []].append(l) }
        #expect(stats.totals.delivered == leads.count)
        #expect(stats.totals.creditsConsumed == leads.reduce(0) { $0 + $1.creditsConsumed })
        #expect(stats.totals.avgScore == rounded(leads.map(\.score)))
        for day in stats.data {
            let mine = byDay[day.date] ?? []
            #expect(day.delivered == mine.count, "\(day.date)")
            #expect(day.creditsConsumed == mine.reduce(0) { $0 + $1.creditsConsumed })
            #expect(day.avgScore == rounded(mine.map(\.score)))
            let grouped = Dictionary(grouping: mine, by: \.campaignID)
            let expected = grouped.map { id, ls in
                DeliveryStats.CampaignDay(campaignID: id, delivered: ls.count, creditsConsumed: ls.reduce(0) { $0 + $1.creditsConsumed },
                                          avgScore: rounded(ls.map(\.score)))
            }.sorted { $0.delivered != $1.delivered ? $0.delivered > $1.delivered : $0.campaignID < $1.campaignID }
            #expect(day.byCampaign == expected, "\(day.date)")
        }
    }

    @Test func defaultRangeIsTheLast30DaysAndMatchesLeads() async throws {
        try await withSimulator { sim in
            let stats = try await sim.get("/v1/leads/stats").decode(DeliveryStats.self)
            #expect(stats.startDate == "2026-04-08" && stats.endDate == "2026-05-07" && stats.campaignID == nil)
            #expect(stats.data.count == 30)
            #expect(stats.data.map(\.date) == stats.data.map(\.date).sorted())
            let leads = try await allLeads(sim, "since=2026-04-08T00:00:00Z&until=2026-05-08T00:00:00Z")
            #expect(leads.count > 300)
            expectAgreement(stats, leads)
        }
    }

    @Test func campaignFilterAndZeroFilledDays() async throws {
        try await withSimulator { sim in
            let campaign = sim.world.campaigns().first { $0.status == .active }!.id
            let r = try await sim.get("/v1/leads/stats?start_date=2026-04-01&end_date=2026-05-31&campaign_id=\(campaign)")
            #expect(r.status == 200)
            let stats = try r.decode(DeliveryStats.self)
            #expect(stats.campaignID == campaign && stats.data.count == 61)
            #expect(stats.data.first?.date == "2026-04-01" && stats.data.last?.date == "2026-05-31")
            let leads = try await allLeads(sim, "campaign_id=\(campaign)&since=2026-04-01T00:00:00Z&until=2026-06-01T00:00:00Z")
            expectAgreement(stats, leads)
            let empty = stats.data.filter { $0.date > "2026-05-07" || $0.date < "2026-04-07" }
            #expect(empty.count == 24 + 6)
            #expect(empty.allSatisfy { $0.delivered == 0 && $0.creditsConsumed == 0 && $0.avgScore == nil && $0.byCampaign.isEmpty })
            // Zero-filled days are sent with an explicit null average.
            let firstDay = (r.json["data"] as? [[String: Any]])?.first
            #expect(firstDay?["avg_score"] is NSNull)
        }
    }

    @Test func rangeLimitsAndValidation() async throws {
        try await withSimulator { sim in
            let ninetyOne = try await sim.get("/v1/leads/stats?start_date=2026-02-06&end_date=2026-05-07")
            #expect(ninetyOne.status == 422 && ninetyOne.error.code == "date_range_too_large")
            let ninety = try await sim.get("/v1/leads/stats?start_date=2026-02-07&end_date=2026-05-07")
            #expect(ninety.status == 200)
            #expect(try ninety.decode(DeliveryStats.self).data.count == 90)
            let cases: [(String, String, String)] = [
                ("start_date=2026-05-08&end_date=2026-05-07", "parameter_invalid", "start_date"),
                ("start_date=2026-02-30", "parameter_invalid", "start_date"),
                ("end_date=2026-05-07T00:00:00Z", "parameter_invalid", "end_date"),
                ("end_date=", "parameter_invalid", "end_date"),
                ("since=2026-05-01", "parameter_unknown", "since"),
            ]
            for (query, code, param) in cases {
                let r = try await sim.get("/v1/leads/stats?\(query)")
                #expect(r.status == 422 && r.error.code == code && r.error.param == param, "\(query)")
            }
        }
    }
}
