import Foundation
import LeadOSAPI
import LeadOSSimulator
import Logging
import Testing
@testable import LeadTopRuntime

/// The log file: one line per request at debug with no key in it, private to its owner, and kept
/// small by moving it aside.
@Suite struct RequestLogTests {
    static func tempLog() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("leadtop-log-\(UUID().uuidString)/leadtop.log").path
    }

    @Test func oneLinePerRequestWithoutTheKey() async throws {
        let sim = try await EngineSimulatorTests.simulator()
        defer { Task { await sim.stop() } }
        let path = Self.tempLog()
        let logger = try RequestLog.logger(path: path, level: .debug)
        let client = try LeadOSClient(options: LeadOSClientOptions(
            baseURL: sim.baseURL, apiKey: sim.apiKey, onExchange: RequestLog.recorder(logger)))
        _ = try await client.balance()
        let wrong = try LeadOSClient(options: LeadOSClientOptions(
            baseURL: sim.baseURL, apiKey: "ldo_live_sk_" + String(repeating: "z", count: 32), retryPolicy: .once,
            onExchange: RequestLog.recorder(logger)))
        await #expect(throws: LeadOSError.self) { try await wrong.feedbackSummary() }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].contains(" debug leadtop: GET /v1/usage/balance 200 ms="))
        #expect(lines[0].contains(" request_id=req_"))
        #expect(lines[1].contains(" debug leadtop: GET /v1/feedback/summary 401 ms="))
        let text = lines.joined()
        #expect(!text.contains(sim.apiKey) && !text.contains("zzzz"))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func warningLevelLogsNoRequests() throws {
        let path = Self.tempLog()
        let logger = try RequestLog.logger(path: path, level: .warning)
        RequestLog.recorder(logger)(Exchange(method: .get, path: "/v1/leads", status: 200, failure: nil, duration: 0.01, requestID: nil))
        logger.info("connection live")
        logger.warning("push unavailable")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.split(separator: "\n").count == 1 && text.contains(" warning leadtop: push unavailable"))
    }

    @Test func theFileIsMovedAsideAtItsCap() throws {
        let path = Self.tempLog()
        let logger = try RequestLog.logger(path: path, level: .info, maxBytes: 4096)
        for i in 0..<100 { logger.info("line \(i) \(String(repeating: "x", count: 60))") }
        let current = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        let older = try FileManager.default.attributesOfItem(atPath: path + ".1")[.size] as? Int ?? 0
        #expect(current <= 4096 && older <= 4096 && older > 3000)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasSuffix(" info leadtop: line 99 \(String(repeating: "x", count: 60))\n"))
    }
}
