import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import LeadOSAPI
@testable import LeadOSSimulator

/// A simulator on a free loopback port with a frozen clock at a fixed instant, and a small HTTP
/// client for it. Every test starts its own, so tests never share state.
struct SimulatorHarness {
    static let start = Timestamp.parse("2026-05-07T14:23:00Z")!

    let server: SimulatorServer
    let session: URLSession

    static func make(seed: UInt64 = 42, rateLimit: Int? = nil, campaigns: Int = 6, historyLeads: Int? = nil,
                     webhookRetryScale: Double = 0.0001, training: TimeInterval = 60,
                     faults: SimulatorFaults = .none) async throws -> SimulatorHarness {
        let options = SimulatorOptions(port: 0, seed: seed, clockSpeed: 0, startDate: start,
                                       webhookRetryScale: webhookRetryScale, rateLimitPerMinute: rateLimit, faults: faults,
                                       campaignCount: campaigns, historyLeads: historyLeads, personalisationTraining: training)
        let server = try await SimulatorServer.start(options)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.connectionProxyDictionary = [:]
        configuration.timeoutIntervalForRequest = 20
        return SimulatorHarness(server: server, session: URLSession(configuration: configuration))
    }

    var world: SimulatedWorld { server.world }

    struct HTTPReply {
        var status: Int
        var headers: [String: String]
        var body: Data

        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }

        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }

        var error: (type: String, code: String, param: String?) {
            let e = json["error"] as? [String: Any] ?? [:]
            return (e["type"] as? String ?? "", e["code"] as? String ?? "", e["param"] as? String)
        }

        func decode<T: Decodable>(_ type: T.Type) throws -> T { try LeadOSJSON.decode(type, from: body) }
    }

    /// Sends a request; `auth: nil` sends no Authorization header.
    func send(_ method: String, _ path: String, body: String? = nil, auth: String? = "default",
              headers: [String: String] = [:]) async throws -> HTTPReply {
        var request = URLRequest(url: URL(string: server.baseURL.absoluteString + path)!)
        request.httpMethod = method
        if let auth { request.setValue(auth == "default" ? "Bearer \(server.apiKey)" : auth, forHTTPHeaderField: "Authorization") }
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var h: [String: String] = [:]
        for (k, v) in http.allHeaderFields { h[String(describing: k)] = String(describing: v) }
        return HTTPReply(status: http.statusCode, headers: h, body: data)
    }

    func get(_ path: String) async throws -> HTTPReply { try await send("GET", path) }

    func post(_ path: String, _ body: String? = nil, key: String? = nil) async throws -> HTTPReply {
        try await send("POST", path, body: body, headers: key.map { ["Idempotency-Key": $0] } ?? [:])
    }

    func patch(_ path: String, _ body: String, key: String? = nil) async throws -> HTTPReply {
        try await send("PATCH", path, body: body, headers: key.map { ["Idempotency-Key": $0] } ?? [:])
    }

    func stop() async {
        session.invalidateAndCancel()
        await server.stop()
    }
}

/// Runs `body` against a fresh simulator and always stops it.
func withSimulator<T>(seed: UInt64 = 42, rateLimit: Int? = nil, campaigns: Int = 6, historyLeads: Int? = nil,
                      webhookRetryScale: Double = 0.0001, training: TimeInterval = 60, faults: SimulatorFaults = .none,
                      _ body: (SimulatorHarness) async throws -> T) async throws -> T {
    let sim = try await SimulatorHarness.make(seed: seed, rateLimit: rateLimit, campaigns: campaigns, historyLeads: historyLeads,
                                              webhookRetryScale: webhookRetryScale, training: training, faults: faults)
    do {
        let result = try await body(sim)
        await sim.stop()
        return result
    } catch {
        await sim.stop()
        throw error
    }
}
