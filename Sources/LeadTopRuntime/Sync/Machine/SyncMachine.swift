import Foundation
import LeadOSAPI
import LeadTopCore

/// The sync policy as a value: it takes what happened (`SyncEvent`) and answers with what to do
/// (`SyncCommand`s): which request to send and with which id, which timer to arm and for how
/// long, what to cache and what to tell the state. It does no I/O and reads no clock: the time
/// comes with each event and jitter from `Configuration.random`, so with a fixed random source
/// the same events always give the same commands. `SyncEngine` runs the commands.
struct SyncMachine: Sendable {
    /// The fixed inputs of the policy.
    struct Configuration: Sendable {
        var intervals: PollIntervals = .standard
        var backoff: RetryPolicy = .standard
        var offlineAfterFailures = 5
        var offlineAfter: TimeInterval = 60
        var feedPageSize = 100
        /// While the key is refused, the one quiet check is this far apart.
        var keyCheckInterval: TimeInterval = 60
        /// While pushes arrive, the feed is polled only as a safety net, this far apart.
        var pushFeedInterval: TimeInterval = 30
        /// Run a webhook receiver and register it.
        var pushEnabled = false
        /// The account saved registrations belong to.
        var account = "default"
        /// The API key as it may be shown.
        var redactedKey = ""
        /// Uniform numbers in [0, 1) for the backoff's jitter.
        var random: @Sendable () -> Double = { Double.random(in: 0..<1) }
        /// A fresh Idempotency-Key for a new registration.
        var makeIdempotencyKey: @Sendable () -> String = { IdempotencyKey.make() }
        /// A path segment no earlier registration can have used.
        var makePathSegment: @Sendable () -> String = { SyncMachine.randomSegment() }
    }

    /// `retiring`: only the outbox still sends (see `retire()`).
    enum Phase: Sendable, Hashable { case idle, running, retiring, stopped }

    /// One resource's poller: the id of the request whose reply counts, and how many tries in a
    /// row failed.
    struct PollState: Sendable, Hashable {
        var latestRequestID = 0
        var failures = 0
    }

    /// The outbox sender: one write in flight at a time, oldest first, so a pause and a later
    /// resume of the same campaign reach LeadOS in the order they were made.
    struct OutboxState: Sendable, Hashable {
        /// The write on its way to LeadOS; its reply counts only under this request id.
        var inFlight: InFlight?
        var failures = 0

        struct InFlight: Sendable, Hashable {
            var requestID: Int
            var entry: OutboxEntry
        }
    }

    /// Push mode: the receiver's URL once it listens, the registration in flight, and whether
    /// pushes are being accepted.
    struct PushState: Sendable, Hashable {
        var receiverURL: String?
        var registration: Registration?
        /// Registered and listening: the feed poll is only a safety net.
        var live = false
        /// LeadOS refused the registration outright; only the user (R) asks again.
        var refused = false
        /// The registration met a refused key; it is sent again once the key works.
        var awaitingKey = false

        struct Registration: Sendable, Hashable {
            var requestID: Int
            var url: String
            var idempotencyKey: String
            var attempt: Int
        }
    }

    /// What the last polls brought, so a reply that changes nothing costs no write to the cache
    /// and no update (idle polls are most polls). Cleared when a write or push changed the object.
    struct LastPolled: Sendable, Hashable {
        var campaigns: [Campaign]?
        var balance: Balance?
        /// The value, not the reply's bytes: it shares its storage with the stats the state
        /// shows, where the bytes (2 MB for 1,000 campaigns) were kept for this comparison alone.
        var stats: DeliveryStats?
        var feedbackSummary: FeedbackSummary?
    }

    let configuration: Configuration
    var phase = Phase.idle
    var nextRequestID = 0
    var polls: [Resource: PollState] = [:]
    /// Timers armed, by channel, with when they fall due.
    private(set) var timers: [SyncChannel: Date] = [:]
    var feedCursor = FeedCursor()
    var statsScope: String?
    var statsRange = StatsRange.standard
    var tracker: ConnectionTracker
    var lastConnection: ConnectionStatus?
    var lastReport: ConnectionReport?
    var lastRateLimit: RateLimit?
    var outbox = OutboxState()
    var push = PushState()
    /// LeadOS refuses the API key: pollers and outbox wait; one check runs every `keyCheckInterval`.
    var keyRejection: KeyRejection?
    var keyCheckDue: Date?
    var redactedKey: String
    /// The unreadable objects last reported per resource, so a repeat is not reported again.
    var reportedUnreadable: [Resource: [UnreadableItem]] = [:]
    /// The last campaigns poll stopped at its page limit with more on LeadOS.
    var moreCampaignsOnServer = false
    var lastPolled = LastPolled()

    /// The time of the event being handled, and the commands it produced so far.
    private(set) var now = Date(timeIntervalSince1970: 0)
    private var output: [SyncCommand] = []

    init(configuration: Configuration) {
        self.configuration = configuration
        self.redactedKey = configuration.redactedKey
        self.tracker = ConnectionTracker(offlineAfterFailures: configuration.offlineAfterFailures,
                                         offlineAfter: configuration.offlineAfter)
    }

    var isRunning: Bool { phase == .running }
    /// The outbox sends while running and while retiring.
    var sendsWrites: Bool { phase == .running || phase == .retiring }

    /// Applies `event`, which happened at `time`, and returns what to do, in order.
    mutating func handle(_ event: SyncEvent, at time: Date) -> [SyncCommand] {
        now = time
        output = []
        switch event {
        case .started(let cache): start(cache)
        case .stopped: stop()
        case .retireRequested: retire()
        case .timerFired(let channel): timerFired(channel)
        case .polled(let resource, let requestID, let result): complete(resource, requestID: requestID, result: result)
        case .rateLimitSeen(let limit): observe(limit)
        case .refreshRequested: refresh()
        case .statsScopeChanged(let campaignID):
            statsScope = campaignID
            if isRunning { poll(.stats) }
        case .statsRangeChanged(let range):
            statsRange = range
            if isRunning { poll(.stats) }
        case .withdrawRequested(let command):
            send(.withdrawWrite(command, sparing: outbox.inFlight?.entry.sequence))
        case .withdrawAnswered(let command, let removed):
            send(.emit(.writeWithdrawn(command, removed: removed)))
            if removed { send(.publishPendingCount) }
        case .writeEnqueued:
            send(.publishPendingCount)
            if sendsWrites { drainOutbox() }
        case .writeNotStored(let command, let reason):
            send(.emit(.writeSettled(.refused(command, status: 0, code: "local_storage_error",
                                              message: "could not save the write locally: \(reason)"))))
        case .nextWriteLoaded(let entry, let discarded): nextWriteLoaded(entry, discarded: discarded)
        case .outboxUnreadable(let reason): outboxUnreadable(reason)
        case .writeAnswered(let requestID, let result): writeAnswered(requestID: requestID, result: result)
        case .receiverUp(let url): receiverUp(url)
        case .receiverFailed(let reason): receiverFailed(reason)
        case .receiverStopped(let reason): receiverStopped(reason)
        case .savedRegistrationLoaded(let url, let secret): savedRegistrationLoaded(url: url, secret: secret)
        case .registrationAnswered(let requestID, let result): registrationAnswered(requestID: requestID, result: result)
        case .pushed(let event): pushed(event)
        case .keyReloaded(let redacted): keyReloaded(redacted)
        }
        return output
    }

    // MARK: - Start, stop, refresh

    /// Shows the last known state at once, then starts every poller, the outbox and push mode.
    private mutating func start(_ cache: CachedStart) {
        guard phase == .idle else { return }
        phase = .running
        showCache(cache)
        send(.publishPendingCount)
        for resource in enabledResources { poll(resource) }
        drainOutbox()
        if configuration.pushEnabled { send(.startReceiver) }
    }

    /// Campaigns, values and the feed's first page, as cached. A cached lead from the future must
    /// not become the feed's starting point (`since=9999-…`).
    private mutating func showCache(_ cache: CachedStart) {
        let cached = cache.cached
        guard !cached.isEmpty || (cache.firstPage?.total ?? 0) > 0 else { return }
        if let page = cache.firstPage {
            feedCursor = FeedCursor(known: page.leads, notAfter: FeedCursor.limit(serverDate: nil, now: now))
            feedCursor.gap = cache.gap
        }
        if !cached.campaigns.isEmpty { send(.emit(.campaigns(cached.campaigns))) }
        if let page = cache.firstPage { send(.emit(.feedPage(page))) }
        if let balance = cached.balance { send(.emit(.balance(balance))) }
        if let stats = cached.stats { send(.emit(.stats(stats))) }
        if let summary = cached.feedbackSummary { send(.emit(.feedbackSummary(summary))) }
        send(.emit(.loadedFromCache(at: cached.savedAt ?? now)))
    }

    private mutating func stop() {
        guard phase != .stopped else { return }
        let wasRunning = isRunning
        phase = .stopped
        for channel in timers.keys.sorted() { send(.cancel(channel)) }
        timers = [:]
        if wasRunning && configuration.pushEnabled { send(.stopReceiver) }
    }

    /// Polls every enabled resource now (replies to requests already in flight become stale),
    /// sends the outbox, and registers for push again if LeadOS refused it. With a refused key:
    /// reads the key again (the user may have fixed the config) and checks it once, instead of
    /// requests that would all be refused.
    private mutating func refresh() {
        guard isRunning else { return }
        if keyRejection != nil {
            send(.reloadKey)
            checkKey()
            return
        }
        for resource in enabledResources { poll(resource) }
        drainOutbox(force: true)
        // A refused registration (say, a tunnel URL that was down) is worth one more try when the
        // user asks for everything again; transient failures already retry on their own.
        if push.refused, let url = push.receiverURL {
            push.refused = false
            send(.loadSavedRegistration(url: url))
        }
    }

    private mutating func timerFired(_ channel: SyncChannel) {
        guard isRunning || (phase == .retiring && channel == .outbox),
              timers.removeValue(forKey: channel) != nil else { return }
        switch channel {
        case .feed, .campaigns, .balance, .stats, .feedbackSummary:
            guard keyRejection == nil, let resource = channel.resource else { return }
            poll(resource)
        case .outbox: drainOutbox()
        case .push: retryRegistration()
        case .keyCheck: checkKey()
        }
    }

    // MARK: - Shared helpers

    var enabledResources: [Resource] { Resource.allCases.filter { configuration.intervals[$0] > 0 } }

    mutating func send(_ command: SyncCommand) { output.append(command) }

    mutating func arm(_ channel: SyncChannel, after seconds: TimeInterval) {
        timers[channel] = now.addingTimeInterval(seconds)
        send(.arm(channel, after: seconds))
    }

    mutating func cancelTimer(_ channel: SyncChannel) {
        guard timers.removeValue(forKey: channel) != nil else { return }
        send(.cancel(channel))
    }

    func isArmed(_ channel: SyncChannel) -> Bool { timers[channel] != nil }

    /// The wait before try `attempt + 1` after `failure`: its Retry-After (clamped), else backoff.
    func retryDelay(afterAttempt attempt: Int, _ failure: SyncFailure) -> TimeInterval {
        configuration.backoff.delay(afterAttempt: attempt, retryAfter: failure.retryAfter, unitRandom: configuration.random())
    }

    /// Tells the state what is failing and how the connection is, when either changed.
    mutating func publishConnection() {
        let report = tracker.report
        // Only a change of what is failing is news; every success moving `lastSuccess` is not.
        if report.failures != lastReport?.failures {
            lastReport = report
            send(.emit(.connectionReport(report)))
        }
        let status = keyRejection.map(ConnectionStatus.keyRejected) ?? tracker.status(at: now)
        guard status != lastConnection else { return }
        if lastConnection.map({ $0.kind != status.kind }) ?? true { send(.logConnection(status)) }
        lastConnection = status
        send(.emit(.connection(status)))
    }

    /// Shows the rate-limit budget when it changes.
    private mutating func observe(_ limit: RateLimit) {
        guard limit != lastRateLimit else { return }
        let changed = lastRateLimit?.remaining != limit.remaining || lastRateLimit?.limit != limit.limit
        lastRateLimit = limit
        if changed { send(.emit(.rateLimit(remaining: limit.remaining, limit: limit.limit))) }
    }

    /// 16 random letters and digits.
    static func randomSegment() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<16).map { _ in alphabet.randomElement()! })
    }
}
