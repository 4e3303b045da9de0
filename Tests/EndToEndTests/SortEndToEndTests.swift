import Foundation
import LeadOSAPI
import LeadOSSimulator
import Testing

/// Sorting the feed in the real binary, over the leads the simulator delivered.
extension DashboardEndToEndTests {
    @Test("> sorts the feed by score, highest first, and r shows the lowest score first")
    func sortFeedByScoreThenReverse() async throws {
        try await withDashboard { h in
            // The cache holds the newest page LeadOS delivered (the feed's title says how many).
            try #require(try h.session.capture().contains { $0.contains("Live lead feed (100)") })
            let leads = Array(h.sim.world.leads().sorted { ($0.deliveredAt, $0.id) > ($1.deliveredAt, $1.id) }.prefix(100))
            let highest = try #require(leads.min { ($1.score, $1.id) < ($0.score, $0.id) })
            let lowest = try #require(leads.min { ($0.score, $0.id) < ($1.score, $1.id) })
            try #require(highest.score > lowest.score)
            /// The row under the feed's header shows the lead's score and (when it is plain ASCII, which
            /// the terminal shows as is) the start of its name. At 120 columns SCR is 3 wide: `SC▼`.
            func firstRow(shows lead: Lead, marker: String) -> ([String]) -> Bool {
                { lines in
                    guard let header = lines.firstIndex(where: { $0.contains(marker) && $0.contains("NAME") }),
                          header + 1 < lines.count else { return false }
                    let row = lines[header + 1]
                    let name = String(lead.fullName.prefix(6))
                    return row.contains(" \(lead.score) ") && (!name.allSatisfy(\.isASCII) || row.contains(name))
                }
            }
            try h.session.sendKeys("2", ">")
            try await h.session.waitForAsync("the highest score first", firstRow(shows: highest, marker: "SC▼"))
            try h.session.sendKeys("r")
            try await h.session.waitForAsync("the lowest score first", firstRow(shows: lowest, marker: "SC▲"))
        }
    }
}
