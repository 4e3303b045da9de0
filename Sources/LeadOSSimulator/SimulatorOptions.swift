import Foundation

/// Everything that shapes one simulator run: where it listens, which key it accepts, how its world
/// is seeded and paced, and which faults it injects.
public struct SimulatorOptions: Sendable {
    public var host: String
    /// 0 picks a free port; the real one is in `SimulatorServer.baseURL`.
    public var port: Int
    /// The accepted key; nil generates a well-formed one.
    public var apiKey: String?
    public var seed: UInt64
    /// Wall-clock interval between automatic deliveries; nil means deliveries happen only on request.
    public var leadEvery: TimeInterval?
    /// How many simulated seconds pass per real second; 0 freezes the clock (tests advance it by hand).
    public var clockSpeed: Double
    /// Simulated time at start; nil means the real current time.
    public var startDate: Date?
    /// Multiplies the webhook retry schedule (API.md §8.1), e.g. 0.001 turns 1 min into 60 ms.
    public var webhookRetryScale: Double
    /// Requests per fixed 60 s window per key; nil means unlimited.
    public var rateLimitPerMinute: Int?
    public var faults: SimulatorFaults
    /// Number of campaigns in the starting world (at least one of each state when ≥ 5).
    public var campaignCount: Int
    /// Exact number of history leads over the last 30 days; nil picks a lively default from the caps.
    public var historyLeads: Int?
    /// Simulated seconds personalisation spends in `training`.
    public var personalisationTraining: TimeInterval

    public init(host: String = "127.0.0.1", port: Int = 0, apiKey: String? = nil, seed: UInt64 = 42,
                leadEvery: TimeInterval? = nil, clockSpeed: Double = 1, startDate: Date? = nil,
                webhookRetryScale: Double = 1, rateLimitPerMinute: Int? = 120, faults: SimulatorFaults = .none,
                campaignCount: Int = 6, historyLeads: Int? = nil, personalisationTraining: TimeInterval = 60) {
        self.host = host; self.port = port; self.apiKey = apiKey; self.seed = seed; self.leadEvery = leadEvery
        self.clockSpeed = clockSpeed; self.startDate = startDate; self.webhookRetryScale = webhookRetryScale
        self.rateLimitPerMinute = rateLimitPerMinute; self.faults = faults; self.campaignCount = campaignCount
        self.historyLeads = historyLeads; self.personalisationTraining = personalisationTraining
    }
}

/// Injected misbehaviour. Never applied to `/_sim/*` or `/openapi.json`.
public struct SimulatorFaults: Sendable, Codable, Hashable {
    /// Share of API requests answered with 500 or 503.
    public var failRate: Double
    /// Extra delay before every API response, in seconds.
    public var latency: TimeInterval
    /// Share of API responses whose body is truncated or not JSON at all.
    public var garbageRate: Double
    /// Newly generated people and companies carry terminal escapes, bidi overrides and huge strings.
    public var hostileData: Bool

    public static let none = SimulatorFaults(failRate: 0, latency: 0, garbageRate: 0, hostileData: false)

    public init(failRate: Double = 0, latency: TimeInterval = 0, garbageRate: Double = 0, hostileData: Bool = false) {
        self.failRate = failRate; self.latency = latency; self.garbageRate = garbageRate; self.hostileData = hostileData
    }
}
