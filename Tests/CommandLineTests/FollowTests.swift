import Foundation
import LeadOSAPI
import LeadOSSimulator
import LeadTopTestSupport
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

/// `leads --follow --listen`: leads come by push, the poll only as a safety net.
@Suite("leadtop leads --follow --listen", .serialized)
struct FollowPushTests {
    /// Waits until LeadOS has answered `count` webhook registrations with 201.
    static func waitForRegistrations(_ count: Int, _ account: SimulatorAccount, _ process: LeadTopProcess) async throws {
        let deadline = Date().addingTimeInterval(20)
        while account.world.servedRequests().filter({ $0.path == "/v1/webhooks" && $0.status == 201 }).count < count {
            guard Date() < deadline else {
                throw LeadTopProcess.Failure(description: "no registration; stderr: \(process.stderr)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    static func feedPolls(_ account: SimulatorAccount) -> Int {
        account.world.servedRequests().filter { $0.path == "/v1/leads" }.count
    }

    @Test("a lead delivered after the start is printed once, by push, with the safety-net poll 10 minutes away; a second run reuses the registration")
    func pushedLeadPrintedOnce() async throws {
        let account = try await SimulatorAccount.start(historyLeads: 30)
        defer { Task { await account.stop() } }
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("leadtop-follow-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let environment = ["XDG_STATE_HOME": state.path, "XDG_CONFIG_HOME": state.appendingPathComponent("config").path]
        let listen = "127.0.0.1:\(LoopbackPort.free())"
        let arguments = ["leads", "--follow", "--listen", listen, "--interval", "600"] + account.connection

        let process = try LeadTopProcess(arguments, environment: environment)
        try await Self.waitForRegistrations(1, account, process)
        try await FollowTests.waitForFirstPoll(account, process)
        #expect(Self.feedPolls(account) == 1, "the one poll that sets the cursor")
        let first = try #require(account.world.deliver(count: 1).first)
        let lines = try await process.waitForLines(1, timeout: 15)
        #expect(try LeadOSJSON.decode(Lead.self, from: Data(lines[0].utf8)) == first)
        let second = try #require(account.world.deliver(count: 1).first)
        let both = try await process.waitForLines(2, timeout: 15)
        #expect(try both.map { try LeadOSJSON.decode(Lead.self, from: Data($0.utf8)).id } == [first.id, second.id])
        #expect(Self.feedPolls(account) == 1, "both came by push, not by a poll")
        process.signal(SIGINT)
        let result = try await process.wait(timeout: 10)
        #expect(result.status == 130)
        #expect(result.stdout.split(separator: "\n").count == 2, "each lead once: \(result.stdout)")

        // Started again on the same address: the saved registration, no second POST /v1/webhooks.
        let again = try LeadTopProcess(arguments, environment: environment)
        let deadline = Date().addingTimeInterval(20)
        while Self.feedPolls(account) < 2, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        // The receiver has its saved secret before the cursor poll is made.
        let third = try #require(account.world.deliver(count: 1).first)
        let line = try await again.waitForLines(1, timeout: 15)
        #expect(try LeadOSJSON.decode(Lead.self, from: Data(line[0].utf8)) == third)
        #expect(account.world.servedRequests().filter { $0.path == "/v1/webhooks" }.count == 1)
        again.signal(SIGINT)
        _ = try await again.wait(timeout: 10)
    }

    @Test("--listen without --follow, and a bad address, are usage errors")
    func usage() async throws {
        let alone = try await LeadTopProcess.run(["leads", "--listen", "127.0.0.1:9740", "--api-key", "x"])
        #expect(alone.status == 64)
        #expect(alone.stderr.contains("--listen needs --follow"))
        let bad = try await LeadTopProcess.run(["leads", "--follow", "--listen", "nowhere", "--api-key", "x"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--listen must look like 127.0.0.1:9740"))
    }

    @Test("an address already in use ends the command with 2 and says so, before anything is printed")
    func addressInUse() async throws {
        let account = try await SimulatorAccount.start(historyLeads: 5)
        defer { Task { await account.stop() } }
        let taken = try #require(account.server.baseURL.port)
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("leadtop-follow-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let result = try await LeadTopProcess.run(["leads", "--follow", "--listen", "127.0.0.1:\(taken)"] + account.connection,
                                                  environment: ["XDG_STATE_HOME": state.path])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("webhook receiver could not listen on 127.0.0.1:\(taken)"), "\(result.stderr)")
        #expect(account.world.servedRequests().filter { $0.path == "/v1/webhooks" }.isEmpty)
    }
}
