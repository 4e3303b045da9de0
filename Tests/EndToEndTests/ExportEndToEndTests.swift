import CSV
import Foundation
import Glibc
import LeadOSAPI
import LeadOSSimulator
import Testing

/// `x` in the real dashboard, in tmux, against a simulator in this process: the CSV it writes
/// holds the rows `leadtop leads --format csv` prints for the same campaign and score floor.
@Suite("Export in tmux", .serialized)
struct ExportEndToEndTests {
    /// Every record of a CSV text, header first.
    static func rows(_ text: String) throws -> [[String]] {
        let reader = try CSVReader(string: text, hasHeaderRow: false)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        return rows
    }

    @Test("x with a scope and score>=50, Enter on the default path: the file's rows equal leadtop leads --format csv --campaign ID --min-score 50")
    func exportEqualsTheCommandLine() async throws {
        let sim = try await SimulatorServer.start(SimulatorOptions(seed: 7, leadEvery: 0, rateLimitPerMinute: nil, historyLeads: 400))
        defer { Task { await sim.stop() } }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("leadtop-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("config/leadtop"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let session = try TmuxSession(width: 120, height: 40, environment: [
            "HOME": directory.path,
            "XDG_STATE_HOME": directory.appendingPathComponent("state").path,
            "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path,
        ])
        defer { session.kill() }
        let config = directory.appendingPathComponent("config/leadtop/config.toml")
        try """
            api_url = "\(sim.baseURL.absoluteString)"
            api_key = "\(sim.apiKey)"
            """.write(to: config, atomically: true, encoding: .utf8)
        chmod(config.path, 0o600)

        // The campaign with the most leads, so the export spans several pages.
        let byCampaign = Dictionary(grouping: sim.world.leads(), by: \.campaignID)
        let (campaign, leads) = try #require(byCampaign.max { $0.value.count < $1.value.count })
        let expectedCount = leads.filter { $0.score >= 50 }.count
        #expect(expectedCount > 100, "more than one page of LeadOS's")

        let binary = try FirstContactEndToEndTests.binary()
        try session.runCommand(binary)
        try await session.waitForAsync(timeout: 15, "the feed") { screen in
            screen.contains { $0.contains("Live lead feed (") && !$0.contains("Live lead feed (0)") }
                && screen.contains { $0.contains("● live") }
        }
        try session.sendKeys(":")
        try session.sendLiteral("scope \(campaign)")
        try session.sendKeys("Enter")
        try await session.waitForAsync(text: "only (a: all campaigns)")
        try session.sendKeys("/")
        try session.sendLiteral("score>=50")
        try session.sendKeys("Enter")
        try session.sendKeys("x")
        let prompt = try await session.waitForAsync(text: "Export to ~/leadtop-leads-")
        let path = try #require(prompt.last { $0.contains("Export to ") }.flatMap { line -> String? in
            guard let start = line.range(of: "Export to ")?.upperBound, let end = line.range(of: ".csv")?.upperBound else { return nil }
            return String(line[start..<end])
        })
        try session.sendKeys("Enter")
        try await session.waitForAsync(text: "Exported \(Self.grouped(expectedCount)) leads to \(path)", timeout: 30)
        try session.sendKeys("q")
        try await session.waitForPromptAsync()

        let exported = directory.appendingPathComponent(String(path.dropFirst(2)))
        let cli = directory.appendingPathComponent("cli.csv")
        try session.runCommand("\(binary) leads --format csv --campaign \(campaign) --min-score 50 > \(TmuxSession.shellQuoted(cli.path))")
        try await session.waitForPromptAsync(timeout: 30)

        let exportedText = try String(contentsOf: exported, encoding: .utf8)
        let cliText = try String(contentsOf: cli, encoding: .utf8)
        let exportedRows = try Self.rows(exportedText)
        let cliRows = try Self.rows(cliText)
        #expect(exportedRows.count == expectedCount + 1)
        #expect(exportedRows == cliRows)
        #expect(exportedText == cliText, "byte for byte, as one renderer wrote both")
        // Only 0600: leads are personal data.
        let attributes = try FileManager.default.attributesOfItem(atPath: exported.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}
