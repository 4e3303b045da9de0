import Foundation
import Hummingbird
import LeadOSAPI

/// `/_sim/*`: unauthenticated controls for tests and demos, answered only to loopback peers and
/// never subject to faults.
struct AdminRoutes {
    let core: SimulatorCore

    func respond(to request: Request, path: String, loopback: Bool, requestID: String) async -> Reply {
        let method = request.method.rawValue
        guard loopback else { return .routeNotFound(method: method, path: path, requestID: requestID) }
        var object: [String: JSONValue] = [:]
        if method == "POST" {
            switch await SimulatorResponder.readBody(request) {
            case .success(.object(let o)): object = o
            case .success: return .error(SimulatorResponder.invalidJSON, requestID: requestID)
            case .failure(let f): return .error(f, requestID: requestID)
            }
        }
        do throws(APIFailure) {
            switch (method, path) {
            case ("GET", "/_sim/faults"):
                return .json(200, faultsObject())
            case ("POST", "/_sim/faults"):
                try applyFaults(BodyFields(object: object))
                return .json(200, faultsObject())
            case ("POST", "/_sim/deliver"):
                let b = BodyFields(object: object)
                try b.check(allowed: ["count"])
                let count = (try b.int("count", range: 0...10_000) ?? 1) ?? 1
                return .json(200, core.world.deliver(count: count))
            case ("POST", "/_sim/advance"):
                let b = BodyFields(object: object)
                try b.check(allowed: ["seconds"])
                let seconds = (try b.int("seconds", range: 0...(400 * 86_400)) ?? 0) ?? 0
                core.world.advanceClock(by: TimeInterval(seconds))
                return .json(200, ["now": Timestamp.format(core.world.now())])
            case ("GET", "/_sim/writes"):
                return .json(200, core.world.appliedWrites())
            case ("GET", "/_sim/requests"):
                return .json(200, core.world.servedRequests())
            default:
                return .routeNotFound(method: method, path: path, requestID: requestID)
            }
        } catch {
            return .error(error, requestID: requestID)
        }
    }

    private struct FaultsObject: Encodable {
        var failRate: Double, latencyMS: Int, garbageRate: Double, hostileData: Bool, rateLimitPerMinute: Int?
        enum CodingKeys: String, CodingKey {
            case failRate = "fail_rate", latencyMS = "latency_ms", garbageRate = "garbage_rate"
            case hostileData = "hostile_data", rateLimitPerMinute = "rate_limit_per_minute"
        }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(failRate, forKey: .failRate)
            try c.encode(latencyMS, forKey: .latencyMS)
            try c.encode(garbageRate, forKey: .garbageRate)
            try c.encode(hostileData, forKey: .hostileData)
            try c.encode(rateLimitPerMinute, forKey: .rateLimitPerMinute)
        }
    }

    private func faultsObject() -> FaultsObject {
        let f = core.currentFaults
        return FaultsObject(failRate: f.failRate, latencyMS: Int((f.latency * 1000).rounded()), garbageRate: f.garbageRate,
                            hostileData: f.hostileData, rateLimitPerMinute: core.rateLimiter.perMinute)
    }

    /// Changes only the fields present.
    private func applyFaults(_ b: BodyFields) throws(APIFailure) {
        try b.check(allowed: ["fail_rate", "latency_ms", "garbage_rate", "hostile_data", "rate_limit_per_minute"])
        var f = core.currentFaults
        if let v = b.object["fail_rate"] { f.failRate = try rate("fail_rate", v) }
        if let v = b.object["garbage_rate"] { f.garbageRate = try rate("garbage_rate", v) }
        if let v = try b.int("latency_ms", range: 0...600_000) { f.latency = Double(v ?? 0) / 1000 }
        if let v = b.object["hostile_data"] {
            guard case .bool(let h) = v else { throw .invalid("hostile_data", "hostile_data must be a boolean.") }
            f.hostileData = h
        }
        if b.has("rate_limit_per_minute") {
            let limit = try b.int("rate_limit_per_minute", nullable: true, range: 1...10_000_000)
            core.rateLimiter.setLimit(limit ?? nil)
        }
        core.setFaults(f)
    }

    private func rate(_ key: String, _ v: JSONValue) throws(APIFailure) -> Double {
        let d: Double
        switch v {
        case .int(let i): d = Double(i)
        case .double(let x): d = x
        default: throw .invalid(key, "\(key) must be a number from 0 to 1.")
        }
        guard (0...1).contains(d) else { throw .invalid(key, "\(key) must be a number from 0 to 1.") }
        return d
    }
}
