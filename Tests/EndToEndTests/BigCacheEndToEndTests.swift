import Foundation
import LeadOSAPI
import LeadOSSimulator
import LeadTopRuntime
import Testing

/// The real binary over a local cache far bigger than its window of rows in memory: the feed
/// counts every cached lead, scrolls to the oldest, and filters across all of them.
@Suite("Big cache in tmux", .serialized)
struct BigCacheEndToEndTests {
    static let cached = 20_000

    /// Leads delivered before anything the simulator holds, one a minute; three work at Zebrafish.
    static func seededLeads() -> [Lead] {
        let start = Date(timeIntervalSince1970: 1_500_000_000)
        return (0..<cached).map { i -> Lead in
            let name: String = i == 0 ? "Oldest Seedling" : "Seed \(i)"
            let company: String = i % 7_000 == 1 ? "Zebrafish Labs" : "Acme \(i % 50)"
            let at: Date = start.addingTimeInterval(Double(i) * 60)
            let id = String(format: "del_seed%06d", i)
            return Lead(id: id, campaignID: "camp_seeded", fullName: name, jobTitle: "Founder", companyName: company,
                        companyDomain: "acme.example", companySize: .s11_50, companyIndustry: "SaaS",
                        geography: "Berlin, Germany", email: nil, emailStatus: nil, phone: nil, linkedinURL: nil,
                        score: 50 + i % 50, intentSummary: "Seeded", enrichmentLevel: .basic, creditsConsumed: 1,
                        deliveredAt: at, feedback: nil)
        }
    }

    /// The number in "Live lead feed (N" or "(N of M", or nil.
    static func feedCounts(_ screen: [String]) -> (shown: Int, total: Int)? {
        guard let row = screen.first(where: { $0.contains("Live lead feed (") }),
              let open = row.range(of: "Live lead feed (") else { return nil }
        let rest = row[open.upperBound...].prefix { $0 != ")" }.replacingOccurrences(of: ",", with: "")
        let parts = rest.split(separator: " ")
        guard let shown = parts.first.flatMap({ Int($0) }) else { return nil }
        return (shown, parts.count == 3 ? Int(parts[2]) ?? shown : shown)
    }

    @Test("20,000 cached leads: counted, the oldest reached with G, and a filter counts across all")
    func bigCache() async throws {
        let sim = try await SimulatorServer.start(SimulatorOptions(seed: 7, rateLimitPerMinute: nil))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("leadtop-e2e-\(UUID().uuidString)")
        let state = directory.appendingPathComponent("state").path
        try LocalStore(path: LocalStore.defaultPath(environment: ["XDG_STATE_HOME": state]))
            .storeLeads(Self.seededLeads(), limit: 100_000)
        let session = try TmuxSession(width: 120, height: 40, environment: [
            "XDG_STATE_HOME": state, "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path,
        ])
        defer {
            session.kill()
            try? FileManager.default.removeItem(at: directory)
        }
        try session.runCommand([
            TmuxSession.shellQuoted(try BuiltProducts.executable("leadtop")),
            "--api-url", sim.baseURL.absoluteString, "--api-key", sim.apiKey,
        ].joined(separator: " "))
        do {
            let live = try await session.waitForAsync(timeout: 15, "the cached and the fetched leads counted") { screen in
                screen.contains { $0.contains("● live") } && (Self.feedCounts(screen)?.shown ?? 0) > Self.cached
            }
            let total = try #require(Self.feedCounts(live)?.shown)

            try session.sendKeys("G")
            let bottom = try await session.waitForAsync("the oldest cached lead at the bottom") { screen in
                screen.contains { $0.contains("Oldest Se") }
            }
            #expect(Self.feedCounts(bottom)?.shown == total)
            let oldest = try #require(bottom.firstIndex { $0.contains("Oldest Se") })
            #expect(bottom[oldest + 1].hasPrefix("└"), "the oldest lead is the feed's last row")
            #expect(bottom[oldest - 1].contains("Seed 1 "))

            try session.sendKeys("/")
            try session.sendLiteral("zebrafish")
            try session.sendKeys("Enter")
            let filtered = try await session.waitForAsync("three Zebrafish leads") { screen in
                Self.feedCounts(screen).map { $0.shown == 3 && $0.total == total } ?? false
            }
            #expect(filtered.filter { $0.contains("Zebrafish") }.count == 3)
            #expect(filtered.contains { $0.contains("3 leads match zebrafish") })
        } catch {
            await sim.stop()
            throw error
        }
        await sim.stop()
    }
}
