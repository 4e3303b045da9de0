import Foundation
import Glibc
import LeadOSAPI
import LeadOSSimulator
import LeadTopCore
import LeadTopTestSupport
import Testing

/// A lead arriving at the top of the feed is drawn by the terminal's own scrolling: the bytes the
/// dashboard writes hold a scroll region from the feed's first lead row and a line insertion or
/// reverse index in it, and the screen they leave is the one
/// a full redraw paints.
@Suite("Feed scrolling in tmux", .serialized)
struct FeedScrollEndToEndTests {
    /// `ESC [ top ; bottom r` (set the scroll region, `top` 1-based) followed, before the region is
    /// set again, by `ESC M` (reverse index), `ESC [ n T` (scroll down) or `ESC [ n L` (insert
    /// lines), as tmux's terminfo entries spell `csr`, `ri`, `rin` and `il`.
    static func scrollThenInsert(top: Int) throws -> Regex<AnyRegexOutput> {
        try Regex("\\x1B\\[\(top);\\d+r(?:(?!\\x1B\\[\\d+;\\d+r).)*?(?:\\x1BM|\\x1B\\[\\d*T|\\x1B\\[\\d*L)").dotMatchesNewlines()
    }

    /// At 200x50 the feed spans the screen, so nothing beside it moves with it: the whole frame
    /// for a new lead is the scroll, one row and a few counts, well under 600 bytes.
    @Test("a pushed lead scrolls the feed rows with the terminal's scroll region and leaves the full redraw's screen",
          arguments: [(width: 120, height: 40, maxBytes: Int?.none), (width: 200, height: 50, maxBytes: 600)])
    func newLeadScrolls(size: (width: Int, height: Int, maxBytes: Int?)) async throws {
        let sim = try await SimulatorServer.start(SimulatorOptions(seed: 7, leadEvery: 0, rateLimitPerMinute: nil))
        defer { Task { await sim.stop() } }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("leadtop-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let session = try TmuxSession(width: size.width, height: size.height, environment: [
            "XDG_STATE_HOME": directory.appendingPathComponent("state").path,
            "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path,
        ])
        defer { session.kill() }
        let port = LoopbackPort.free()
        try session.runCommand([
            TmuxSession.shellQuoted(try BuiltProducts.executable("leadtop")), "--api-url", sim.baseURL.absoluteString,
            "--api-key", sim.apiKey, "--listen", "127.0.0.1:\(port)",
        ].joined(separator: " "))
        try await session.waitForAsync(timeout: 15, "the feed") { screen in
            screen.contains { $0.contains("Live lead feed (") && !$0.contains("Live lead feed (0)") }
                && screen.contains { $0.contains("● live") }
        }
        let deadline = Date().addingTimeInterval(15)
        while !sim.world.servedRequests().contains(where: { $0.path == "/v1/webhooks" && $0.status == 201 }) {
            guard Date() < deadline else { throw TmuxSession.Failure(description: "the receiver was never registered") }
            try await Task.sleep(for: .milliseconds(50))
        }

        let output = directory.appendingPathComponent("terminal.out").path
        try session.recordOutput(to: output)
        try await Task.sleep(for: .milliseconds(200))
        // Retried: a difference the masks miss (a NEW mark expiring) would not repeat, a real one does.
        var differences: [String] = []
        for attempt in 1...3 {
            let before = Self.size(output)
            let lead = try #require(sim.world.deliver(count: 1).first)
            // The NAME column may cut a long first name short: its first letters are always shown.
            let firstName = String((lead.fullName.split(separator: " ").first ?? "").prefix(6))
            try await session.waitForAsync(timeout: 10, "the pushed lead") { screen in
                screen.contains { $0.contains("NEW") && $0.contains(firstName) }
            }
            try await Self.waitForOutput(output, growingPast: before)
            let scrolled = try session.capture(escapes: true)
            let written = Self.text(output, from: before)
            // The band starts at the feed's first lead row (ncurses alone scrolls only where whole
            // screen lines moved, further down where the panes beside the feed are blank).
            let firstLeadRow = DashboardLayout(width: size.width, height: size.height).feed.inner.y + 1
            #expect(written.contains(try Self.scrollThenInsert(top: firstLeadRow + 1)),
                    "no scroll region from row \(firstLeadRow) and line insertion in: \(written.debugDescription)")
            if let maxBytes = size.maxBytes {
                #expect(written.utf8.count <= maxBytes, "\(written.utf8.count) bytes for one new lead: \(written.debugDescription)")
            }

            // A resize away and back repaints every cell from scratch.
            try session.resize(width: size.width + 1, height: size.height)
            try await session.waitForAsync(timeout: 10, "the wider frame") {
                $0.first.map { FrameAlignment.displayWidth($0) } == size.width + 1
            }
            let beforeRedraw = Self.size(output)
            try session.resize(width: size.width, height: size.height)
            try await Self.waitForOutput(output, growingPast: beforeRedraw + 2_000)
            let redrawn = try session.capture(escapes: true)
            // The status bar shows the refresh age, which the clock moves.
            differences = zip(Self.agesMasked(scrolled.dropLast()), Self.agesMasked(redrawn.dropLast())).enumerated().compactMap { row, pair in
                pair.0 == pair.1 ? nil : "row \(row): \(pair.0.debugDescription) after the scroll, \(pair.1.debugDescription) redrawn"
            }
            if differences.isEmpty { break }
            if attempt == 3 {
                Issue.record(Comment(rawValue: "the scrolled screen differs from a full redraw:\n" + differences.joined(separator: "\n")))
            }
        }
        try session.sendKeys("q")
        try await session.waitForPromptAsync(timeout: 10)
    }

    /// Rows with the ages the clock moves (`0s`, `12m`, after a space or an SGR sequence's `m`)
    /// replaced by `#`.
    static func agesMasked(_ rows: some Sequence<String>) -> [String] {
        rows.map { row in row.replacing(/([ m])\d+[smhdy](?=[ \x1B]|$)/) { match in match.output.1 + "#" } }
    }

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int) ?? 0
    }

    static func text(_ path: String, from offset: Int) -> String {
        guard let data = FileManager.default.contents(atPath: path), data.count > offset else { return "" }
        return String(decoding: data[offset...], as: UTF8.self)
    }

    /// Waits until the recorded output is past `size` bytes and then quiet for 300 ms (the frame
    /// is complete).
    static func waitForOutput(_ path: String, growingPast size: Int) async throws {
        let deadline = Date().addingTimeInterval(10)
        var last = -1, quietSince = Date()
        while Date() < deadline {
            let now = Self.size(path)
            if now != last { last = now; quietSince = Date() }
            if now > size, Date().timeIntervalSince(quietSince) > 0.3 { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw TmuxSession.Failure(description: "the terminal output never grew past \(size) bytes (at \(last))")
    }
}
