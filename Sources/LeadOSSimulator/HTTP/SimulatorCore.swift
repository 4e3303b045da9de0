import Foundation
import LeadOSAPI
import Synchronization

/// State the HTTP layer shares across requests: the world, the accepted key, faults, rate limits,
/// idempotency records and the OpenAPI document.
final class SimulatorCore: Sendable {
    let world: SimulatedWorld
    let apiKey: String
    let rateLimiter: RateLimiter
    let idempotency = IdempotencyStore()
    let pageCache = PageCache()
    let faults: Mutex<SimulatorFaults>
    let openAPIDocument: [UInt8]

    init(world: SimulatedWorld, apiKey: String, rateLimitPerMinute: Int?, faults: SimulatorFaults) {
        self.world = world
        self.apiKey = apiKey
        rateLimiter = RateLimiter(perMinute: rateLimitPerMinute)
        self.faults = Mutex(faults)
        openAPIDocument = Self.loadOpenAPI()
    }

    var currentFaults: SimulatorFaults { faults.withLock { $0 } }

    func setFaults(_ f: SimulatorFaults) {
        faults.withLock { $0 = f }
        world.setHostile(f.hostileData)
    }

    static func loadOpenAPI() -> [UInt8] {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
              let data = try? Data(contentsOf: url) else { return Array("{}".utf8) }
        return Array(data)
    }
}
