import Foundation
import LeadOSAPI
import LeadOSSimulator
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A simulator in this process and the flags that point `leadtop` at it.
struct SimulatorAccount {
    let server: SimulatorServer

    static func start(historyLeads: Int = 300, hostileData: Bool = false) async throws -> SimulatorAccount {
        SimulatorAccount(server: try await SimulatorServer.start(SimulatorOptions(
            seed: 11, leadEvery: nil, rateLimitPerMinute: nil, faults: SimulatorFaults(hostileData: hostileData),
            historyLeads: historyLeads)))
    }

    var world: SimulatedWorld { server.world }
    var connection: [String] { ["--api-url", server.baseURL.absoluteString, "--api-key", server.apiKey] }

    func stop() async { await server.stop() }

    /// `GET /v1/…` with the key, as raw JSON: what LeadOS itself says, to compare output with.
    func rawJSON(_ path: String, query: [URLQueryItem] = []) async throws -> [String: Any] {
        var components = URLComponents(url: server.baseURL.appendingPathComponent("v1/" + path), resolvingAgainstBaseURL: false)!
        if !query.isEmpty { components.queryItems = query }
        var request = URLRequest(url: components.url!)
        request.setValue("Bearer \(server.apiKey)", forHTTPHeaderField: "Authorization")
        let (data, _) = try await URLSession.shared.data(for: request)
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// Every lead object of a window, walked page by page, as LeadOS sends them.
    func rawLeads(since: Date, until: Date) async throws -> [[String: Any]] {
        var all: [[String: Any]] = []
        var after: String?
        repeat {
            var query = [URLQueryItem(name: "since", value: Timestamp.format(since)),
                         URLQueryItem(name: "until", value: Timestamp.format(until)), URLQueryItem(name: "limit", value: "100")]
            if let after { query.append(URLQueryItem(name: "starting_after", value: after)) }
            let page = try await rawJSON("leads", query: query)
            all += page["data"] as! [[String: Any]]
            after = (page["has_more"] as? Bool) == true ? page["next_cursor"] as? String : nil
        } while after != nil
        return all
    }

    /// POST /_sim/faults: an outage (`fail_rate` 1) or its end.
    func setFailRate(_ rate: Double) async throws {
        var request = URLRequest(url: server.baseURL.appendingPathComponent("_sim/faults"))
        request.httpMethod = "POST"
        request.httpBody = Data(#"{"fail_rate":\#(rate)}"#.utf8)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        _ = try await URLSession.shared.data(for: request)
    }
}

/// JSON objects compared as values: both sides serialised with sorted keys.
func canonical(_ object: Any) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
}
