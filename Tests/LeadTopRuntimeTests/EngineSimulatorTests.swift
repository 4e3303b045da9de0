import Foundation
import LeadOSAPI
import LeadOSSimulator
import LeadTopCore
import Testing
@testable import LeadTopRuntime

/// Real timers at a thousandth of their length that move the simulator's frozen clock by the full
/// delay when they fire: Retry-After and backoff keep their contract values, and nothing waits long.
final class SimulatedTimeScheduler: SyncScheduler {
    let world: SimulatedWorld
    let inner = DispatchScheduler()
    let scale: Double

    init(world: SimulatedWorld, scale: Double = 0.001) { self.world = world; self.scale = scale }

    @discardableResult
    func schedule(after seconds: TimeInterval, _ work: @escaping @Sendable () -> Void) -> any ScheduledWork {
        let world = self.world
        return inner.schedule(after: seconds * scale) {
            world.advanceClock(by: seconds)
            work()
        }
    }
}

/// The engine against the real simulator over loopback, with faults, rate limits, outages and restarts.
@Suite struct EngineSimulatorTests {
    static let start = Date(timeIntervalSince1970: 1_778_400_000)
    static let off = PollIntervals(feed: 0, campaigns: 0, balance: 0, stats: 0, feedbackSummary: 0)

    static func simulator(rateLimit: Int? = nil, faults: SimulatorFaults = .none) async throws -> SimulatorServer {
        try await SimulatorServer.start(SimulatorOptions(seed: 42, clockSpeed: 0, startDate: start, rateLimitPerMinute: rateLimit,
                                                         faults: faults, historyLeads: 300))
    }

    static func engine(_ sim: SimulatorServer, path: String, recorder: UpdateRecorder, intervals: PollIntervals = off,
                       offlineAfterFailures: Int = 5) throws -> SyncEngine {
        try SyncEngine(clientOptions: LeadOSClientOptions(baseURL: sim.baseURL, apiKey: sim.apiKey, requestTimeout: 2),
                       store: try LocalStore(path: path),
                       options: SyncOptions(intervals: intervals, offlineAfterFailures: offlineAfterFailures),
                       scheduler: SimulatedTimeScheduler(world: sim.world), sink: recorder.sink)
    }

    static func leadIDs(_ recorder: UpdateRecorder) -> [String] {
        var ids: [String] = []
        for case .leads(let stored) in recorder.updates { ids += stored.added.map(\.id) }
        return ids
    }

    static func applied(_ recorder: UpdateRecorder) -> Int {
        recorder.updates.filter { if case .writeSettled(.applied) = $0 { true } else { false } }.count
    }

    /// Every executed write at the simulator, by Idempotency-Key: exactly one execution each.
    static func expectExactlyOnce(_ sim: SimulatorServer, count: Int) {
        let writes = sim.world.appliedWrites()
        let byKey = Dictionary(grouping: writes, by: { $0.idempotencyKey ?? "none" })
        #expect(byKey["none"] == nil)
        #expect(byKey.count == count)
        #expect(byKey.values.allSatisfy { $0.count == 1 && (200..<300).contains($0[0].status) })
    }

    @Test func chaosWritesAreAppliedExactlyOnce() async throws {
        let sim = try await Self.simulator(rateLimit: 120, faults: SimulatorFaults(failRate: 0.3, garbageRate: 0.1))
        let recorder = UpdateRecorder()
        let engine = try Self.engine(sim, path: Fixtures.tempDatabasePath(), recorder: recorder,
                                     intervals: PollIntervals(feed: 2, campaigns: 10, balance: 15, stats: 60, feedbackSummary: 60))
        let leads = Array(sim.world.leads().prefix(100))
        let campaign = sim.world.campaigns().first { $0.status == .active }!
        var commands: [WriteCommand] = leads.enumerated().map { i, lead in
            .feedback(leadID: lead.id, i % 2 == 0 ? FeedbackSubmission(rating: .good) : FeedbackSubmission(rating: .bad, reason: .notICP, note: "n\(i)"))
        }
        commands += (0..<60).map { .suppress(emails: ["person\($0)@example.com"]) }
        commands += (0..<40).map { $0 % 2 == 0 ? .pause(campaignID: campaign.id) : .resume(campaignID: campaign.id) }
        engine.start()
        for command in commands { engine.enqueue(command) }
        #expect(await recorder.until(90) { $0.appliedCount == 200 })
        engine.stop()

        #expect(!recorder.updates.contains { if case .writeSettled(.refused) = $0 { true } else { false } })
        #expect(recorder.updates.contains { if case .connection(.degraded) = $0 { true } else { false } })
        Self.expectExactlyOnce(sim, count: 200)
        for (i, lead) in leads.enumerated() {
            #expect(sim.world.lead(id: lead.id)?.feedback?.rating == (i % 2 == 0 ? .good : .bad))
        }
        #expect(Set((0..<60).map { "person\($0)@example.com" }).isSubset(of: sim.world.suppressedEmails()))
        #expect(sim.world.campaign(id: campaign.id)?.status == .active)
        let order = sim.world.appliedWrites().filter { $0.path.hasPrefix("/v1/campaigns/") }.map { String($0.path.split(separator: "/").last!) }
        #expect(order == (0..<40).map { $0 % 2 == 0 ? "pause" : "resume" })
        await sim.stop()
    }

    /// The weekend case: the dashboard starts from its cache after more new leads than one poll
    /// walks (20 pages, of one lead here). The newest come first and the rest of the gap on the next
    /// polls, also when the dashboard is quit and started again in between; every lead arrives
    /// exactly once.
    @Test func aLongFeedGapIsFilledOnLaterPollsAndAfterARestart() async throws {
        let sim = try await Self.simulator()
        let path = Fixtures.tempDatabasePath()
        func engine(_ recorder: UpdateRecorder, feedEvery interval: TimeInterval = 2) throws -> SyncEngine {
            try SyncEngine(clientOptions: LeadOSClientOptions(baseURL: sim.baseURL, apiKey: sim.apiKey, requestTimeout: 2),
                           store: try LocalStore(path: path),
                           options: SyncOptions(intervals: PollIntervals(feed: interval, campaigns: 0, balance: 0, stats: 0,
                                                                         feedbackSummary: 0), feedPageSize: 1),
                           scheduler: SimulatedTimeScheduler(world: sim.world), sink: recorder.sink)
        }
        @Sendable func added(_ recorder: UpdateRecorder) -> [[String]] {
            recorder.updates.compactMap { update -> [String]? in
                if case .leads(let stored) = update { stored.added.map(\.id) } else { nil }
            }.filter { !$0.isEmpty }
        }
        let before = UpdateRecorder()
        let first = try engine(before)
        first.start()
        #expect(await before.until { !$0.addedLeadIDs.isEmpty })
        first.stop()
        // Away: 50 leads, a minute apart.
        let gap = (0..<50).flatMap { _ in
            sim.world.advanceClock(by: 60)
            return sim.world.deliver(count: 1)
        }
        #expect(gap.count == 50)
        let gapIDs = Set(gap.map(\.id))

        // Back, and quit again after the first poll: the newest twenty, and the gap saved.
        let brief = UpdateRecorder()
        let second = try engine(brief, feedEvery: 3_600)
        second.start()
        #expect(await brief.until { !$0.addedLeadIDs.isEmpty })
        second.stop()
        #expect(added(brief) == [gap.suffix(20).reversed().map(\.id)], "the newest twenty first, newest first")
        #expect(try LocalStore(path: path).feedGap() != nil)

        // The next start carries on with the gap until it is closed.
        let after = UpdateRecorder()
        let third = try engine(after)
        third.start()
        defer { third.stop() }
        #expect(await after.until { Set($0.addedLeadIDs).isSuperset(of: gap.dropLast(20).map(\.id)) })
        #expect(await Fixtures.eventually { (try? LocalStore(path: path).feedGap()) == nil })
        let seen = (Self.leadIDs(brief) + Self.leadIDs(after)).filter { gapIDs.contains($0) }
        #expect(seen.count == 50 && Set(seen) == gapIDs, "each lead of the gap once")
        for lead in gap { #expect(try LocalStore(path: path).cachedLead(id: lead.id) != nil) }
        await sim.stop()
    }

    @Test func outageThenRecovery() async throws {
        let sim = try await Self.simulator()
        let recorder = UpdateRecorder()
        let engine = try Self.engine(sim, path: Fixtures.tempDatabasePath(), recorder: recorder,
                                     intervals: PollIntervals(feed: 2, campaigns: 10, balance: 15, stats: 60, feedbackSummary: 60),
                                     offlineAfterFailures: 4)
        engine.start()
        #expect(await recorder.until { $0.contains(.connection(.live)) || $0.contains { if case .refreshed(.feed, _) = $0 { true } else { false } } })
        sim.setFaults(SimulatorFaults(failRate: 1))
        for i in 0..<5 { engine.enqueue(.suppress(emails: ["outage\(i)@example.com"])) }
        #expect(await recorder.until { $0.contains { if case .connection(.offline) = $0 { true } else { false } } })
        // The simulator may run a write and then fail it; either way nothing is reported applied yet.
        #expect(Self.applied(recorder) == 0)
        sim.setFaults(.none)
        let recovered = recorder.updates.count
        #expect(await recorder.until { $0.dropFirst(recovered).contains(.connection(.live)) })
        #expect(await recorder.until { $0.appliedCount == 5 })
        #expect(Set((0..<5).map { "outage\($0)@example.com" }).isSubset(of: sim.world.suppressedEmails()))
        let delivered = sim.world.deliver(count: 3)
        #expect(await recorder.until { Set($0.addedLeadIDs).isSuperset(of: delivered.map(\.id)) })
        engine.stop()
        await sim.stop()
    }

    @Test func killedWithPendingWritesDeliversAllExactlyOnce() async throws {
        let sim = try await Self.simulator(faults: SimulatorFaults(latency: 0.02))
        let path = Fixtures.tempDatabasePath()
        let leads = Array(sim.world.leads().prefix(30))
        let first = UpdateRecorder()
        let engine1 = try Self.engine(sim, path: path, recorder: first)
        engine1.start()
        for lead in leads { engine1.enqueue(.feedback(leadID: lead.id, FeedbackSubmission(rating: .good))) }
        #expect(await first.until { $0.appliedCount >= 5 })
        engine1.stop()   // dropped mid-flight: the rest stays in the SQLite file
        let afterKill = Self.applied(first)
        #expect(afterKill < 30)

        let second = UpdateRecorder()
        let engine2 = try Self.engine(sim, path: path, recorder: second)
        engine2.start()
        #expect(await second.until { $0.contains(.pendingWrites(0)) && $0.appliedCount == 30 - afterKill })
        #expect(await Fixtures.eventually { leads.allSatisfy { sim.world.lead(id: $0.id)?.feedback != nil } })
        Self.expectExactlyOnce(sim, count: 30)
        engine2.stop()
        await sim.stop()
    }

    @Test func pushDeliversLeadsWithoutPolling() async throws {
        let sim = try await Self.simulator()
        let recorder = UpdateRecorder()
        let engine = try SyncEngine(
            clientOptions: LeadOSClientOptions(baseURL: sim.baseURL, apiKey: sim.apiKey),
            store: try LocalStore(path: Fixtures.tempDatabasePath()),
            options: SyncOptions(intervals: Self.off, webhook: WebhookReceiverOptions(port: 0)),
            scheduler: SimulatedTimeScheduler(world: sim.world), sink: recorder.sink)
        engine.start()
        #expect(await Fixtures.eventually { engine.isPushActive })
        let delivered = sim.world.deliver(count: 3)
        #expect(delivered.count == 3)
        #expect(await recorder.until(20) { Set($0.addedLeadIDs) == Set(delivered.map(\.id)) })
        #expect(Self.leadIDs(recorder).count == 3)
        engine.stop()
        await sim.stop()
    }

    /// `--listen [::1]:P`: the receiver binds ::1 only, so a lead arrives only if the URL
    /// registered with LeadOS is `http://[::1]:P/…` (it used to be 127.0.0.1, and nothing came).
    @Test func pushArrivesOverIPv6Loopback() async throws {
        let sim = try await Self.simulator()
        let recorder = UpdateRecorder()
        let engine = try SyncEngine(
            clientOptions: LeadOSClientOptions(baseURL: sim.baseURL, apiKey: sim.apiKey),
            store: try LocalStore(path: Fixtures.tempDatabasePath()),
            options: SyncOptions(intervals: Self.off, webhook: WebhookReceiverOptions(port: 0, host: "::1")),
            scheduler: SimulatedTimeScheduler(world: sim.world), sink: recorder.sink)
        engine.start()
        #expect(await Fixtures.eventually { engine.isPushActive })
        let port = try #require(engine.webhookPort)
        #expect(engine.queue.sync { engine.receiver?.callbackURL?.absoluteString } == "http://[::1]:\(port)/leadtop/webhook")
        let delivered = sim.world.deliver(count: 2)
        #expect(await recorder.until(20) { Set($0.addedLeadIDs) == Set(delivered.map(\.id)) })
        engine.stop()
        await sim.stop()
    }

    /// An account of 12,000 campaigns: the newest 10,000 are shown, the pane is told there are
    /// more, the state stays live, and the next walk waits 150 s (100 pages at 40 a minute).
    @Test func anAccountWithMoreCampaignsThanOnePollSaysSo() async throws {
        let sim = try await SimulatorServer.start(SimulatorOptions(seed: 42, clockSpeed: 0, startDate: Self.start, rateLimitPerMinute: nil,
                                                                   campaignCount: 12_000, historyLeads: 300))
        #expect(sim.world.campaigns().count == 12_000)
        let recorder = UpdateRecorder()
        let engine = try Self.engine(sim, path: Fixtures.tempDatabasePath(), recorder: recorder,
                                     intervals: PollIntervals(feed: 0, campaigns: 10, balance: 0, stats: 0, feedbackSummary: 0))
        engine.start()
        #expect(await recorder.until(60) { $0.contains(.moreCampaignsOnServer(true)) })
        let lists = recorder.updates.compactMap { if case .campaigns(let list) = $0 { list } else { nil } }
        #expect(lists.map(\.count) == [10_000])
        #expect(lists.first?.map(\.id) == Array(sim.world.campaigns().prefix(10_000).map(\.id)))
        #expect(!recorder.updates.contains { if case .connection = $0 { $0 != .connection(.live) } else { false } })
        engine.stop()
        await sim.stop()
    }

    @Test func acceptedFeedbackUpdatesTheLead() async throws {
        let sim = try await Self.simulator()
        let recorder = UpdateRecorder()
        let engine = try Self.engine(sim, path: Fixtures.tempDatabasePath(), recorder: recorder,
                                     intervals: PollIntervals(feed: 2, campaigns: 0, balance: 0, stats: 0, feedbackSummary: 0))
        engine.start()
        let lead = sim.world.leads().prefix(100).first { $0.feedback == nil }!
        #expect(await recorder.until { $0.addedLeadIDs.contains(lead.id) })
        engine.enqueue(.feedback(leadID: lead.id, FeedbackSubmission(rating: .bad, reason: .wrongPerson, note: "left the company")))
        #expect(await Fixtures.eventually { sim.world.lead(id: lead.id)?.feedback?.reason == .wrongPerson })
        let updated = sim.world.lead(id: lead.id)!
        #expect(updated.feedback?.reason == .wrongPerson)
        #expect(await recorder.until { $0.contains { if case .leads(let stored) = $0 { stored.changed == [updated] } else { false } } })
        engine.stop()
        await sim.stop()
    }

    /// Terminal escapes, bidi overrides and huge strings in lead data pass through as data.
    @Test func hostileDataIsCarriedNotChoked() async throws {
        let sim = try await SimulatorServer.start(SimulatorOptions(seed: 7, clockSpeed: 0, startDate: Self.start, rateLimitPerMinute: nil,
                                                                   faults: SimulatorFaults(hostileData: true), historyLeads: 50))
        let recorder = UpdateRecorder()
        let engine = try Self.engine(sim, path: Fixtures.tempDatabasePath(), recorder: recorder, intervals: .standard)
        engine.start()
        let delivered = sim.world.deliver(count: 5)
        engine.refreshNow()
        #expect(await recorder.until { updates in
            Set(updates.compactMap { if case .refreshed(let r, _) = $0 { r } else { nil } }) == Set(Resource.allCases)
                && Set(updates.addedLeadIDs).isSuperset(of: delivered.map(\.id))
        })
        let received = recorder.updates.flatMap { if case .leads(let l) = $0 { l.added + l.changed } else { [Lead]() } }
        for lead in delivered { #expect(received.contains(lead)) }
        engine.stop()
        await sim.stop()
    }
}

/// Idle polling: a poll that brings nothing new writes nothing to the cache and sends nothing
/// that needs a frame (only the refresh time, which the clock tick draws).
@Suite struct IdlePollTests {
    @Test func pollsThatBringNothingNewWriteNothingAndNeedNoFrame() async throws {
        let sim = try await EngineSimulatorTests.simulator()
        defer { Task { await sim.stop() } }
        let scheduler = ManualScheduler(start: sim.world.now())
        let recorder = UpdateRecorder()
        let store = try LocalStore(path: Fixtures.tempDatabasePath())
        let engine = try SyncEngine(
            clientOptions: LeadOSClientOptions(baseURL: sim.baseURL, apiKey: sim.apiKey, requestTimeout: 5),
            store: store, options: SyncOptions(intervals: .standard), clock: scheduler, scheduler: scheduler, sink: recorder.sink)
        defer { engine.stop() }
        engine.start()
        #expect(await scheduler.until { $0 == [2, 10, 15, 60, 60] })
        let changes = store.totalChanges
        let seen = recorder.updates.count
        #expect(changes > 0, "the first round filled the cache")

        // A minute of polls (30 feed, 6 campaigns, 4 balance, 1 stats, 1 feedback) with nothing new.
        for second in 1...60 {
            scheduler.advance(by: 1)
            let polls = second / 2 + second / 10 + second / 15 + 2 * (second / 60)
            let settled = await recorder.until(10) { $0.count - seen == polls }
                ? await scheduler.until(10) { $0.count == 5 } : false
            #expect(settled, "second \(second): \(recorder.updates.count - seen) updates for \(polls) polls: \(recorder.updates.dropFirst(seen).filter(\.needsFrame))")
            if !settled { return }
        }
        let later = Array(recorder.updates.dropFirst(seen))
        #expect(later.count == 42, "one refresh per poll")
        #expect(later.allSatisfy { if case .refreshed = $0 { true } else { false } }, "\(later.filter(\.needsFrame))")
        #expect(later.allSatisfy { !$0.needsFrame })
        #expect(store.totalChanges == changes, "no write to the cache")

        // A new lead is news: written and shown at once.
        sim.world.deliver(count: 1)
        scheduler.advance(by: 2)
        #expect(await recorder.until { $0.dropFirst(seen).contains { if case .leads = $0 { true } else { false } } })
        #expect(store.totalChanges > changes)
    }
}
