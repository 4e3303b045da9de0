import Foundation
import LeadOSAPI
import LeadOSSimulator
import Testing

/// The rating queue and the stats range, in the real binary against the simulator.
extension DashboardEndToEndTests {
    /// How many feed pages the dashboard has read from its cache so far (the trace says).
    func feedPagesRead(_ h: Harness) -> Int { h.trace.components(separatedBy: "sync feed_page ").count - 1 }

    @Test("u then + three times rates three different unrated leads good, in LeadOS")
    func unratedQueue() async throws {
        try await withDashboard { h in
            // The feed's order (delivered_at desc, id desc), as LeadOS had it before the keys.
            let before = h.sim.world.leads().sorted { ($0.deliveredAt, $0.id) > ($1.deliveredAt, $1.id) }
            let unrated = before.filter { $0.feedback == nil }
            try #require(unrated.count >= 3 && unrated.count < before.count, "the seeded world has rated and unrated leads")
            let pages = feedPagesRead(h)
            try h.session.sendKeys("2", "u")
            try await h.session.waitForAsync(text: "unrated only")
            try await eventually("the unrated rows read from the cache") { feedPagesRead(h) > pages }
            try h.session.sendKeys("g", "+", "+", "+")
            let expected = Array(unrated.prefix(3)).map(\.id)
            try await eventually("three ratings recorded") {
                expected.allSatisfy { h.sim.world.lead(id: $0)?.feedback?.rating == .good }
            }
            let rated = h.sim.world.appliedWrites().filter { $0.path.hasSuffix("/feedback") }.map(\.path)
            #expect(rated == expected.map { "/v1/leads/\($0)/feedback" }, "three different leads, the first three unrated ones")
            #expect(before.filter { $0.feedback != nil }.allSatisfy { h.sim.world.lead(id: $0.id)?.feedback == $0.feedback },
                    "no rated lead was touched")
        }
    }

    @Test("] twice asks LeadOS for the last 90 days (start_date, end_date) and the chart shows them")
    func statsRangeOfNinetyDays() async throws {
        try await withDashboard { h in
            try await h.session.waitForAsync(text: "30d: ")
            try h.session.sendKeys("]", "]")
            let end = h.sim.world.now()
            let endDay = Timestamp.formatDay(end)
            let startDay = Timestamp.formatDay(Timestamp.startOfDay(end).addingTimeInterval(-89 * 86_400))
            try await eventually("a stats request for 90 days") {
                h.sim.world.servedRequests().contains {
                    $0.path == "/v1/leads/stats" && $0.status == 200 && $0.query == "start_date=\(startDay)&end_date=\(endDay)"
                }
            }
            try await h.session.waitForAsync(text: "90d: ")
            let stats = h.sim.world.servedRequests().filter { $0.path == "/v1/leads/stats" }
            #expect(stats.allSatisfy { $0.status == 200 }, "no range LeadOS refuses was ever sent")
            // A third ] is refused in the dashboard: nothing longer goes out.
            try h.session.sendKeys("]")
            try await h.session.waitForAsync(text: "90 days is the longest range LeadOS gives")
            #expect(h.sim.world.servedRequests().filter { $0.path == "/v1/leads/stats" }.count == stats.count)
        }
    }

    @Test("z after a good rating LeadOS has asks why it is bad and sends that: LeadOS keeps one rating a lead")
    func undoASentRating() async throws {
        try await withDashboard { h in
            let before = h.sim.world.leads().sorted { ($0.deliveredAt, $0.id) > ($1.deliveredAt, $1.id) }
            let lead = try #require(before.first)
            try #require(lead.feedback == nil, "the newest lead of the seeded world is unrated")
            try h.session.sendKeys("2", "g", "+")
            try await eventually("the good rating recorded") { h.sim.world.lead(id: lead.id)?.feedback?.rating == .good }
            try await eventually("the dashboard applied the rating's reply") { h.trace.contains("sync write_settled") }
            try h.session.sendKeys("z")
            try await h.session.waitForAsync(text: "already sent")
            try h.session.sendKeys("2")
            try await eventually("the bad rating recorded") { h.sim.world.lead(id: lead.id)?.feedback?.rating == .bad }
            #expect(h.sim.world.lead(id: lead.id)?.feedback?.reason == .wrongPerson)
            #expect(h.sim.world.appliedWrites().filter { $0.path.hasSuffix("/feedback") }.map(\.path)
                == Array(repeating: "/v1/leads/\(lead.id)/feedback", count: 2))
        }
    }
}
