import Foundation
import LeadOSAPI
import LeadTopCore
import Logging

/// Keeps the dashboard's data fresh and its writes durable. Pollers (one per resource) and the
/// outbox run on one serial queue, which owns all mutable state below; results reach the state
/// owner only through `sink`, as `SyncUpdate` values. Nothing here blocks the caller.
public final class SyncEngine: @unchecked Sendable {
    /// Replaced (on `queue`) when the user fixes a refused key; each request captures the one it uses.
    var client: LeadOSClient
    /// What `client` was built from, to build it again with another key.
    let clientOptions: LeadOSClientOptions
    let store: LocalStore
    let options: SyncOptions
    let clock: any SyncClock
    let scheduler: any SyncScheduler
    let sink: @Sendable (SyncUpdate) -> Void
    /// The only queue that touches the state below.
    let queue = DispatchQueue(label: "leadtop.sync.engine")

    // MARK: State (guarded by `queue`)

    var started = false
    var stopped = false
    var pollers: [Resource: PollerState] = [:]
    var nextRequestID = 0
    var feedCursor = FeedCursor()
    var statsCampaignID: String?
    var tracker: ConnectionTracker
    var lastConnection: ConnectionStatus?
    var lastRateLimit: RateLimit?
    var outbox = OutboxState()
    var receiver: WebhookReceiver?
    var pushRetryTimer: (any ScheduledWork)?
    /// LeadOS refused the webhook registration outright; only the user (R) asks again.
    var pushRefused = false
    /// LeadOS refuses the API key: pollers and outbox wait; one check runs every
    /// `options.keyCheckInterval`.
    var keyRejection: KeyRejection?
    var keyCheckTimer: (any ScheduledWork)?
    var keyCheckDue: Date?
    /// The webhook registration met a refused key; it is sent again once the key works.
    var pushAwaitingKey = false
    var lastReport: ConnectionReport?
    /// The unreadable objects last reported per resource, so a repeat is not reported again.
    var reportedUnreadable: [Resource: [UnreadableItem]] = [:]
    /// The last campaigns poll stopped at its page limit with more on LeadOS.
    var moreCampaignsOnServer = false
    /// What the last polls brought, so a reply that changes nothing costs no write to the cache
    /// and no update (idle polls are most polls). Cleared when a write or push changed the object.
    var lastPolled = LastPolled()

    struct LastPolled {
        var campaigns: [Campaign]?
        var balance: Balance?
        var stats: (scope: String?, body: Data)?
        var feedbackSummary: FeedbackSummary?
    }

    /// One resource's poller: its pending timer, the id of the request whose reply counts, and
    /// how many tries in a row failed.
    struct PollerState {
        var timer: (any ScheduledWork)?
        var latestRequestID = 0
        var failures = 0
    }

    /// The outbox sender: one write in flight at a time, oldest first, so a pause and a later
    /// resume of the same campaign reach LeadOS in the order they were made.
    struct OutboxState {
        var sending: Int64?
        var failures = 0
        var retryTimer: (any ScheduledWork)?
    }

    /// Builds the engine and its client. The client makes one try per request (`RetryPolicy.once`):
    /// the engine schedules retries itself, with `options.backoff`, so it can show them; every
    /// reply's headers reach the engine for the rate-limit display.
    public init(clientOptions: LeadOSClientOptions, store: LocalStore, options: SyncOptions = SyncOptions(),
                clock: any SyncClock = SystemClock(), scheduler: any SyncScheduler = DispatchScheduler(),
                sink: @escaping @Sendable (SyncUpdate) -> Void) throws {
        let relay = ResponseRelay()
        var clientOptions = clientOptions
        clientOptions.retryPolicy = .once
        let upstream = clientOptions.onResponse
        clientOptions.onResponse = { meta in
            upstream?(meta)
            relay.forward(meta)
        }
        self.client = try LeadOSClient(options: clientOptions)
        self.clientOptions = clientOptions
        self.store = store; self.options = options
        self.clock = clock; self.scheduler = scheduler; self.sink = sink
        self.tracker = ConnectionTracker(offlineAfterFailures: options.offlineAfterFailures, offlineAfter: options.offlineAfter)
        relay.attach(self)
        queue.setSpecific(key: Self.queueKey, value: ObjectIdentifier(self))
    }

    /// Emits the cached state, then starts every poller, the outbox and (if configured) push mode.
    public func start() {
        queue.async { [self] in
            guard !started, !stopped else { return }
            started = true
            loadCache()
            publishPendingCount()
            for resource in Resource.allCases where options.intervals[resource] > 0 {
                poll(resource)
            }
            drainOutbox()
            if let webhook = options.webhook { startReceiver(webhook) }
        }
    }

    /// Stops timers and the receiver. Replies still in flight are ignored; queued writes stay in
    /// the outbox for the next start. Safe to call from any thread, including from the sink.
    public func stop() {
        let halt = { [self] () -> WebhookReceiver? in
            stopped = true
            for (resource, poller) in pollers { poller.timer?.cancel(); pollers[resource]?.timer = nil }
            outbox.retryTimer?.cancel()
            outbox.retryTimer = nil
            keyCheckTimer?.cancel()
            keyCheckTimer = nil
            pushRetryTimer?.cancel()
            pushRetryTimer = nil
            return receiver
        }
        let running = DispatchQueue.getSpecific(key: Self.queueKey) == ObjectIdentifier(self) ? halt() : queue.sync(execute: halt)
        running?.stop()
    }

    /// Marks `queue` so `stop()` can tell whether it already runs on it.
    static let queueKey = DispatchSpecificKey<ObjectIdentifier>()

    /// Polls every enabled resource now (replies to requests already in flight become stale), sends
    /// the outbox, and registers for push again if LeadOS refused it.
    public func refreshNow() {
        queue.async { [self] in
            guard started, !stopped else { return }
            // A refused key: read it again (the user may have fixed the config) and check it once,
            // instead of five requests that would all be refused.
            if keyRejection != nil {
                reloadKey()
                checkKey()
                return
            }
            for resource in Resource.allCases where options.intervals[resource] > 0 { poll(resource) }
            drainOutbox(force: true)
            // A refused registration (say, a tunnel URL that was down) is worth one more try when
            // the user asks for everything again; transient failures already retry on their own.
            if pushRefused, let receiver {
                pushRefused = false
                registerOrReuse(receiver)
            }
        }
    }

    /// Scopes the daily stats to one campaign (nil = all) and fetches them at once.
    public func setStatsScope(campaignID: String?) {
        queue.async { [self] in
            statsCampaignID = campaignID
            if started, !stopped { poll(.stats) }
        }
    }

    /// Stores the write durably, then sends it. Never blocks on the network.
    public func enqueue(_ command: WriteCommand) {
        queue.async { [self] in
            do {
                try store.enqueue(command, at: clock.now())
            } catch {
                emit(.writeSettled(.refused(command, status: 0, code: "local_storage_error",
                                            message: "could not save the write locally: \(error)")))
                return
            }
            publishPendingCount()
            if started, !stopped { drainOutbox() }
        }
    }

    // MARK: - Shared helpers (on `queue`)

    func emit(_ update: SyncUpdate) { sink(update) }

    func publishConnection() {
        let report = tracker.report
        // Only a change of what is failing is news; every success moving `lastSuccess` is not.
        if report.failures != lastReport?.failures {
            lastReport = report
            emit(.connectionReport(report))
        }
        let status = keyRejection.map(ConnectionStatus.keyRejected) ?? tracker.status(at: clock.now())
        guard status != lastConnection else { return }
        if lastConnection.map({ Self.kind($0) != Self.kind(status) }) ?? true {
            options.logger?.info("connection \(Self.kind(status))", metadata: Self.logMetadata(status))
        }
        lastConnection = status
        emit(.connection(status))
    }

    func publishPendingCount() {
        emit(.pendingWrites((try? store.pendingWriteCount()) ?? 0))
    }

    /// Called for every HTTP reply; shows the rate-limit budget when it changes.
    func observe(_ meta: ResponseMeta) {
        queue.async { [self] in
            guard let limit = meta.rateLimit, limit != lastRateLimit else { return }
            let changed = lastRateLimit?.remaining != limit.remaining || lastRateLimit?.limit != limit.limit
            lastRateLimit = limit
            if changed { emit(.rateLimit(remaining: limit.remaining, limit: limit.limit)) }
        }
    }

    /// Shows the last known state at once: campaigns, values and the feed's first page. Only a
    /// page of leads is read, however big the cache: the feed reads the rest as it scrolls.
    private func loadCache() {
        let cached = (try? store.loadCache()) ?? CachedState()
        let page = try? store.feedPage(FeedRequest(filter: .all, offset: 0, limit: options.firstFeedPage, generation: 0))
        guard !cached.isEmpty || (page?.total ?? 0) > 0 else { return }
        if let page {
            // A cached lead from the future must not become the starting point (`since=9999-…`).
            feedCursor = FeedCursor(known: page.leads, notAfter: FeedCursor.limit(serverDate: nil, now: clock.now()))
            feedCursor.gap = try? store.feedGap()
        }
        if !cached.campaigns.isEmpty { emit(.campaigns(cached.campaigns)) }
        if let page { emit(.feedPage(page)) }
        if let balance = cached.balance { emit(.balance(balance)) }
        if let stats = cached.stats { emit(.stats(stats)) }
        if let summary = cached.feedbackSummary { emit(.feedbackSummary(summary)) }
        emit(.loadedFromCache(at: cached.savedAt ?? clock.now()))
    }

    /// Reads rows of the feed from the cache for the state (`Effect.loadFeed`). On the engine's
    /// queue, so the page and the leads stored around it reach the state in the order they happened.
    public func loadFeedPage(_ request: FeedRequest) {
        queue.async { [self] in
            do {
                emit(.feedPage(try store.feedPage(request)))
            } catch {
                emit(.feedPageFailed(request, message: String(describing: error)))
            }
        }
    }

    /// Writes leads to the cache, then tells the state which of them are new. If the cache cannot
    /// be written, they are still shown, as new.
    func storeAndEmit(_ leads: [Lead]) {
        do {
            emit(.leads(try store.storeLeads(leads, limit: options.cacheLeadLimit)))
        } catch {
            emit(.leads(StoredLeads(added: leads)))
        }
    }

    /// `live`, `degraded`, `offline` or `key_rejected`: a change of kind is worth a log line, a
    /// new retry time is not.
    static func kind(_ status: ConnectionStatus) -> String {
        switch status {
        case .live: "live"
        case .degraded: "degraded"
        case .offline: "offline"
        case .keyRejected: "key_rejected"
        }
    }

    static func logMetadata(_ status: ConnectionStatus) -> Logger.Metadata {
        switch status {
        case .live: [:]
        case .degraded(let reason, _), .offline(_, let reason, _): ["reason": "\(reason)"]
        case .keyRejected(let rejection): ["status": "\(rejection.status)", "key": "\(rejection.redactedKey)"]
        }
    }

    /// A 429: LeadOS answered and said when to come back.
    static func isRateLimited(_ error: any Error) -> Bool { (error as? LeadOSError)?.status == 429 }

    /// A one-line reason for the status bar.
    static func reason(_ error: any Error) -> String {
        guard let error = error as? LeadOSError else { return String(describing: error) }
        return error.summary
    }
}

/// Hands reply headers from the client to the engine, which does not exist yet when the client is
/// built. Holds the engine weakly; `lock` guards `engine`.
private final class ResponseRelay: @unchecked Sendable {
    private let lock = NSLock()
    private weak var engine: SyncEngine?

    func attach(_ engine: SyncEngine) { lock.lock(); self.engine = engine; lock.unlock() }

    func forward(_ meta: ResponseMeta) {
        lock.lock(); let engine = self.engine; lock.unlock()
        engine?.observe(meta)
    }
}
