import Foundation
import LeadOSAPI
import LeadTopCore
import Logging

/// Keeps the dashboard's data fresh and its writes durable. Every decision (what to fetch and
/// when, backoff, stale replies, outbox order, push and key state) is `SyncMachine`'s; the engine
/// runs its commands: HTTP through the client, timers on the scheduler, the cache in the store,
/// updates to `sink`. One serial queue owns the machine and the handles below; nothing here
/// blocks the caller.
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
    let queue: DispatchQueue

    // MARK: State (guarded by `queue`)

    /// The policy.
    var machine: SyncMachine
    /// The last stats reply's value and fingerprint, and what it asked for: the next poll of the
    /// same query that gets the same bytes back reuses the value instead of decoding them again.
    var lastStatsReply: (query: PollQuery, stats: DeliveryStats, fingerprint: ReplyFingerprint)?
    /// Pending timers by channel, each with a token: a timer called off after it already fired
    /// finds another token (or none) and does nothing.
    var timers: [SyncChannel: ArmedTimer] = [:]
    var nextTimerToken = 0
    /// Set by `stop()`: commands still queued from the event being handled are dropped.
    var halted = false
    var receiver: WebhookReceiver?
    /// Told how many writes stay queued once retiring is over (`retire`).
    var onRetired: (@Sendable (Int) -> Void)?

    struct ArmedTimer {
        var token: Int
        var work: any ScheduledWork
    }

    /// Pages of campaigns one poll fetches at most.
    static var campaignPageLimit: Int { SyncMachine.campaignPageLimit }

    /// Builds the engine and its client. The client makes one try per request (`RetryPolicy.once`):
    /// the machine schedules retries itself, with `options.backoff`, so it can show them; every
    /// reply's headers reach the machine for the rate-limit display.
    /// Without a `scheduler`, timers fire on the engine's own queue: a poll falling due wakes one
    /// thread, not a timer thread that then hands over to the engine.
    public init(clientOptions: LeadOSClientOptions, store: LocalStore, options: SyncOptions = SyncOptions(),
                clock: any SyncClock = SystemClock(), scheduler: (any SyncScheduler)? = nil,
                sink: @escaping @Sendable (SyncUpdate) -> Void) throws {
        let queue = DispatchQueue(label: "leadtop.sync.engine")
        self.queue = queue
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
        self.clock = clock; self.scheduler = scheduler ?? DispatchScheduler(queue: queue); self.sink = sink
        self.machine = SyncMachine(configuration: Self.configuration(options, apiKey: clientOptions.apiKey))
        relay.attach(self)
        queue.setSpecific(key: Self.queueKey, value: ObjectIdentifier(self))
    }

    /// The machine's fixed inputs, from the engine's options.
    static func configuration(_ options: SyncOptions, apiKey: String) -> SyncMachine.Configuration {
        var configuration = SyncMachine.Configuration()
        configuration.intervals = options.intervals
        configuration.backoff = options.backoff
        configuration.offlineAfterFailures = options.offlineAfterFailures
        configuration.offlineAfter = options.offlineAfter
        configuration.feedPageSize = options.feedPageSize
        configuration.keyCheckInterval = options.keyCheckInterval
        configuration.pushFeedInterval = options.pushFeedInterval
        configuration.pushEnabled = options.webhook != nil
        configuration.account = options.account
        configuration.redactedKey = APIKey.redacted(apiKey)
        configuration.random = options.random
        return configuration
    }

    /// Emits the cached state, then starts every poller, the outbox and (if configured) push mode.
    public func start() {
        queue.async { [self] in
            guard machine.phase == .idle else { return }
            handle(.started(CacheReadAhead.read(store, firstFeedPage: options.firstFeedPage)))
        }
    }

    /// `start()`, showing the cache as `readAhead` read it (begun when the store opened) instead
    /// of reading it only now. `shown` runs once every update of the cache has gone to the sink.
    public func start(with readAhead: CacheReadAhead, shown: (@Sendable () -> Void)? = nil) {
        queue.async { [self] in
            defer { shown?() }
            guard machine.phase == .idle else { return }
            handle(.started(readAhead.take()))
        }
    }

    /// Stops timers and the receiver. Replies still in flight are ignored; queued writes stay in
    /// the outbox for the next start. Safe to call from any thread, including from the sink.
    public func stop() {
        let halt = { [self] in
            halted = true
            for command in machine.handle(.stopped, at: clock.now()) { execute(command) }
            for timer in timers.values { timer.work.cancel() }
            timers = [:]
        }
        if DispatchQueue.getSpecific(key: Self.queueKey) == ObjectIdentifier(self) { halt() } else { queue.sync(execute: halt) }
    }

    /// Hands over to another profile's engine: polls and push stop now, the queued writes still go
    /// to this engine's account, then it stops (`SyncMachine.retire`). `receiverClosed` is called
    /// once this engine's webhook receiver has let go of its port (at once without one), so the
    /// next engine can listen on the same address; `finished` with the writes left queued, which
    /// go out when this profile is opened again. The sink hears nothing more that matters.
    public func retire(receiverClosed: @escaping @Sendable () -> Void, finished: @escaping @Sendable (Int) -> Void) {
        queue.async { [self] in
            onRetired = finished
            let closing = receiver
            receiver = nil
            handle(.retireRequested)
            guard let closing else { return receiverClosed() }
            Task {
                await closing.stopAndWait()
                receiverClosed()
            }
        }
    }

    /// Marks `queue` so `stop()` can tell whether it already runs on it.
    static let queueKey = DispatchSpecificKey<ObjectIdentifier>()

    /// Polls every enabled resource now (replies to requests already in flight become stale), sends
    /// the outbox, and registers for push again if LeadOS refused it; with a refused key, reads the
    /// key again and checks it once.
    public func refreshNow() {
        queue.async { [self] in handle(.refreshRequested) }
    }

    /// Scopes the daily stats to one campaign (nil = all) and fetches them at once.
    public func setStatsScope(campaignID: String?) {
        queue.async { [self] in handle(.statsScopeChanged(campaignID: campaignID)) }
    }

    /// Fetches the stats over `range` at once, and from then on.
    public func setStatsRange(_ range: StatsRange) {
        queue.async { [self] in handle(.statsRangeChanged(range)) }
    }

    /// Takes the newest copy of `command` out of the outbox if it was never sent; the answer
    /// reaches the state as `.writeWithdrawn`.
    public func withdraw(_ command: WriteCommand) {
        queue.async { [self] in handle(.withdrawRequested(command)) }
    }

    /// Stores the write durably, then sends it. Never blocks on the network.
    public func enqueue(_ command: WriteCommand) {
        queue.async { [self] in
            do {
                try store.enqueue(command, at: clock.now())
            } catch {
                handle(.writeNotStored(command, reason: String(describing: error)))
                return
            }
            handle(.writeEnqueued)
        }
    }

    /// Reads rows of the feed from the cache for the state (`Effect.loadFeed`). On the engine's
    /// queue, so the page and the leads stored around it reach the state in the order they happened.
    public func loadFeedPage(_ request: FeedRequest) {
        queue.async { [self] in
            do {
                sink(.feedPage(try store.feedPage(request)))
            } catch {
                sink(.feedPageFailed(request, message: String(describing: error)))
            }
        }
    }

    /// The port the webhook receiver is bound to, once it runs.
    public var webhookPort: Int? { queue.sync { receiver }?.port }

    /// True once the receiver is registered with LeadOS and pushes are being accepted.
    public var isPushActive: Bool { queue.sync { receiver }?.isRegistered ?? false }

    // MARK: - Running the machine (on `queue`)

    /// Hands `event` to the machine and runs what it answers, in order. Commands that read the
    /// store answer with an event at once, whose commands run before the rest.
    func handle(_ event: SyncEvent) {
        for command in machine.handle(event, at: clock.now()) {
            guard !halted else { return }
            execute(command)
        }
    }

    /// Called for every HTTP reply; the machine shows the rate-limit budget when it changes.
    func observe(_ meta: ResponseMeta) {
        guard let limit = meta.rateLimit else { return }
        queue.async { [self] in handle(.rateLimitSeen(limit)) }
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
