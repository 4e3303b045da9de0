import Foundation
import LeadOSAPI
import LeadOSSimulator
import LeadTopCore
import LeadTopRuntime
import Testing

/// The dashboard's export over real HTTP against the simulator, into real files: every page of
/// the view's query, the view's text terms applied locally, nothing left behind on failure, and
/// an existing file kept unless the user agreed.
@Suite("Lead export", .serialized)
struct LeadExporterTests {
    final class Reports: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [ExportUpdate] = []
        var all: [ExportUpdate] { lock.withLock { items } }
        func add(_ update: ExportUpdate) { lock.withLock { items.append(update) } }
    }

    static func startSimulator() async throws -> SimulatorServer {
        try await SimulatorServer.start(SimulatorOptions(seed: 5, leadEvery: nil, rateLimitPerMinute: nil, historyLeads: 260))
    }

    static func exporter(_ sim: SimulatorServer, home: URL) throws -> LeadExporter {
        LeadExporter(client: try LeadOSClient(options: LeadOSClientOptions(baseURL: sim.baseURL, apiKey: sim.apiKey)),
                     home: home.path)
    }

    static func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("leadtop-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// The simulator's leads in LeadOS's order (delivered_at, then id, descending).
    static func newestFirst(_ leads: [Lead]) -> [Lead] {
        leads.sorted { ($0.deliveredAt, $0.id) > ($1.deliveredAt, $1.id) }
    }

    @Test("a scoped, filtered view is written as CSV: LeadOS's rows for campaign_id and min_score, the text term applied here")
    func csvOfAScopedFilteredView() async throws {
        let sim = try await Self.startSimulator()
        defer { Task { await sim.stop() } }
        let home = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: home) }
        let all = Self.newestFirst(sim.world.leads())
        let campaign = try #require(all.first?.campaignID)
        // A text term that some of the campaign's leads have and some do not.
        let inScope = all.filter { $0.campaignID == campaign && $0.score >= 40 }
        let term = try #require("qxzjkvwybfgh".map(String.init).first { letter in
            let count = inScope.filter { FeedFilter.haystack(for: $0).contains(letter) }.count
            return count > 3 && count < inScope.count
        })
        guard case .success(let filter) = FeedFilter.parse("\(term) score>=40", campaignID: campaign) else {
            Issue.record("filter does not parse"); return
        }
        let request = ExportRequest(path: "~/out.csv", filter: filter)
        let reports = Reports()
        var exporter = try Self.exporter(sim, home: home)
        exporter.pageSize = 25
        await exporter.run(request) { reports.add($0) }

        let expected = all.filter { $0.campaignID == campaign && $0.score >= 40 && request.matches($0) }
        #expect(expected.count > 3, "the fixture has rows to export")
        #expect(expected.count < all.filter { $0.campaignID == campaign && $0.score >= 40 }.count, "the term drops some")
        let text = try String(contentsOf: home.appendingPathComponent("out.csv"), encoding: .utf8)
        let wanted = try RecordText.csvLine(RecordKind.lead.columns)
            + expected.map { try RecordText.csvRow($0, columns: RecordKind.lead.columns) }.joined()
        #expect(text == wanted)
        #expect(reports.all.last == .finished(path: "~/out.csv", count: expected.count, skipped: 0))
        #expect(reports.all.dropLast().allSatisfy { if case .progress = $0 { true } else { false } })
        // The view's campaign and floor went to LeadOS: one request per page of what they match
        // (without them it would be a page per 25 of all leads).
        let serverMatches = all.filter { $0.campaignID == campaign && $0.score >= 40 }.count
        #expect(sim.world.servedRequests().filter { $0.path == "/v1/leads" }.count == max(1, (serverMatches + 24) / 25))
        let files = try FileManager.default.contentsOfDirectory(atPath: home.path)
        #expect(files == ["out.csv"], "no temporary file is left")
    }

    @Test("a .jsonl path writes one lead per line, the API's objects")
    func jsonLines() async throws {
        let sim = try await Self.startSimulator()
        defer { Task { await sim.stop() } }
        let home = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: home) }
        let target = home.appendingPathComponent("all.jsonl")
        let reports = Reports()
        try await Self.exporter(sim, home: home).run(ExportRequest(path: target.path, filter: .all)) { reports.add($0) }
        let lines = try String(contentsOf: target, encoding: .utf8).split(separator: "\n")
        let leads = try lines.map { try LeadOSJSON.decode(Lead.self, from: Data($0.utf8)) }
        #expect(leads == Self.newestFirst(sim.world.leads()))
        #expect(reports.all.last == .finished(path: target.path, count: leads.count, skipped: 0))
    }

    @Test("an existing file is kept and reported unless the request says to overwrite it")
    func existingFile() async throws {
        let sim = try await Self.startSimulator()
        defer { Task { await sim.stop() } }
        let home = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: home) }
        let target = home.appendingPathComponent("there.csv")
        try "keep me\n".write(to: target, atomically: true, encoding: .utf8)
        let request = ExportRequest(path: target.path, filter: .all)
        let reports = Reports()
        let exporter = try Self.exporter(sim, home: home)
        await exporter.run(request) { reports.add($0) }
        #expect(reports.all == [.exists(request)])
        #expect(try String(contentsOf: target, encoding: .utf8) == "keep me\n")
        #expect(sim.world.servedRequests().filter { $0.path == "/v1/leads" }.isEmpty, "nothing is fetched for a refused file")

        var replacing = request
        replacing.overwrite = true
        await exporter.run(replacing) { reports.add($0) }
        let count = sim.world.leads().count
        #expect(reports.all.last == .finished(path: target.path, count: count, skipped: 0))
        #expect(try String(contentsOf: target, encoding: .utf8).components(separatedBy: "\r\n").count == count + 2)
    }

    @Test("a directory that does not exist fails with the path and the reason, and LeadOS failing leaves no file")
    func failures() async throws {
        let sim = try await Self.startSimulator()
        defer { Task { await sim.stop() } }
        let home = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: home) }
        let reports = Reports()
        let missing = home.appendingPathComponent("no/such/dir/x.csv").path
        try await Self.exporter(sim, home: home).run(ExportRequest(path: missing, filter: .all)) { reports.add($0) }
        #expect(reports.all == [.failed(path: missing, reason: "cannot create \(missing): No such file or directory")])

        // A refused key: the walk fails on its first page, and no file (or temporary file) stays.
        let refused = LeadExporter(client: try LeadOSClient(options: LeadOSClientOptions(
            baseURL: sim.baseURL, apiKey: "ldo_live_sk_" + String(repeating: "z", count: 32))), home: home.path)
        let target = home.appendingPathComponent("refused.csv")
        let more = Reports()
        await refused.run(ExportRequest(path: target.path, filter: .all)) { more.add($0) }
        guard case .failed(let path, let reason)? = more.all.last else {
            Issue.record("no failure reported: \(more.all)"); return
        }
        #expect(path == target.path)
        #expect(reason.hasPrefix("LeadOS rejected the API key"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.path) == [])
    }
}
