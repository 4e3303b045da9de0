import Foundation
import LeadOSAPI
import LeadOSSimulator
import Testing

/// `:profile other` in the real binary, with two LeadOS accounts (two simulators, each with its
/// own key): the screen moves to the other account's campaigns and leads, and a rating made after
/// the switch reaches that account only.
@Suite("Profiles switched live in tmux", .serialized)
struct ProfileSwitchEndToEndTests {
    @Test(":profile other shows the other account, and a rating after it lands on that account only")
    func switchProfileLive() async throws {
        let work = try await SimulatorServer.start(SimulatorOptions(seed: 7, leadEvery: 0, rateLimitPerMinute: nil))
        let other = try await SimulatorServer.start(SimulatorOptions(seed: 23, leadEvery: 0, rateLimitPerMinute: nil, campaignCount: 3))
        defer { Task { await work.stop(); await other.stop() } }
        #expect(work.apiKey != other.apiKey)
        let home = try FirstContactEndToEndTests.Home()
        defer { home.close() }
        try home.writeConfig("""
            default_profile = "work"
            [profiles.work]
            api_url = "\(work.baseURL.absoluteString)"
            api_key = "\(work.apiKey)"
            [profiles.other]
            api_url = "\(other.baseURL.absoluteString)"
            api_key = "\(other.apiKey)"
            """)
        try home.session.runCommand(try FirstContactEndToEndTests.binary())
        let workCampaigns = work.world.campaigns().count
        try await home.session.waitForAsync(timeout: 15, "the work account") { screen in
            screen.contains { $0.contains("Campaigns (\(workCampaigns))") }
                && screen.contains { $0.contains("Live lead feed (") && !$0.contains("Live lead feed (0)") }
                && screen.last?.contains("● live │ profile work") == true
        }

        try home.session.sendKeys(":")
        try home.session.sendLiteral("profile oth")
        try home.session.sendKeys("Tab", "Enter")
        let newest = try #require(other.world.leads().first)
        let otherNames = other.world.campaigns().map { String($0.name.prefix(6)) }
        try await home.session.waitForAsync(timeout: 15, "the other account") { screen in
            screen.contains { $0.contains("Campaigns (3)") }
                && otherNames.allSatisfy { name in screen.contains { $0.contains(name) } }
                && screen.contains { $0.contains("Live lead feed (") && !$0.contains("Live lead feed (0)") }
                && screen.last?.contains("● live │ profile other") == true
        }

        try home.session.sendKeys("2", "g", "+")
        let deadline = Date().addingTimeInterval(15)
        while other.world.lead(id: newest.id)?.feedback?.rating != .good, Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(other.world.lead(id: newest.id)?.feedback?.rating == .good)
        let feedbackWrites = { (sim: SimulatorServer) in sim.world.appliedWrites().filter { $0.path.contains("feedback") } }
        #expect(feedbackWrites(other).count == 1)
        #expect(feedbackWrites(work).isEmpty, "nothing reached the account switched away from")

        // Each profile keeps its own cache and outbox in its own state directory.
        let profiles = home.directory.appendingPathComponent("state/leadtop/profiles")
        let directories = try FileManager.default.contentsOfDirectory(atPath: profiles.path).sorted()
        #expect(directories == ["other", "work"])

        try home.session.sendKeys("q")
        try await home.session.waitForPromptAsync()
    }
}
