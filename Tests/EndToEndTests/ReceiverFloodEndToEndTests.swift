import Foundation
import Glibc
import LeadOSAPI
import LeadOSSimulator
import LeadTopTestSupport
import Testing

/// The real dashboard's webhook receiver under a flood of idle connections, in tmux: the flood
/// costs no CPU and no more than the connection cap in descriptors, and once the idle ones time
/// out a pushed lead reaches the screen (every poller off, so only push can bring it).
@Suite("Webhook receiver flood in tmux", .serialized)
struct ReceiverFloodEndToEndTests {
    /// Opens an idle TCP connection to `port`; -1 when refused.
    static func idleConnection(to port: Int) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        if !connected { close(fd); return -1 }
        return fd
    }

    @Test("200 idle connections cost no CPU, hold at most the cap, and a pushed lead arrives after they time out")
    func idleFlood() async throws {
        let sim = try await SimulatorServer.start(SimulatorOptions(seed: 7, leadEvery: 0, webhookRetryScale: 0.01,
                                                                   rateLimitPerMinute: nil))
        defer { Task { await sim.stop() } }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("leadtop-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("config/leadtop")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try """
            api_url = "\(sim.baseURL.absoluteString)"
            api_key = "\(sim.apiKey)"
            [poll]
            feed = 0
            campaigns = 0
            balance = 0
            stats = 0
            feedback_summary = 0
            """.write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        chmod(config.appendingPathComponent("config.toml").path, 0o600)
        let session = try TmuxSession(width: 120, height: 40, environment: [
            "XDG_STATE_HOME": directory.appendingPathComponent("state").path,
            "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path,
        ])
        defer { session.kill() }
        let port = LoopbackPort.free()
        try session.runCommand("\(TmuxSession.shellQuoted(try BuiltProducts.executable("leadtop"))) --listen 127.0.0.1:\(port)")
        let deadline = Date().addingTimeInterval(15)
        while !sim.world.servedRequests().contains(where: { $0.path == "/v1/webhooks" && $0.status == 201 }) {
            guard Date() < deadline else { throw TmuxSession.Failure(description: "the receiver was never registered") }
            try await Task.sleep(for: .milliseconds(50))
        }
        let pid = try session.childPID(named: "leadtop")

        var held: [Int32] = []
        defer { for fd in held where fd >= 0 { close(fd) } }
        for _ in 0..<200 { held.append(Self.idleConnection(to: port)) }
        try await Task.sleep(for: .seconds(1))
        let before = try #require(ProcessStat.read(pid)).cpuTicks
        try await Task.sleep(for: .seconds(5))
        let spent = try #require(ProcessStat.read(pid)).cpuTicks - before
        let descriptors = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").count
        #expect(spent <= 10, "\(spent) ticks of CPU in 5 s while flooded")
        #expect(descriptors < 64 + 60, "\(descriptors) descriptors open while flooded")

        // The held connections time out after 30 s; then a webhook gets through.
        try await Task.sleep(for: .seconds(31))
        let lead = try #require(sim.world.deliver(count: 1).first)
        // The NAME column may cut a long first name short: its first letters are always shown.
        let firstName = String((lead.fullName.split(separator: " ").first ?? "").prefix(6))
        try await session.waitForAsync(timeout: 20, "the pushed lead") { screen in
            screen.contains { $0.contains(firstName) }
        }
        try session.sendKeys("q")
        try await session.waitForPromptAsync(timeout: 10)
    }
}
