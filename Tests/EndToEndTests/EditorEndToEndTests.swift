import Foundation
import Glibc
import LeadOSAPI
import LeadOSSimulator
import Testing

/// `E` with the real binary: the terminal goes to `$EDITOR` (here a script that edits the file as
/// a user would), and the changed `min_score` reaches LeadOS once; the dashboard comes back whole.
@Suite("The campaign editor in tmux", .serialized)
struct EditorEndToEndTests {
    @Test("E with EDITOR set to a script that edits the file changes min_score in LeadOS, once")
    func editInEditor() async throws {
        let sim = try await SimulatorServer.start(SimulatorOptions(seed: 7, leadEvery: 0, rateLimitPerMinute: nil))
        defer { Task { await sim.stop() } }
        let home = try FirstContactEndToEndTests.Home()
        defer { home.close() }
        let script = home.directory.appendingPathComponent("edit.sh")
        try """
            #!/bin/sh
            cp "$1" "\(home.directory.path)/seen.toml"
            sed -i 's/^min_score = [0-9]*/min_score = 91/' "$1"
            """.write(to: script, atomically: true, encoding: .utf8)
        chmod(script.path, 0o755)
        try home.session.runCommand("EDITOR=\(TmuxSession.shellQuoted(script.path)) \(try FirstContactEndToEndTests.binary())"
            + " --api-url \(sim.baseURL.absoluteString) --api-key \(sim.apiKey)")
        let campaigns = sim.world.campaigns().sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
        let index = try #require(campaigns.firstIndex { $0.status == .active })
        let campaign = campaigns[index]
        try await home.session.waitForAsync(timeout: 15, "campaigns") { screen in
            screen.contains { $0.contains("Campaigns (\(campaigns.count))") } && screen.contains { $0.contains("● live") }
        }
        try home.session.sendKeys("1", "g")
        for _ in 0..<index { try home.session.sendKeys("j") }
        try home.session.sendKeys("E")
        let deadline = Date().addingTimeInterval(15)
        while sim.world.campaign(id: campaign.id)?.minScore != 91, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(sim.world.campaign(id: campaign.id)?.minScore == 91)
        let seen = try String(contentsOf: home.directory.appendingPathComponent("seen.toml"), encoding: .utf8)
        #expect(seen.contains("(\(campaign.id))"))
        #expect(seen.contains("min_score = \(campaign.minScore)"))
        let writes = sim.world.appliedWrites().filter { $0.path.contains(campaign.id) }
        #expect(writes.map { "\($0.method) \($0.path) \($0.status)" } == ["PATCH /v1/campaigns/\(campaign.id) 200"])
        // The dashboard is drawn again whole after the editor.
        try await home.session.waitForAsync(timeout: 5, "the dashboard back") { screen in
            screen.first?.contains("1 Campaigns") == true && screen.last?.contains("● live") == true
        }
        try home.session.sendKeys("q")
        try await home.session.waitForPromptAsync()
    }
}
