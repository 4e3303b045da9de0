import Foundation
import LeadOSAPI
import Synchronization

/// A write the HTTP layer actually executed (replays are not logged): tests use the log to prove
/// that retried writes were applied exactly once.
public struct AppliedWrite: Sendable, Hashable, Codable {
    public var method: String
    public var path: String
    public var idempotencyKey: String?
    public var status: Int
    public var at: Date

    enum CodingKeys: String, CodingKey { case method, path, idempotencyKey = "idempotency_key", status, at }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(method, forKey: .method)
        try c.encode(path, forKey: .path)
        try c.encode(idempotencyKey, forKey: .idempotencyKey)
        try c.encode(status, forKey: .status)
        try c.encode(at, forKey: .at)
    }
}

/// The thread-safe simulated LeadOS account. Invariant: `state` is only touched inside
/// `state.withLock`, and webhook events leave through `eventSink` only after the lock is released.
public final class SimulatedWorld: Sendable {
    public let clock: SimulationClock
    private let state: Mutex<WorldState>
    private let writes = Mutex<[AppliedWrite]>([])
    private let served = Mutex(RequestLog())
    private let sink = Mutex<(@Sendable ([WorldState.OutgoingEvent]) -> Void)?>(nil)

    /// A seeded world whose history ends at the clock's current time.
    public init(seed: UInt64, clock: SimulationClock, campaignCount: Int = 6, historyLeads: Int? = nil,
                hostileData: Bool = false, personalisationTraining: TimeInterval = 60) {
        self.clock = clock
        var s = WorldState(seed: seed, now: clock.now(), hostile: hostileData, trainingDuration: personalisationTraining)
        s.populate(now: clock.now(), campaignCount: campaignCount, historyLeads: historyLeads)
        state = Mutex(s)
    }

    /// Runs `body` on the state under the lock at the current simulated time, then hands any
    /// webhook events it produced to the sink.
    func mutate<T>(_ body: (inout WorldState, Date) throws(APIFailure) -> T) throws(APIFailure) -> T {
        let now = clock.now()
        let (result, events): (Result<T, APIFailure>, [WorldState.OutgoingEvent]) = state.withLock { s in
            s.advance(to: now)
            let r: Result<T, APIFailure>
            do throws(APIFailure) { r = .success(try body(&s, now)) } catch { r = .failure(error) }
            let out = s.outbox
            s.outbox.removeAll()
            return (r, out)
        }
        if !events.isEmpty, let deliver = sink.withLock({ $0 }) { deliver(events) }
        return try result.get()
    }

    func setEventSink(_ deliver: (@Sendable ([WorldState.OutgoingEvent]) -> Void)?) { sink.withLock { $0 = deliver } }

    func setHostile(_ hostile: Bool) { state.withLock { $0.hostile = hostile } }

    // MARK: - Inspection and control for tests

    /// All campaigns in list order (newest first).
    public func campaigns() -> [Campaign] {
        (try? mutate { s, now in s.campaignOrder.map { s.campaign(s.campaigns[$0]!, now: now) } }) ?? []
    }

    public func campaign(id: String) -> Campaign? {
        try? mutate { s, now in s.campaigns[id].map { s.campaign($0, now: now) } }
    }

    /// All leads, newest first.
    public func leads() -> [Lead] { state.withLock { $0.leads.reversed().map(\.lead) } }

    public func lead(id: String) -> Lead? { state.withLock { s in s.leadIndex(id).map { s.leads[$0].lead } } }

    public func suppressedEmails() -> Set<String> { state.withLock { $0.suppressed } }

    public func balance() -> Balance { (try? mutate { s, _ in s.balance() }) ?? state.withLock { $0.balance() } }

    public func feedbackSummary() -> FeedbackSummary { (try? mutate { s, _ in s.feedbackSummary() })! }

    /// Forces up to `count` deliveries now, with every rule deliveries follow.
    @discardableResult
    public func deliver(count: Int) -> [Lead] { (try? mutate { s, now in s.deliver(count: count, now: now) }) ?? [] }

    /// Moves simulated time forward and applies what time alone changes.
    public func advanceClock(by seconds: TimeInterval) {
        clock.advance(by: seconds)
        _ = try? mutate { _, _ in () }
    }

    public func now() -> Date { clock.now() }

    /// Changes whenever a lead is added or its feedback changes.
    func leadsVersion() -> UInt64 { state.withLock { $0.leadsVersion } }

    public func appliedWrites() -> [AppliedWrite] { writes.withLock { $0 } }

    func recordWrite(_ write: AppliedWrite) { writes.withLock { $0.append(write) } }

    /// The API requests answered so far (the newest 10,000), oldest first.
    public func servedRequests() -> [ServedRequest] { served.withLock { $0.entries } }

    func recordRequest(_ request: ServedRequest) { served.withLock { $0.append(request) } }

    /// Sets the balance directly (keeps the period's usage), e.g. to test low-credit behaviour.
    public func setCreditsRemaining(_ credits: Int) {
        _ = try? mutate { s, now in
            s.creditsRemaining = credits
            if credits >= s.lowBalanceThreshold { s.lowBalanceNotified = false }
            s.pauseCampaignsShortOfCredits(now: now)
        }
    }
}
