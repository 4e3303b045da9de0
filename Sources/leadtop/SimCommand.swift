import ArgumentParser
import Dispatch
import Foundation
import LeadOSAPI
import LeadOSSimulator

/// `leadtop sim`: serves the LeadOS API from a seeded simulated world until SIGINT or SIGTERM.
struct SimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "Run the LeadOS simulator: the whole v1 API over HTTP, with a living seeded world and fault injection."
    )

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on; 0 picks a free one.") var port = 8787
    @Option(name: .customLong("api-key"), help: "The accepted key (ldo_live_sk_ + 32 alphanumerics); generated when omitted.")
    var apiKey: String?
    @Option(help: "Seed of the simulated world.") var seed: UInt64 = 42
    @Option(name: .customLong("lead-every"), help: "Pace of automatic deliveries, e.g. 2s or 500ms; 0 turns them off.")
    var leadEvery = "2s"
    @Option(name: .customLong("clock-speed"), help: "Simulated seconds per real second.") var clockSpeed: Double = 1
    @Option(name: .customLong("start-date"), help: "Simulated time at start, e.g. 2026-05-07T14:23:00Z (default: now).")
    var startDate: String?
    @Option(name: .customLong("webhook-retry-scale"), help: "Multiplies the webhook retry delays (1 min … 24 h).")
    var webhookRetryScale: Double = 1
    @Option(name: .customLong("fail-rate"), help: "Share of API requests answered 500/503 (0–1).") var failRate: Double = 0
    @Option(help: "Extra delay per API request, e.g. 1500ms.") var latency = "0ms"
    @Option(name: .customLong("rate-limit"), help: "Requests per minute per key, e.g. 120/min; 0 or off for unlimited.")
    var rateLimit = "120/min"
    @Option(name: .customLong("garbage-rate"), help: "Share of API responses with a truncated or non-JSON body (0–1).")
    var garbageRate: Double = 0
    @Flag(name: .customLong("hostile-data"), help: "Generate names and texts full of escape sequences, bidi overrides and huge strings.")
    var hostileData = false
    @Option(help: "Number of campaigns in the starting world.") var campaigns = 6
    @Option(name: .customLong("history-leads"), help: "Exact number of leads in the 30-day history (default: from the daily caps).")
    var historyLeads: Int?

    func validate() throws {
        if let apiKey, !APIKey.isWellFormed(apiKey) {
            throw ValidationError("--api-key must be ldo_live_sk_ followed by 32 letters or digits.")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535.") }
        _ = try SimArguments.duration(leadEvery, option: "--lead-every")
        _ = try SimArguments.duration(latency, option: "--latency")
        _ = try SimArguments.rateLimit(rateLimit)
        guard clockSpeed >= 0, clockSpeed.isFinite else { throw ValidationError("--clock-speed must be 0 or more.") }
        guard webhookRetryScale >= 0, webhookRetryScale.isFinite else { throw ValidationError("--webhook-retry-scale must be 0 or more.") }
        guard (0...1).contains(failRate) else { throw ValidationError("--fail-rate must be from 0 to 1.") }
        guard (0...1).contains(garbageRate) else { throw ValidationError("--garbage-rate must be from 0 to 1.") }
        guard (0...20_000).contains(campaigns) else { throw ValidationError("--campaigns must be from 0 to 20000.") }
        if let historyLeads, !(0...5_000_000).contains(historyLeads) {
            throw ValidationError("--history-leads must be from 0 to 5000000.")
        }
        if let startDate, Timestamp.parse(startDate) == nil {
            throw ValidationError("--start-date must look like 2026-05-07T14:23:00Z.")
        }
    }

    func run() async throws {
        let every = try SimArguments.duration(leadEvery, option: "--lead-every")
        let options = SimulatorOptions(
            host: host, port: port, apiKey: apiKey, seed: seed, leadEvery: every > 0 ? every : nil,
            clockSpeed: clockSpeed, startDate: startDate.flatMap(Timestamp.parse), webhookRetryScale: webhookRetryScale,
            rateLimitPerMinute: try SimArguments.rateLimit(rateLimit),
            faults: SimulatorFaults(failRate: failRate, latency: try SimArguments.duration(latency, option: "--latency"),
                                    garbageRate: garbageRate, hostileData: hostileData),
            campaignCount: campaigns, historyLeads: historyLeads)
        let signals = SignalWaiter()
        let server: SimulatorServer
        do { server = try await SimulatorServer.start(options) } catch {
            throw ValidationError("could not start the simulator on \(host):\(port): \(error)")
        }
        // Written straight to the file descriptor: scripts wait for these lines through a pipe.
        let banner = """
            LeadOS simulator listening on \(server.baseURL.absoluteString)
            API key: \(server.apiKey)
            Try: curl -H "Authorization: Bearer \(server.apiKey)" \(server.baseURL.absoluteString)/v1/leads

            """
        FileHandle.standardOutput.write(Data(banner.utf8))
        await signals.wait()
        await server.stop()
    }
}

/// Parses the human-friendly option values.
enum SimArguments {
    /// `2s`, `1500ms`, `1m`, `0.5s`, or a bare number of seconds.
    static func duration(_ text: String, option: String) throws -> TimeInterval {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        for (suffix, factor) in units where t.hasSuffix(suffix) {
            if let v = Double(t.dropLast(suffix.count)), v >= 0, v.isFinite { return v * factor }
        }
        if let v = Double(t), v >= 0, v.isFinite { return v }
        throw ValidationError("\(option) must be a duration like 2s, 1500ms or 1m, not '\(text)'.")
    }

    /// `120/min`, `120`, `0` or `off` (unlimited → nil).
    static func rateLimit(_ text: String) throws -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if t == "off" || t == "0" || t == "none" || t == "unlimited" { return nil }
        let number = t.hasSuffix("/min") ? String(t.dropLast(4)) : t
        guard let n = Int(number), n > 0 else {
            throw ValidationError("--rate-limit must look like 120/min, or be 0/off for unlimited, not '\(text)'.")
        }
        return n
    }
}

/// Waits for SIGINT or SIGTERM, taken through Dispatch sources so the process can shut down cleanly.
final class SignalWaiter: @unchecked Sendable {
    // Invariant: `sources` is written once in init and only read afterwards.
    private var sources: [DispatchSourceSignal] = []
    private let fired = DispatchSemaphore(value: 0)

    init() {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [fired] in fired.signal() }
            source.resume()
            sources.append(source)
        }
    }

    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async { [fired] in
                fired.wait()
                continuation.resume()
            }
        }
    }
}
