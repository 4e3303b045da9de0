import Foundation
import LeadOSAPI
import LeadTopCore
@testable import LeadTopRuntime

/// Drives a `SyncMachine` by hand: events go in at a clock the test moves, commands come out.
/// No HTTP, no timers, no threads: every assert is on the exact commands.
struct MachineDriver {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    static let off = PollIntervals(feed: 0, campaigns: 0, balance: 0, stats: 0, feedbackSummary: 0)
    static let feedOnly = PollIntervals(feed: 2, campaigns: 0, balance: 0, stats: 0, feedbackSummary: 0)
    static let receiverURL = "http://127.0.0.1:9740/leadtop/webhook"

    var machine: SyncMachine
    var now = Self.t0

    /// A machine with jitter fixed at `random`, offline after three failures, and numbered keys
    /// (`idem_1`, `idem_2`…) and path segments (`seg_1`…) for push registrations.
    init(intervals: PollIntervals = .standard, random: Double = 0.5, push: Bool = false, pushFeedInterval: TimeInterval = 30) {
        var configuration = SyncMachine.Configuration()
        configuration.intervals = intervals
        configuration.offlineAfterFailures = 3
        configuration.offlineAfter = 600
        configuration.pushEnabled = push
        configuration.pushFeedInterval = pushFeedInterval
        configuration.redactedKey = "ldo_live_sk_…stuX"
        configuration.random = { random }
        let keys = Counter()
        configuration.makeIdempotencyKey = { "idem_\(keys.next())" }
        let segments = Counter()
        configuration.makePathSegment = { "seg_\(segments.next())" }
        machine = SyncMachine(configuration: configuration)
    }

    /// Handles `event` `after` seconds from the previous one.
    @discardableResult
    mutating func on(_ event: SyncEvent, after seconds: TimeInterval = 0) -> [SyncCommand] {
        now = now.addingTimeInterval(seconds)
        return machine.handle(event, at: now)
    }

    /// Starts with an empty cache and an empty outbox, and returns the request ids of the polls.
    @discardableResult
    mutating func start() -> [Resource: Int] {
        var ids: [Resource: Int] = [:]
        for case .fetch(let query, let id) in on(.started(CachedStart())) { ids[query.resource] = id }
        on(.nextWriteLoaded(nil, discarded: 0))
        return ids
    }

    /// The request id of the latest poll of `resource`.
    func requestID(_ resource: Resource) -> Int { machine.polls[resource]?.latestRequestID ?? 0 }

    /// Answers the latest poll of `resource`.
    @discardableResult
    mutating func reply(_ resource: Resource, _ result: Result<PollResult, SyncFailure>, after seconds: TimeInterval = 0) -> [SyncCommand] {
        on(.polled(resource, requestID: requestID(resource), result), after: seconds)
    }

    /// Lets the timer of `channel` fire when it is due.
    @discardableResult
    mutating func fire(_ channel: SyncChannel) -> [SyncCommand] {
        guard let due = machine.timers[channel] else { return [] }
        return on(.timerFired(channel), after: max(0, due.timeIntervalSince(now)))
    }

    /// Armed timers by channel, as delays from now.
    var pendingDelays: [SyncChannel: TimeInterval] { machine.timers.mapValues { $0.timeIntervalSince(now) } }
}

/// Hands out 1, 2, 3…
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.withLock { value += 1; return value } }
}

/// Failures as the executor reads them from real `LeadOSError`s.
enum Failures {
    static func api(_ status: Int, code: String, message: String = "no", retryAfter: String? = nil) -> SyncFailure {
        let headers = retryAfter.map { ["Retry-After": $0] } ?? [:]
        return SyncFailure(LeadOSError.api(
            status: status, error: APIErrorBody.Detail(type: "api_error", code: code, message: message, param: nil, requestID: "req_1"),
            meta: ResponseMeta(status: status, headers: headers)))
    }

    static let unavailable = api(503, code: "service_unavailable")
    static func rateLimited(retryAfter: String?) -> SyncFailure { api(429, code: "rate_limited", retryAfter: retryAfter) }
    static let refusedKey = api(401, code: "invalid_api_key", message: "Invalid API key provided: ldo_live_sk_****stuX")
    static let refused = SyncFailure(LeadOSError.transport("connection refused (127.0.0.1:1)"))
}

/// Values the polls bring.
enum Polled {
    static let balance = Balance(creditsRemaining: 100, creditsUsedThisPeriod: 4, planCredits: 104, periodStart: Date(timeIntervalSince1970: 0),
                                 periodEnd: Date(timeIntervalSince1970: 86_400), lowBalanceThreshold: 10, lowBalance: false)
    static let stats = DeliveryStats(startDate: "2026-05-01", endDate: "2026-05-01", campaignID: nil,
                                     totals: .init(delivered: 0, creditsConsumed: 0, avgScore: nil), data: [])
    static let statsBody = try! LeadOSJSON.encode(stats)
    static let summary = FeedbackSummary(totalDelivered: 2, totalFeedback: 0, feedbackRate: 0, good: 0, bad: 0, badReasons: .init(),
                                         personalisation: .init(status: .collecting, feedbackCount: 0, threshold: 50, progress: 0, activatedAt: nil))
    static let campaigns = [Fixtures.campaign("camp_abc123")]

    static func campaignPages(_ items: [Campaign], pages: Int = 1, hasMore: Bool = false) -> PollResult {
        .campaigns(CampaignWalk(items: items, hasMore: hasMore, pages: pages))
    }

    /// A feed reply with `leads`, and the cursor after them.
    static func feed(_ leads: [Lead], after cursor: FeedCursor = FeedCursor()) -> PollResult {
        var next = cursor
        _ = next.accept(leads)
        return .feed(FeedFetch(leads: leads), next)
    }

    static func entry(_ sequence: Int64, _ command: WriteCommand) -> OutboxEntry {
        OutboxEntry(sequence: sequence, idempotencyKey: "key_\(sequence)", command: command, createdAt: MachineDriver.t0, attempts: 0)
    }
}

extension SyncCommand {
    /// Timer commands only.
    var isTimer: Bool {
        switch self {
        case .arm, .cancel: true
        default: false
        }
    }

    var update: SyncUpdate? {
        if case .emit(let update) = self { update } else { nil }
    }
}
