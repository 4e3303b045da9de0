import Foundation
import Glibc
import LeadOSAPI
import LeadOSSimulator
import Testing

/// A user's first minutes with their own account, in tmux against a simulator in this process: a
/// refused key, a malformed key, an unreachable LeadOS, a typo in the config file.
@Suite("First contact in tmux", .serialized)
struct FirstContactEndToEndTests {
    static let wrongKey = "ldo_live_sk_" + String(repeating: "q", count: 28) + "stuX"

    /// A scratch home (state and config dirs) and a tmux pane with it in the environment.
    final class Home {
        let directory: URL
        let session: TmuxSession
        var configFile: URL { directory.appendingPathComponent("config/leadtop/config.toml") }

        init(width: Int = 120, height: Int = 40) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("leadtop-e2e-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("config/leadtop"), withIntermediateDirectories: true)
            session = try TmuxSession(width: width, height: height, environment: [
                "XDG_STATE_HOME": directory.appendingPathComponent("state").path,
                "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path,
            ])
        }

        func writeConfig(_ text: String) throws {
            try text.write(to: configFile, atomically: true, encoding: .utf8)
            chmod(configFile.path, 0o600)
        }

        func close() {
            session.kill()
            try? FileManager.default.removeItem(at: directory)
        }
    }

    static func binary() throws -> String { TmuxSession.shellQuoted(try BuiltProducts.executable("leadtop")) }

    @Test("a refused key says so, is checked once a minute, and a queued rating waits for the fixed key")
    func refusedKey() async throws {
        let sim = try await SimulatorServer.start(SimulatorOptions(seed: 7, leadEvery: 0, rateLimitPerMinute: nil))
        let home = try Home()
        defer { home.close() }
        defer { Task { await sim.stop() } }

        // A first run with the right key fills the cache, as a user's earlier days would have.
        try home.writeConfig("api_url = \"\(sim.baseURL.absoluteString)\"\napi_key = \"\(sim.apiKey)\"\n")
        try home.session.runCommand(try Self.binary())
        try await home.session.waitForAsync(timeout: 15, "the feed") { screen in
            screen.contains { $0.contains("Live lead feed (") && !$0.contains("Live lead feed (0)") }
                && screen.contains { $0.contains("Campaigns (\(sim.world.campaigns().count))") }
        }
        try home.session.sendKeys("q")
        try await home.session.waitForPromptAsync()

        // The key is rotated at LeadOS; the config still holds the old one.
        try home.writeConfig("api_url = \"\(sim.baseURL.absoluteString)\"\napi_key = \"\(Self.wrongKey)\"\n")
        let before = sim.world.servedRequests().count
        let started = Date()
        try home.session.runCommand(try Self.binary())
        let screen = try await home.session.waitForAsync(timeout: 3, "the key-rejected notice") { screen in
            screen.contains { $0.contains("LeadOS rejected the API key") } && screen.last?.hasPrefix("✗ key rejected") == true
        }
        #expect(Date().timeIntervalSince(started) < 3)
        let path = home.configFile.path
        #expect(screen.contains { $0.contains("ldo_live_sk_…stuX, from api_key of") })
        #expect(screen.contains { $0.contains(path) })
        #expect(screen.contains { $0.contains("HTTP 401: Invalid API key provided: ldo_live_sk_****stuX") })
        #expect(screen.contains { $0.contains("set a valid key there, then press R") })

        // A rating made now stays queued: Esc first closes nothing (no dialog), then rate the top lead.
        let top = try #require(sim.world.leads().first)
        try home.session.sendKeys("2", "g", "+")
        try await home.session.waitForAsync(timeout: 5, "the pending rating") { $0.last?.contains("1 pending") == true }

        // Quiet while refused: the first burst, then at most one check a minute.
        try await Task.sleep(for: .seconds(5))
        let burst = sim.world.servedRequests().count - before
        #expect(burst <= 7, "the first burst: five pollers and the rating")
        #expect(sim.world.appliedWrites().isEmpty)

        // The user puts the right key in the config and presses R.
        try home.writeConfig("api_url = \"\(sim.baseURL.absoluteString)\"\napi_key = \"\(sim.apiKey)\"\n")
        #expect(sim.world.servedRequests().count - before == burst, "nothing more within the minute")
        try home.session.sendKeys("R")
        try await home.session.waitForAsync(timeout: 10, "live again") { $0.last?.hasPrefix("● live") == true }
        let deadline = Date().addingTimeInterval(10)
        while sim.world.appliedWrites().isEmpty, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        let writes = sim.world.appliedWrites()
        #expect(writes.count == 1)
        #expect(writes.first?.path == "/v1/leads/\(top.id)/feedback")
        #expect(sim.world.lead(id: top.id)?.feedback?.rating == .good)
        try home.session.sendKeys("q")
        try await home.session.waitForPromptAsync()
    }

    @Test("a malformed key is refused before the screen, with exit code 2 and its source")
    func malformedKey() async throws {
        let home = try Home(width: 160, height: 10)
        defer { home.close() }
        try home.session.runCommand("LEADOS_API_KEY=ldo_live_sk_tooShort \(try Self.binary()); echo \"exit=$?\"")
        let screen = try await home.session.waitForAsync(timeout: 10, "the exit code") { $0.contains { $0.hasPrefix("exit=") } }
        #expect(screen.joined().contains("leadtop: the API key from LEADOS_API_KEY (ldo_live_sk_…hort) is not a LeadOS key: it must be ldo_live_sk_ followed by 32 letters or digits. Copy it again from your LeadOS account settings"))
        #expect(screen.contains("exit=2"))
    }

    @Test("an unreachable LeadOS names the failure in words, and a config typo is reported with its line")
    func unreachableAndTypo() async throws {
        let home = try Home(width: 140, height: 30)
        defer { home.close() }
        // A port nothing listens on.
        let probe = try await SimulatorServer.start(SimulatorOptions(seed: 1))
        let url = probe.baseURL.absoluteString
        let port = probe.baseURL.port!
        await probe.stop()
        try home.writeConfig("thme = \"dracula\"\napi_url = \"\(url)\"\napi_key = \"\(Self.wrongKey)\"\n")
        try home.session.runCommand(try Self.binary())
        try await home.session.waitForAsync(timeout: 10, "the reason in the status bar") { screen in
            screen.last?.contains("connection refused (127.0.0.1:\(port))") == true
        }
        try home.session.sendKeys("d")
        try await home.session.waitForAsync(timeout: 5, "the connection details") { screen in
            screen.contains { $0.contains("LeadOS") && $0.contains(url) }
                && screen.contains { $0.contains("cannot reach LeadOS: connection refused (127.0.0.1:\(port))") }
        }
        try home.session.sendKeys("Escape", "q")
        let after = try await home.session.waitForPromptAsync()
        #expect(after.joined().contains("leadtop: warning: \(home.configFile.path):1: unknown key `thme`: did you mean `theme`?"))
    }
}

/// `[keys]` in the config remaps an action for the real binary: the new key acts, the old one
/// does nothing, and the help and hints show the user's key.
@Suite("Remapped keys in tmux", .serialized)
struct RemappedKeysEndToEndTests {
    @Test("with [keys] pause = \"P\", P then y pauses and p no longer does")
    func remappedPause() async throws {
        let sim = try await SimulatorServer.start(SimulatorOptions(seed: 7, leadEvery: 0, rateLimitPerMinute: nil))
        defer { Task { await sim.stop() } }
        let home = try FirstContactEndToEndTests.Home()
        defer { home.close() }
        try home.writeConfig("""
            api_url = "\(sim.baseURL.absoluteString)"
            api_key = "\(sim.apiKey)"
            [keys]
            pause = "P"
            """)
        try home.session.runCommand(try FirstContactEndToEndTests.binary())
        try await home.session.waitForAsync(timeout: 15, "the campaigns") { screen in
            screen.contains { $0.contains("Campaigns (\(sim.world.campaigns().count))") }
        }
        let ordered = sim.world.campaigns().sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
        let index = try #require(ordered.firstIndex { $0.status == .active })
        try home.session.sendKeys("1", "g")
        for _ in 0..<index { try home.session.sendKeys("j") }
        let hints = try await home.session.waitForAsync(timeout: 5, "the hints") { $0.last?.contains("P:pause") == true }
        #expect(hints.last?.contains("?:help /:filter P:pause +/-:rate s:suppress q:quit") == true)

        // Keys are handled in order: had p opened the pause question, the `:` after it would only
        // cancel it; the prompt showing proves p did nothing.
        try home.session.sendKeys("p", ":")
        let prompt = try await home.session.waitForAsync(timeout: 5, "the : prompt or the pause question") { screen in
            screen.contains { $0.contains("Tab complete") || $0.contains("Pause campaign") || $0.contains("Cancelled") }
        }
        #expect(prompt.contains { $0.contains("Tab complete") }, "p does nothing now")
        try home.session.sendKeys("Escape")
        try home.session.sendKeys("P")
        try await home.session.waitForAsync(text: "Pause campaign")
        try home.session.sendKeys("y")
        let deadline = Date().addingTimeInterval(15)
        while sim.world.campaign(id: ordered[index].id)?.status != .paused, Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(sim.world.campaign(id: ordered[index].id)?.status == .paused)
        #expect(sim.world.appliedWrites().map(\.path) == ["/v1/campaigns/\(ordered[index].id)/pause"])
        try home.session.sendKeys("?")
        let help = try await home.session.waitForAsync(text: "pause/resume (y/N)")
        #expect(help.contains { $0.contains(" P            pause/resume (y/N)") })
        try home.session.sendKeys("Escape", "q")
        try await home.session.waitForPromptAsync()
    }
}
