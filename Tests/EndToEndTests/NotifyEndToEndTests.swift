import Foundation
import Glibc
import LeadOSAPI
import LeadOSSimulator
import Testing

/// `[notify] bell = true` with the real binary: a lead delivered while the dashboard watches
/// rings the terminal's bell (BEL on the pane's raw output); leads it catches up on at start, and
/// leads from its cache, do not.
@Suite("Notifications in tmux", .serialized)
struct NotifyEndToEndTests {
    /// The pane's raw output since `offset`.
    static func output(_ file: URL, from offset: Int) -> [UInt8] {
        let bytes = (try? Data(contentsOf: file)).map(Array.init) ?? []
        return Array(bytes.dropFirst(offset))
    }

    @Test("with score_at_least = 0 and bell = true, a delivered lead writes BEL and the cache at start does not")
    func bellForLiveLeadsOnly() async throws {
        let sim = try await SimulatorServer.start(SimulatorOptions(seed: 7, leadEvery: 0, rateLimitPerMinute: nil))
        defer { Task { await sim.stop() } }
        let home = try FirstContactEndToEndTests.Home()
        defer { home.close() }
        try home.writeConfig("""
            api_url = "\(sim.baseURL.absoluteString)"
            api_key = "\(sim.apiKey)"
            [poll]
            feed = 1
            [notify]
            score_at_least = 0
            bell = true
            """)
        let raw = home.directory.appendingPathComponent("pane.raw")
        _ = try home.session.tmux(["pipe-pane", "-t", "0", "-o", "cat >> \(TmuxSession.shellQuoted(raw.path))"])

        let trace = home.directory.appendingPathComponent("trace")
        func feedPolls() -> Int {
            ((try? String(contentsOf: trace, encoding: .utf8)) ?? "").components(separatedBy: "sync refreshed feed").count - 1
        }
        func startAndSettle() async throws -> Int {
            try? FileManager.default.removeItem(at: trace)
            try home.session.runCommand("LEADTOP_TRACE=\(TmuxSession.shellQuoted(trace.path)) \(try FirstContactEndToEndTests.binary())")
            try await home.session.waitForAsync(timeout: 15, "the feed") { screen in
                screen.contains { $0.contains("Live lead feed (") && !$0.contains("Live lead feed (0)") }
                    && screen.contains { $0.contains("● live") }
            }
            // Two feed polls applied after the first screen (the trace says so): whatever the
            // start brought in has been reduced, and any bell for it written.
            let deadline = Date().addingTimeInterval(15)
            while feedPolls() < 2, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
            #expect(feedPolls() >= 2)
            return Self.output(raw, from: 0).count
        }

        let settled = try await startAndSettle()
        #expect(!Self.output(raw, from: 0).contains(0x07), "leads delivered before the start do not ring")

        let lead = try #require(sim.world.deliver(count: 1).first)
        try await home.session.waitForAsync(timeout: 10, "the notification") { screen in
            screen.last { !$0.isEmpty }?.contains("◆ Lead \(lead.score):") == true
        }
        let deadline = Date().addingTimeInterval(5)
        while !Self.output(raw, from: settled).contains(0x07), Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(Self.output(raw, from: settled).filter { $0 == 0x07 }.count == 1, "one BEL for the delivered lead")

        try home.session.sendKeys("N")
        try await home.session.waitForAsync(text: "Notifications · any key closes")
        try home.session.sendKeys("Escape", "q")
        try await home.session.waitForPromptAsync()

        // A lead delivered while the dashboard was closed, then a restart: it comes from the
        // catch-up, the earlier one from the cache; neither rings.
        _ = sim.world.deliver(count: 1)
        // LeadOS stamps whole seconds, and a lead of the second the dashboard starts in counts as
        // live; start in a later second so this one is plainly from before.
        try await Task.sleep(for: .seconds(1.1))
        let before = Self.output(raw, from: 0).count
        _ = try await startAndSettle()
        #expect(!Self.output(raw, from: before).contains(0x07), "cached and caught-up leads do not ring")
        try home.session.sendKeys("q")
        try await home.session.waitForPromptAsync()
    }
}
