import Foundation
import Glibc
import LeadOSAPI
import LeadOSSimulator
import Testing

/// Handing leads on with the real binary in tmux against a simulator in this process: `y` writes
/// an OSC 52 sequence holding the email (read from the raw terminal output, and from the paste
/// buffer tmux makes of it with `set-clipboard on`), `o` starts `$BROWSER` with the URL, `S` on a
/// filtered feed and `:suppress FILE` suppress exactly those addresses in LeadOS.
@Suite("Handing leads on in tmux", .serialized)
struct HandOnEndToEndTests {
    final class Harness {
        let sim: SimulatorServer
        let session: TmuxSession
        let directory: URL
        /// Everything the dashboard wrote to the terminal.
        let output: String
        /// The leads in the dashboard's feed (its first fetch: the newest of the world), newest first.
        var feed: [Lead] = []

        init(sim: SimulatorServer, session: TmuxSession, directory: URL, output: String) {
            self.sim = sim; self.session = session; self.directory = directory; self.output = output
        }

        var rawOutput: Data { (try? Data(contentsOf: URL(fileURLWithPath: output))) ?? Data() }

        func close() async {
            session.kill()
            await sim.stop()
            try? FileManager.default.removeItem(at: directory)
        }
    }

    /// A simulator without automatic deliveries and the dashboard against it in a 120×40 pane
    /// (tmux with `set-clipboard on`, its output recorded), waiting until every lead is in the feed.
    func withDashboard(_ body: (Harness) async throws -> Void) async throws {
        let sim = try await SimulatorServer.start(SimulatorOptions(seed: 11, rateLimitPerMinute: nil, historyLeads: 400))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("leadtop-e2e-handon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let browser = directory.appendingPathComponent("browser").path
        try "#!/bin/sh\nprintf '%s\\n' \"$@\" > '\(directory.path)/opened'\n".write(toFile: browser, atomically: true, encoding: .utf8)
        chmod(browser, 0o755)
        let session = try TmuxSession(width: 120, height: 40, environment: [
            "XDG_STATE_HOME": directory.appendingPathComponent("state").path,
            "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path,
            "BROWSER": browser,
        ])
        let output = directory.appendingPathComponent("terminal-output").path
        let harness = Harness(sim: sim, session: session, directory: directory, output: output)
        do {
            try session.tmux(["set-option", "-g", "set-clipboard", "on"])
            try session.recordOutput(to: output)
            try session.runCommand(["cd", TmuxSession.shellQuoted(directory.path), "&&",
                                    TmuxSession.shellQuoted(try BuiltProducts.executable("leadtop")),
                                    "--api-url", sim.baseURL.absoluteString, "--api-key", sim.apiKey].joined(separator: " "))
            let screen = try await session.waitForAsync(timeout: 20, "the feed, live") { screen in
                screen.contains { $0.contains("Live lead feed (") && !$0.contains("Live lead feed (0)") }
                    && screen.contains { $0.contains("● live") }
            }
            let title = try #require(screen.first { $0.contains("Live lead feed (") })
            let count = try #require(Int(title.split(separator: "(")[1].prefix { $0.isNumber }))
            harness.feed = Array(feedOrder(sim).prefix(count))
            try await body(harness)
        } catch {
            await harness.close()
            throw error
        }
        await harness.close()
    }

    /// The feed's order: newest first, then id descending.
    func feedOrder(_ sim: SimulatorServer) -> [Lead] {
        sim.world.leads().sorted { ($0.deliveredAt, $0.id) > ($1.deliveredAt, $1.id) }
    }

    func eventually(timeout: Double = 20, _ what: String, _ condition: () -> Bool) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() {
            guard Date() < deadline else { throw TmuxSession.Failure(description: "timed out waiting for \(what)") }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    @Test("y writes OSC 52 holding the selected email; tmux takes it as a paste buffer")
    func copyEmail() async throws {
        try await withDashboard { h in
            let feed = h.feed
            let row = try #require(feed.firstIndex { $0.email != nil })
            let email = try #require(feed[row].email)
            for _ in 0..<row { try h.session.sendKeys("j") }
            try h.session.sendKeys("y")
            try await h.session.waitForAsync(text: "Copied \(email) via OSC 52")
            let sequence = Data("\u{1B}]52;c;\(Data(email.utf8).base64EncodedString())\u{07}".utf8)
            try await eventually("the OSC 52 sequence in the terminal output") { h.rawOutput.range(of: sequence) != nil }
            // Exactly one copy went out, and tmux decoded it into its newest paste buffer.
            #expect(h.rawOutput.ranges(of: Data("\u{1B}]52;".utf8)).count == 1)
            #expect(try h.session.tmux(["show-buffer"]) == email)
        }
    }

    @Test("o starts $BROWSER with the lead's LinkedIn URL as its one argument")
    func openLinkedIn() async throws {
        try await withDashboard { h in
            let feed = h.feed
            let row = try #require(feed.firstIndex { $0.linkedinURL != nil })
            let url = try #require(feed[row].linkedinURL)
            for _ in 0..<row { try h.session.sendKeys("j") }
            try h.session.sendKeys("o")
            try await h.session.waitForAsync(text: "Opening \(url)")
            let opened = h.directory.appendingPathComponent("opened").path
            try await eventually("the browser script to run") { FileManager.default.fileExists(atPath: opened) }
            try await eventually("the browser script's output") {
                (try? String(contentsOfFile: opened, encoding: .utf8)) == url + "\n"
            }
        }
    }

    @Test("S on a filtered feed suppresses exactly its addresses in LeadOS")
    func suppressFilteredView() async throws {
        try await withDashboard { h in
            #expect(h.sim.world.suppressedEmails().isEmpty)
            let matching = h.feed.filter { $0.score > 90 }
            let expected = Set(matching.compactMap { $0.email?.lowercased() })
            try #require(!expected.isEmpty)
            try h.session.sendKeys("/")
            try h.session.sendLiteral("score>90")
            try h.session.sendKeys("Enter")
            try await h.session.waitForAsync(text: "Live lead feed (\(matching.count) of")
            try h.session.sendKeys("S")
            try await h.session.waitForAsync(text: "Suppress \(expected.count) addresses in every campaign?")
            try await h.session.waitForAsync(text: "Of the filtered feed (“score>90”)")
            try h.session.sendKeys("y")
            try await eventually("the addresses suppressed in the simulator") { h.sim.world.suppressedEmails() == expected }
            try await h.session.waitForAsync(
                text: "Suppressed \(expected.count) addresses: \(expected.count) added, 0 already suppressed, 0 invalid")
            let writes = h.sim.world.appliedWrites().filter { $0.path == "/v1/suppression" }
            #expect(writes.count == 1)
        }
    }

    @Test(":suppress FILE suppresses the file's addresses and counts the lines that are not addresses")
    func suppressFile() async throws {
        try await withDashboard { h in
            // A path relative to where the dashboard was started.
            let file = h.directory.appendingPathComponent("bounces.txt")
            try "raj@techcorp.io\nANA@example.com\nnot an address\n\nraj@techcorp.io\nbad@@example\n".write(
                to: file, atomically: true, encoding: .utf8)
            try h.session.sendKeys(":")
            try h.session.sendLiteral("suppress bounces.txt")
            try h.session.sendKeys("Enter")
            try await h.session.waitForAsync(text: "Suppress 3 addresses in every campaign?")
            try await h.session.waitForAsync(text: "1 line is not an address (skipped)")
            try h.session.sendKeys("y")
            try await eventually("the addresses suppressed in the simulator") {
                h.sim.world.suppressedEmails() == ["raj@techcorp.io", "ana@example.com"]
            }
            // One line was not an address here, and LeadOS found bad@@example invalid.
            try await h.session.waitForAsync(text: "2 added, 0 already suppressed, 2 invalid")
        }
    }
}
