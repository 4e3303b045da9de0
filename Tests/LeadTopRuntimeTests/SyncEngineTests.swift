import Foundation
import LeadOSAPI
import LeadTopCore
import LeadTopTestSupport
import Testing
@testable import LeadTopRuntime

/// The engine over real loopback HTTP and a real SQLite file, with the scheduler and clock injected
/// so retry timing is asserted exactly; waits end on the engine's own updates and timers.
@Suite struct SyncEngineTests {
    static let key = "ldo_live_sk_" + String(repeating: "e", count: 32)

    /// What the scripted LeadOS answers; tests flip `mode` to simulate outages.
    final class FakeState: @unchecked Sendable {
        enum Mode { case healthy, failing, rateLimited, truncated, huge }
        private let lock = NSLock()
        private var _mode = Mode.healthy
        var mode: Mode { get { lock.withLock { _mode } } set { lock.withLock { _mode = newValue } } }
    }

    static func json(_ value: some Encodable) -> String { String(decoding: try! LeadOSJSON.encode(value), as: UTF8.self) }

    static func server(_ state: FakeState, leads: [Lead], campaign: Campaign, pauseFailures: Int = 0,
                       webhookFailures: Int = 0, webhookRefusals: Int = 0) -> ScriptedServer {
        let balance = Balance(creditsRemaining: 100, creditsUsedThisPeriod: 4, planCredits: 104, periodStart: Date(timeIntervalSince1970: 0),
                              periodEnd: Date(timeIntervalSince1970: 86_400), lowBalanceThreshold: 10, lowBalance: false)
        let stats = DeliveryStats(startDate: "2026-05-01", endDate: "2026-05-01", campaignID: nil,
                                  totals: .init(delivered: 0, creditsConsumed: 0, avgScore: nil), data: [])
        let summary = FeedbackSummary(totalDelivered: 2, totalFeedback: 0, feedbackRate: 0, good: 0, bad: 0, badReasons: .init(),
                                      personalisation: .init(status: .collecting, feedbackCount: 0, threshold: 50, progress: 0, activatedAt: nil))
        let pauseCalls = LockedLog()
        let webhookCalls = LockedLog()
        return ScriptedServer { _, seen in
            switch state.mode {
            case .failing:
                return .json(status: 503, body: #"{"error":{"type":"api_error","code":"service_unavailable","message":"down","param":null,"request_id":"req_f"}}"#)
            case .rateLimited:
                return .json(status: 429, headers: ["Retry-After": "7", "X-RateLimit-Limit": "120", "X-RateLimit-Remaining": "0"],
                             body: #"{"error":{"type":"rate_limit_error","code":"rate_limited","message":"slow","param":null,"request_id":"req_r"}}"#)
            case .truncated:
                return .json(status: 200, body: #"{"data":[{"id":"del_1","campaign_id":"#)
            case .huge:
                return .bytes(count: 5_000_000)
            case .healthy: break
            }
            let ok = ["X-RateLimit-Limit": "120", "X-RateLimit-Remaining": "99"]
            switch (seen.method, seen.path) {
            case ("GET", "/v1/leads"): return .json(status: 200, headers: ok, body: json(ListEnvelope(data: leads, hasMore: false, nextCursor: nil)))
            case ("GET", "/v1/campaigns"): return .json(status: 200, headers: ok, body: json(ListEnvelope(data: [campaign], hasMore: false, nextCursor: nil)))
            case ("GET", "/v1/usage/balance"): return .json(status: 200, headers: ok, body: json(balance))
            case ("GET", "/v1/leads/stats"): return .json(status: 200, headers: ok, body: json(stats))
            case ("GET", "/v1/feedback/summary"): return .json(status: 200, headers: ok, body: json(summary))
            case ("POST", "/v1/webhooks"):
                webhookCalls.append(seen.headers["idempotency-key"] ?? "")
                if webhookCalls.items.count <= webhookFailures { return .json(status: 503, body: "<html>busy</html>") }
                if webhookCalls.items.count <= webhookFailures + webhookRefusals {
                    return .json(status: 422, body: #"{"error":{"type":"invalid_request_error","code":"url_unreachable","message":"The URL did not answer","param":"url","request_id":"req_w"}}"#)
                }
                let url = (try? JSONSerialization.jsonObject(with: Data(seen.body.utf8)) as? [String: Any])?["url"] as? String ?? ""
                return .json(status: 201, headers: ok, body: json(WebhookEndpoint(
                    id: "wh_test01", url: url, events: ["*"], description: nil, status: "enabled",
                    secret: WebhookVerifierTests.secret, createdAt: Date(timeIntervalSince1970: 1_800_000_000))))
            case ("POST", "/v1/campaigns/\(campaign.id)/pause"):
                pauseCalls.append(seen.headers["idempotency-key"] ?? "")
                if pauseCalls.items.count <= pauseFailures { return .json(status: 500, body: "{}") }
                var paused = campaign
                paused.status = .paused
                paused.pausedReason = .user
                return .json(status: 200, headers: ok, body: json(paused))
            default:
                return .json(status: 404, body: #"{"error":{"type":"invalid_request_error","code":"resource_missing","message":"No such campaign","param":"id","request_id":"req_4"}}"#)
            }
        }
    }

    static func engine(_ server: ScriptedServer, path: String, scheduler: ManualScheduler, recorder: UpdateRecorder,
                       intervals: PollIntervals = .standard) throws -> SyncEngine {
        try SyncEngine(clientOptions: LeadOSClientOptions(baseURL: server.baseURL, apiKey: key, requestTimeout: 5),
                       store: try LocalStore(path: path),
                       options: SyncOptions(intervals: intervals, offlineAfterFailures: 3, offlineAfter: 600, random: { 0.5 }),
                       clock: scheduler, scheduler: scheduler, sink: recorder.sink)
    }

    @Test func pollersReArmAndBackOffExactly() async throws {
        let state = FakeState()
        let leads = [Fixtures.lead("del_b", at: 1_800_000_000), Fixtures.lead("del_a", at: 1_799_999_000)]
        let server = Self.server(state, leads: leads, campaign: Fixtures.campaign("camp_abc123"))
        try await server.start()
        defer { server.stop() }
        let scheduler = ManualScheduler()
        let recorder = UpdateRecorder()
        let engine = try Self.engine(server, path: Fixtures.tempDatabasePath(), scheduler: scheduler, recorder: recorder)
        engine.start()
        #expect(await scheduler.until { $0.count == 5 })
        // Each poller re-armed at its own interval after its reply.
        #expect(scheduler.pendingDelays == [2, 10, 15, 60, 60])
        let updates = recorder.updates
        #expect(updates.contains { $0.addedLeads == leads })
        #expect(updates.contains(.campaigns([Fixtures.campaign("camp_abc123")])))
        #expect(updates.contains(.rateLimit(remaining: 99, limit: 120)))
        #expect(Set(updates.compactMap { if case .refreshed(let r, _) = $0 { r } else { nil } }) == Set(Resource.allCases))

        // Outage: the feed's next poll fails; it retries after full-jitter backoff (0.5 × 1 s).
        state.mode = .failing
        let t = scheduler.now()
        scheduler.advance(by: 2)
        #expect(await scheduler.until { $0 == [0.5, 8, 13, 58, 58] })
        #expect(await recorder.until {
            $0.last { if case .connection = $0 { true } else { false } }
                == .connection(.degraded(reason: "LeadOS error 503", nextRetry: t.addingTimeInterval(2.5)))
        })
        // Rate limited: Retry-After (7 s) wins over the backoff, and the wait is what the status says.
        state.mode = .rateLimited
        scheduler.advance(by: 0.5)
        #expect(await scheduler.until { $0.first == 7 })
        #expect(await recorder.until {
            $0.last { if case .connection = $0 { true } else { false } }
                == .connection(.degraded(reason: "rate limited", nextRetry: t.addingTimeInterval(9.5)))
        })
        // Third failure in a row, LeadOS unavailable again: offline since the first failure.
        state.mode = .failing
        scheduler.advance(by: 7)
        #expect(await recorder.until { $0.contains(.connection(.offline(
            since: t.addingTimeInterval(2), reason: "LeadOS error 503", nextRetry: t.addingTimeInterval(11.5)))) })
        // Recovery: the next poll succeeds and the state is live again.
        state.mode = .healthy
        // Campaigns (due in 0.5 s) succeed first, then the feed's retry after backoff (0.5 × 4 s), then balance.
        #expect(scheduler.pendingDelays == [0.5, 2, 5.5, 50.5, 50.5])
        scheduler.advance(by: 7)
        #expect(await recorder.until { $0.last { if case .connection = $0 { true } else { false } } == .connection(.live) })
        engine.stop()
    }

    @Test func outboxRetriesWithOneKeyThenReportsTheCampaign() async throws {
        let state = FakeState()
        let campaign = Fixtures.campaign("camp_abc123")
        let server = Self.server(state, leads: [], campaign: campaign, pauseFailures: 2)
        try await server.start()
        defer { server.stop() }
        let scheduler = ManualScheduler()
        let recorder = UpdateRecorder()
        let engine = try Self.engine(server, path: Fixtures.tempDatabasePath(), scheduler: scheduler, recorder: recorder,
                                     intervals: PollIntervals(feed: 0, campaigns: 0, balance: 0, stats: 0, feedbackSummary: 0))
        engine.start()
        engine.enqueue(.pause(campaignID: campaign.id))
        engine.enqueue(.resume(campaignID: "camp_missing"))
        #expect(await scheduler.until { $0 == [0.5] })
        scheduler.advance(by: 0.5)
        #expect(await scheduler.until { $0 == [1] })
        scheduler.advance(by: 1)
        #expect(await recorder.until { $0.contains { if case .writeSettled(.refused) = $0 { true } else { false } } })
        var paused = campaign
        paused.status = .paused
        paused.pausedReason = .user
        let settled = recorder.updates.filter {
            switch $0 { case .writeSettled, .campaign: true; default: false }
        }
        #expect(settled == [
            .writeSettled(.applied(.pause(campaignID: campaign.id))),
            .campaign(paused),
            .writeSettled(.refused(.resume(campaignID: "camp_missing"), status: 404, code: "resource_missing", message: "No such campaign")),
        ])
        let pauses = server.requests.filter { $0.path.hasSuffix("/pause") }
        #expect(pauses.count == 3)
        #expect(Set(pauses.map { $0.headers["idempotency-key"] }).count == 1)
        #expect(server.requests.filter { $0.path.hasSuffix("/resume") }.count == 1)   // a 404 is not retried
        engine.stop()
    }

    /// After a switch to another profile: the polls stop at once, the queued pause (waiting for its
    /// retry) still goes to this account, and then the engine reports nothing left and stops.
    @Test func retiringSendsTheQueueToItsOwnAccountThenStops() async throws {
        let state = FakeState()
        let campaign = Fixtures.campaign("camp_abc123")
        let server = Self.server(state, leads: [], campaign: campaign, pauseFailures: 1)
        try await server.start()
        defer { server.stop() }
        let scheduler = ManualScheduler()
        let recorder = UpdateRecorder()
        let engine = try Self.engine(server, path: Fixtures.tempDatabasePath(), scheduler: scheduler, recorder: recorder)
        engine.start()
        #expect(await scheduler.until { $0.count == 5 })
        engine.enqueue(.pause(campaignID: campaign.id))
        #expect(await scheduler.until { $0.contains(0.5) })
        let events = LockedLog()
        engine.retire(receiverClosed: { events.append("receiver closed") }, finished: { events.append("finished \($0)") })
        #expect(await scheduler.until { $0 == [0.5] }, "only the outbox's retry is left")
        let requestsBefore = server.requests.count
        scheduler.advance(by: 0.5)
        let deadline = Date().addingTimeInterval(5)
        while events.items.count < 2, Date() < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(events.items == ["receiver closed", "finished 0"])
        #expect(server.requests.dropFirst(requestsBefore).map(\.path) == ["/v1/campaigns/\(campaign.id)/pause"])
        #expect(scheduler.pendingDelays == [])
        scheduler.advance(by: 120)
        #expect(server.requests.count == requestsBefore + 1, "nothing more is polled")
    }

    @Test func pendingWritesSurviveARestartAndCacheShowsAtOnce() async throws {
        let state = FakeState()
        let campaign = Fixtures.campaign("camp_abc123")
        let leads = [Fixtures.lead("del_cached", at: 1_800_000_000)]
        let server = Self.server(state, leads: leads, campaign: campaign)
        try await server.start()
        defer { server.stop() }
        let path = Fixtures.tempDatabasePath()
        let off = PollIntervals(feed: 0, campaigns: 0, balance: 0, stats: 0, feedbackSummary: 0)

        // First run: polls fill the cache; the API then fails, so three writes stay queued.
        let first = UpdateRecorder()
        let scheduler1 = ManualScheduler()
        let engine1 = try Self.engine(server, path: path, scheduler: scheduler1, recorder: first)
        engine1.start()
        #expect(await scheduler1.until { $0.count == 5 })
        state.mode = .failing
        for _ in 0..<3 { engine1.enqueue(.pause(campaignID: campaign.id)) }
        #expect(await first.until { $0.contains(.pendingWrites(3)) })
        #expect(await scheduler1.until { $0.count == 6 })
        engine1.stop()   // "killed": nothing drained

        // Second run on the same file: the cache is shown before any reply, then the writes drain.
        state.mode = .healthy
        let second = UpdateRecorder()
        let engine2 = try Self.engine(server, path: path, scheduler: ManualScheduler(), recorder: second, intervals: off)
        let before = server.requests.count
        engine2.start()
        #expect(await second.until { $0.contains(.pendingWrites(0)) })
        let updates = second.updates
        #expect(updates.first == .campaigns([campaign]))
        if case .feedPage(let page)? = updates.dropFirst().first {
            #expect(Set(page.leads.map(\.id)) == Set(leads.map(\.id)))
            #expect(page.total == leads.count)
        } else {
            Issue.record("the cached feed page did not come second: \(updates.prefix(3))")
        }
        #expect(updates.contains { if case .loadedFromCache = $0 { true } else { false } })
        let applied = updates.filter { $0 == .writeSettled(.applied(.pause(campaignID: campaign.id))) }
        #expect(applied.count == 3)
        let resent = server.requests.dropFirst(before).filter { $0.path.hasSuffix("/pause") }
        #expect(resent.count == 3)
        // The write that failed before the restart is resent with the key it was stored with.
        let failedKeys = Set(server.requests.prefix(before).filter { $0.path.hasSuffix("/pause") }.compactMap { $0.headers["idempotency-key"] })
        let resentKeys = Set(resent.compactMap { $0.headers["idempotency-key"] })
        #expect(failedKeys.count == 1 && failedKeys.isSubset(of: resentKeys) && resentKeys.count == 3)
        engine2.stop()
    }

    @Test func badBodiesGiveAnErrorStateAndThePollerKeepsGoing() async throws {
        let state = FakeState()
        let server = Self.server(state, leads: [Fixtures.lead("del_a", at: 1_800_000_000)], campaign: Fixtures.campaign("camp_abc123"))
        try await server.start()
        defer { server.stop() }
        let scheduler = ManualScheduler()
        let recorder = UpdateRecorder()
        state.mode = .truncated
        let engine = try Self.engine(server, path: Fixtures.tempDatabasePath(), scheduler: scheduler, recorder: recorder,
                                     intervals: PollIntervals(feed: 2, campaigns: 0, balance: 0, stats: 0, feedbackSummary: 0))
        let t = scheduler.now()
        engine.start()
        // The retry is armed before the status is published: both are awaited.
        #expect(await scheduler.until { $0 == [0.5] })
        #expect(await recorder.until { $0.contains(.connection(.degraded(
            reason: "unreadable reply (HTTP 200): body: The given data was not valid JSON.", nextRetry: t.addingTimeInterval(0.5)))) })
        state.mode = .huge
        scheduler.advance(by: 0.5)
        #expect(await scheduler.until { $0 == [1] })
        state.mode = .healthy
        scheduler.advance(by: 1)
        #expect(await scheduler.until { $0 == [2] })
        #expect(await recorder.until { $0.last == .connection(.live) })
        #expect(recorder.updates.contains { $0.addedLeads == [Fixtures.lead("del_a", at: 1_800_000_000)] })
        engine.stop()
    }

    @Test func pushModeRegistersVerifiesAndFeedsTheSink() async throws {
        let state = FakeState()
        let server = Self.server(state, leads: [], campaign: Fixtures.campaign("camp_abc123"))
        try await server.start()
        defer { server.stop() }
        let recorder = UpdateRecorder()
        let scheduler = ManualScheduler(start: WebhookVerifierTests.now)
        let engine = try SyncEngine(
            clientOptions: LeadOSClientOptions(baseURL: server.baseURL, apiKey: Self.key),
            store: try LocalStore(path: Fixtures.tempDatabasePath()),
            options: SyncOptions(intervals: PollIntervals(feed: 0, campaigns: 0, balance: 0, stats: 0, feedbackSummary: 0),
                                 webhook: WebhookReceiverOptions(port: 0)),
            clock: scheduler, scheduler: scheduler, sink: recorder.sink)
        engine.start()
        defer { engine.stop() }
        #expect(await Fixtures.eventually { engine.webhookPort != nil && server.requests.contains { $0.path == "/v1/webhooks" } })
        let port = engine.webhookPort!
        let registration = server.requests.first { $0.path == "/v1/webhooks" }!
        #expect(registration.body == #"{"description":"leadtop live feed","events":["*"],"url":"http://127.0.0.1:\#(port)/leadtop/webhook"}"#)

        let body = try WebhookVerifierTests.body(eventID: "evt_push1")
        let headers = WebhookVerifierTests.headers(body)
        // The secret is set once the registration reply is read; until then the receiver says 503.
        #expect(try await Fixtures.eventually { try await WebhookReceiverTests.post(port, body: body, headers: headers) == 200 })
        let pushed = Fixtures.lead("del_push1", at: 1_800_000_000)
        #expect(await recorder.until { $0.contains { $0.addedLeads == [pushed] } })
        #expect(try await WebhookReceiverTests.post(port, body: body, headers: headers) == 200)
        #expect(try await WebhookReceiverTests.post(port, body: body, headers: [:]) == 401)
        // The receiver hands an event to the engine before it answers: once the engine's queue has
        // run what it was given, a second copy would be there.
        engine.drain()
        #expect(recorder.updates.filter { $0.addedLeads == [pushed] }.count == 1)
    }

    /// The sink runs on the engine's queue; stopping from there must not deadlock.
    @Test func stopFromTheSinkIsSafe() async throws {
        let state = FakeState()
        let server = Self.server(state, leads: [], campaign: Fixtures.campaign("camp_abc123"))
        try await server.start()
        defer { server.stop() }
        final class Box: @unchecked Sendable { var engine: SyncEngine?; var stopping = false; var stoppedFromSink = false }
        let box = Box()
        let recorder = UpdateRecorder()
        let engine = try SyncEngine(
            clientOptions: LeadOSClientOptions(baseURL: server.baseURL, apiKey: Self.key),
            store: try LocalStore(path: Fixtures.tempDatabasePath()), options: SyncOptions(random: { 0.5 }),
            clock: ManualScheduler(), scheduler: ManualScheduler()) { update in
                recorder.sink(update)
                if case .refreshed = update, !box.stopping { box.stopping = true; box.engine?.stop(); box.stoppedFromSink = true }
            }
        box.engine = engine
        engine.start()
        #expect(await Fixtures.eventually { box.stoppedFromSink })
    }

    @Test func refreshNowPollsEverythingAndStaleRepliesAreDropped() async throws {
        let state = FakeState()
        let server = Self.server(state, leads: [], campaign: Fixtures.campaign("camp_abc123"))
        try await server.start()
        defer { server.stop() }
        let scheduler = ManualScheduler()
        let recorder = UpdateRecorder()
        let engine = try Self.engine(server, path: Fixtures.tempDatabasePath(), scheduler: scheduler, recorder: recorder)
        engine.start()
        #expect(await scheduler.until { $0 == [2, 10, 15, 60, 60] })
        scheduler.advance(by: 1)
        engine.refreshNow()
        // The five fired timers are gone at once, and each poller is armed again by its reply.
        #expect(await scheduler.until { $0 == [2, 10, 15, 60, 60] })
        #expect(server.requests.count == 10)

        // A reply to an older request (e.g. stats for the previous scope) changes nothing; the
        // machine's tests cover every case, this one shows the engine hands replies to it.
        let current = engine.queue.sync { engine.machine.polls[.stats]!.latestRequestID }
        let before = recorder.updates.count
        let stale = DeliveryStats(startDate: "2020-01-01", endDate: "2020-01-01", campaignID: "camp_old",
                                  totals: .init(delivered: 9, creditsConsumed: 9, avgScore: 50), data: [])
        let body = try LeadOSJSON.encode(stale)
        engine.queue.sync { engine.handle(.polled(.stats, requestID: current - 1, .success(.stats(stale, body: body)))) }
        #expect(recorder.updates.count == before)
        engine.queue.sync { engine.handle(.polled(.stats, requestID: current, .success(.stats(stale, body: body)))) }
        #expect(Array(recorder.updates.dropFirst(before)) == [.stats(stale), .refreshed(.stats, at: scheduler.now())])

        engine.setStatsScope(campaignID: "camp_abc123")
        #expect(await Fixtures.eventually { server.requests.last?.query == "campaign_id=camp_abc123" })
        engine.stop()
    }

    /// However long the outage, a poller never waits longer than the cap (30 s), so it is back
    /// within one cap of the API's recovery.
    @Test func backoffStaysWithinTheCapDuringALongOutage() async throws {
        let state = FakeState()
        let server = Self.server(state, leads: [], campaign: Fixtures.campaign("camp_abc123"))
        try await server.start()
        defer { server.stop() }
        let scheduler = ManualScheduler()
        let recorder = UpdateRecorder()
        state.mode = .failing
        let engine = try SyncEngine(
            clientOptions: LeadOSClientOptions(baseURL: server.baseURL, apiKey: Self.key),
            store: try LocalStore(path: Fixtures.tempDatabasePath()),
            options: SyncOptions(intervals: PollIntervals(feed: 2, campaigns: 0, balance: 0, stats: 0, feedbackSummary: 0),
                                 offlineAfterFailures: 5, random: { 0.999 }),
            clock: scheduler, scheduler: scheduler, sink: recorder.sink)
        engine.start()
        var waits: [TimeInterval] = []
        for attempt in 1...9 {
            #expect(await scheduler.until { $0.count == 1 })
            #expect(server.requests.count == attempt)
            waits.append(scheduler.pendingDelays[0])
            if attempt < 9 { scheduler.advance(by: waits.last!) }
        }
        #expect(waits.map { ($0 * 1000).rounded() / 1000 } == [0.999, 1.998, 3.996, 7.992, 15.984, 29.97, 29.97, 29.97, 29.97])
        #expect(recorder.updates.contains { if case .connection(.offline) = $0 { true } else { false } })
        state.mode = .healthy
        scheduler.advance(by: 30)
        #expect(await recorder.until { $0.last == .connection(.live) })
        engine.stop()
    }

    /// An engine in push mode that polls nothing, on a manual clock with jitter fixed at one half.
    static func pushOnlyEngine(_ server: ScriptedServer) throws -> (SyncEngine, ManualScheduler, UpdateRecorder) {
        let scheduler = ManualScheduler(start: WebhookVerifierTests.now)
        let recorder = UpdateRecorder()
        let engine = try SyncEngine(
            clientOptions: LeadOSClientOptions(baseURL: server.baseURL, apiKey: Self.key),
            store: try LocalStore(path: Fixtures.tempDatabasePath()),
            options: SyncOptions(intervals: PollIntervals(feed: 0, campaigns: 0, balance: 0, stats: 0, feedbackSummary: 0),
                                 webhook: WebhookReceiverOptions(port: 0), random: { 0.5 }),
            clock: scheduler, scheduler: scheduler, sink: recorder.sink)
        return (engine, scheduler, recorder)
    }

    /// With push live, the feed poll is a safety net every 30 s; when the receiver stops serving,
    /// the feed is polled at its own interval again and the status says push is unavailable.
    @Test func theFeedPollSlowsDownWhilePushIsLive() async throws {
        let server = Self.server(FakeState(), leads: [], campaign: Fixtures.campaign("camp_abc123"))
        try await server.start()
        defer { server.stop() }
        let scheduler = ManualScheduler(start: WebhookVerifierTests.now)
        let recorder = UpdateRecorder()
        let engine = try SyncEngine(
            clientOptions: LeadOSClientOptions(baseURL: server.baseURL, apiKey: Self.key),
            store: try LocalStore(path: Fixtures.tempDatabasePath()),
            options: SyncOptions(intervals: SyncEngineHostileTests.feedOnly, webhook: WebhookReceiverOptions(port: 0), random: { 0.5 }),
            clock: scheduler, scheduler: scheduler, sink: recorder.sink)
        engine.start()
        defer { engine.stop() }
        // The first feed reply may come before the registration's: then the next one is 30 s away.
        #expect(await scheduler.until { $0.count == 1 })
        #expect(await Fixtures.eventually { engine.isPushActive })
        let polls = server.requests.filter { $0.path == "/v1/leads" }.count
        if scheduler.pendingDelays != [30] {
            #expect(scheduler.pendingDelays == [2])
            scheduler.advance(by: 2)
            #expect(await scheduler.until { $0.count == 1 })
            #expect(server.requests.filter { $0.path == "/v1/leads" }.count == polls + 1)
        }
        #expect(scheduler.pendingDelays == [30])
        // The receiver stops: the feed's next poll is one normal interval away.
        engine.queue.sync { engine.receiver }?.stop()
        #expect(await scheduler.until { $0 == [2] })
        #expect(await recorder.until { $0.last == .connection(.degraded(reason: "push unavailable: receiver stopped", nextRetry: nil)) })
    }

    /// Registration is retried with backoff and one Idempotency-Key until LeadOS accepts it.
    @Test func pushRegistrationIsRetried() async throws {
        let server = Self.server(FakeState(), leads: [], campaign: Fixtures.campaign("camp_abc123"), webhookFailures: 2)
        try await server.start()
        defer { server.stop() }
        let (engine, scheduler, recorder) = try Self.pushOnlyEngine(server)
        engine.start()
        defer { engine.stop() }
        #expect(await scheduler.until { $0 == [0.5] })
        #expect(await recorder.until { $0.last == .connection(.degraded(reason: "push unavailable: LeadOS error 503 (not an API reply)",
                                                                        nextRetry: WebhookVerifierTests.now.addingTimeInterval(0.5))) })
        #expect(!engine.isPushActive)
        scheduler.advance(by: 0.5)
        #expect(await scheduler.until { $0 == [1] })
        scheduler.advance(by: 1)
        #expect(await Fixtures.eventually { engine.isPushActive })
        #expect(await recorder.until { $0.last == .connection(.live) })
        let keys = server.requests.filter { $0.path == "/v1/webhooks" }.map { $0.headers["idempotency-key"] }
        #expect(keys.count == 3 && Set(keys).count == 1 && keys[0] != nil)
    }

    /// A refused registration is not retried on its own; R (refreshNow) asks once more, with a new
    /// Idempotency-Key since it is a new request.
    @Test func refusedPushRegistrationIsRetriedOnRefresh() async throws {
        let server = Self.server(FakeState(), leads: [], campaign: Fixtures.campaign("camp_abc123"), webhookRefusals: 1)
        try await server.start()
        defer { server.stop() }
        let (engine, scheduler, recorder) = try Self.pushOnlyEngine(server)
        engine.start()
        defer { engine.stop() }
        #expect(await Fixtures.eventually {
            recorder.updates.last == .connection(.degraded(reason: "push unavailable: LeadOS refused the request (422 url_unreachable) (R tries again)", nextRetry: nil))
        }, "\(recorder.updates.last.map { String(describing: $0) } ?? "none")")
        #expect(scheduler.pendingDelays.isEmpty, "no retry of its own")
        #expect(!engine.isPushActive)
        engine.refreshNow()
        #expect(await Fixtures.eventually { engine.isPushActive })
        #expect(await recorder.until { $0.last == .connection(.live) })
        let keys = server.requests.filter { $0.path == "/v1/webhooks" }.map { $0.headers["idempotency-key"] }
        #expect(keys.count == 2 && Set(keys).count == 2)
        // Registered: R does not register again. The decision is made on the engine's queue when R
        // is handled, so once it ran, no new registration request exists or ever will.
        let registration = engine.queue.sync { engine.machine.push.registration }
        engine.refreshNow()
        engine.drain()
        #expect(engine.queue.sync { engine.machine.push.registration } == registration)
        #expect(server.requests.filter { $0.path == "/v1/webhooks" }.count == 2)
    }
}
