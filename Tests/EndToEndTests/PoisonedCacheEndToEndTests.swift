import Foundation
import LeadOSAPI
import LeadOSSimulator
import LeadTopRuntime
import Testing

/// Issue 16's crash loop: a value LeadOS once sent, absurd but cached, trapped the first frame of
/// every later start until the state directory was deleted. Now the cache's out-of-range values
/// are dropped, the dashboard starts against a healthy LeadOS, and quits cleanly.
@Suite("Poisoned cache in tmux", .serialized)
struct PoisonedCacheEndToEndTests {
    /// Writes, through the real store, the values that trapped: a balance of `Int.min`, stats with
    /// an average score of 1e300, a campaign and a lead with `Int.min`/`Int.max` counts.
    static func poison(_ store: LocalStore, at now: Date) throws {
        try store.cacheValue(Balance(creditsRemaining: Int.min, creditsUsedThisPeriod: 0, planCredits: 2_000,
                                     periodStart: now, periodEnd: now.addingTimeInterval(86_400 * 30),
                                     lowBalanceThreshold: 200, lowBalance: true), for: .balance, at: now)
        let day = Timestamp.formatDay(now)
        try store.cacheValue(DeliveryStats(startDate: day, endDate: day, campaignID: nil,
                                           totals: .init(delivered: Int.min, creditsConsumed: 2, avgScore: 1e300),
                                           data: [.init(date: day, delivered: 1, creditsConsumed: Int.max, avgScore: 1e300,
                                                        byCampaign: [])]), for: .stats, at: now)
        try store.cacheCampaigns([Campaign(
            id: "camp_poisoned", name: "Poisoned", status: .active, pausedReason: nil, dailyLeadCap: 20, totalLeadCap: nil,
            jobTitles: ["Founder"], industries: [], companySizes: [], geographies: [], minScore: 60, enrichmentLevel: .email,
            leadsDelivered: Int.min, leadsDeliveredToday: 0, creditsSpent: 0, createdAt: now, updatedAt: now)])
        _ = try store.storeLeads([Lead(
            id: "del_poisoned", campaignID: "camp_poisoned", fullName: "Poisoned Lead", jobTitle: "Founder",
            companyName: "Acme", companyDomain: "acme.example", companySize: .s11_50, companyIndustry: "SaaS",
            geography: "Berlin, Germany", email: nil, emailStatus: nil, phone: nil, linkedinURL: nil, score: Int.max,
            intentSummary: "Seeded", enrichmentLevel: .basic, creditsConsumed: Int.max,
            deliveredAt: Date(timeIntervalSince1970: 253_402_300_799), feedback: nil)], limit: 100)
    }

    @Test("a cache holding values that trapped: the dashboard starts, draws, and quits with status 0")
    func poisonedCacheStarts() async throws {
        let sim = try await SimulatorServer.start(SimulatorOptions(seed: 7, rateLimitPerMinute: nil))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("leadtop-e2e-\(UUID().uuidString)")
        let state = directory.appendingPathComponent("state").path
        try Self.poison(LocalStore(path: LocalStore.defaultPath(environment: ["XDG_STATE_HOME": state])), at: Date())
        let session = try TmuxSession(width: 120, height: 40, environment: [
            "XDG_STATE_HOME": state, "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path,
        ])
        defer {
            session.kill()
            try? FileManager.default.removeItem(at: directory)
        }
        try session.runCommand([
            TmuxSession.shellQuoted(try BuiltProducts.executable("leadtop")),
            "--api-url", sim.baseURL.absoluteString, "--api-key", sim.apiKey, "; echo status=$?",
        ].joined(separator: " "))
        do {
            let live = try await session.waitForAsync(timeout: 15, "a live frame with the simulator's balance") { screen in
                screen.contains { $0.contains("● live") } && screen.contains { $0.contains("4 Credits") }
                    && !screen.contains { $0.contains("Waiting for balance") }
            }
            #expect(!live.contains { $0.contains("Poisoned") })
            #expect(!live.contains { $0.contains("9,223,372,036,854,775") })
            try session.sendKeys("q")
            let after = try await session.waitForAsync("the exit status") { $0.contains { $0.hasPrefix("status=") } }
            #expect(after.contains("status=0"))
        } catch {
            await sim.stop()
            throw error
        }
        await sim.stop()
    }
}
