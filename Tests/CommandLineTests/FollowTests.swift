import Foundation
import LeadOSAPI
import LeadOSSimulator
import Testing

/// `leads --follow`: new leads within one poll interval, none twice or lost through an outage,
/// and Ctrl-C ends it with 130.
@Suite("leadtop leads --follow", .serialized)
struct FollowTests {
    /// Waits until the follower has made its first request (its cursor is set from then on).
    static func waitForFirstPoll(_ account: SimulatorAccount, _ process: LeadTopProcess) async throws {
        let deadline = Date().addingTimeInterval(20)
        while !account.world.servedRequests().contains(where: { $0.path == "/v1/leads" }) {
            guard Date() < deadline else { throw LeadTopProcess.Failure(description: "no poll; stderr: \(process.stderr)") }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    @Test("a lead delivered after it started is printed within one poll interval; Ctrl-C exits 130")
    func newLeadWithinOneInterval() async throws {
        let account = try await SimulatorAccount.start(historyLeads: 30)
        defer { Task { await account.stop() } }
        let process = try LeadTopProcess(["leads", "--follow", "--interval", "1"] + account.connection)
        try await Self.waitForFirstPoll(account, process)
        try await Task.sleep(for: .milliseconds(100))
        #expect(process.stdout == "") // the history is not printed without --since

        let delivered = try #require(account.world.deliver(count: 1).first)
        let started = Date()
        let lines = try await process.waitForLines(1, timeout: 1.0 + 1.0)
        #expect(Date().timeIntervalSince(started) < 1.0 + 0.5)
        let lead = try LeadOSJSON.decode(Lead.self, from: Data(lines[0].utf8))
        #expect(lead == delivered)

        process.signal(SIGINT)
        let result = try await process.wait(timeout: 10)
        #expect(result.status == 130)
        #expect(result.stdout.split(separator: "\n").count == 1)
    }

    @Test("leads delivered during an outage come once each after it, in delivery order, after the window from --since")
    func throughAnOutage() async throws {
        let account = try await SimulatorAccount.start(historyLeads: 30)
        defer { Task { await account.stop() } }
        let history = account.world.leads().sorted { ($0.deliveredAt, $0.id) < ($1.deliveredAt, $1.id) }
        let since = history[history.count - 5].deliveredAt
        let window = history.filter { $0.deliveredAt >= since }
        let process = try LeadTopProcess(["leads", "--follow", "--interval", "0.5", "--since", Timestamp.format(since)] + account.connection)
        _ = try await process.waitForLines(window.count, timeout: 10)

        try await account.setFailRate(1)
        let during = account.world.deliver(count: 3)
        // The follower's retries fail and it says so on stderr, then keeps polling.
        let deadline = Date().addingTimeInterval(40)
        while !process.stderr.contains("trying again") {
            guard Date() < deadline else { Issue.record("no outage reported: \(process.stderr)"); break }
            try await Task.sleep(for: .milliseconds(100))
        }
        try await account.setFailRate(0)
        let after = account.world.deliver(count: 2)

        let fresh = during + after
        _ = try await process.waitForLines(window.count + fresh.count, timeout: 40)
        // One more poll interval: nothing comes twice.
        try await Task.sleep(for: .milliseconds(1200))
        process.signal(SIGINT)
        let result = try await process.wait(timeout: 10)
        #expect(result.status == 130)
        let printed = try result.stdout.split(separator: "\n").map { try LeadOSJSON.decode(Lead.self, from: Data($0.utf8)).id }
        #expect(Array(printed.prefix(window.count)) == window.map(\.id))
        #expect(printed.count == window.count + fresh.count)
        #expect(Set(printed.dropFirst(window.count)) == Set(fresh.map(\.id)))
    }

    @Test("--follow --limit 2 --format csv ends with 0 after the second new lead, one header row")
    func followWithLimit() async throws {
        let account = try await SimulatorAccount.start(historyLeads: 30)
        defer { Task { await account.stop() } }
        let process = try LeadTopProcess(["leads", "--follow", "--interval", "0.5", "--limit", "2", "--format", "csv",
                                          "--fields", "id,score"] + account.connection)
        try await Self.waitForFirstPoll(account, process)
        let delivered = account.world.deliver(count: 3).sorted { ($0.deliveredAt, $0.id) < ($1.deliveredAt, $1.id) }
        let result = try await process.wait(timeout: 20)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "id,score\r\n" + delivered.prefix(2).map { "\($0.id),\($0.score)\r\n" }.joined())
    }
}
