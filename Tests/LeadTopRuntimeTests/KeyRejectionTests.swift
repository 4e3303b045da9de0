import Foundation
import LeadOSAPI
import LeadOSSimulator
import LeadTopCore
import Testing
@testable import LeadTopRuntime

/// A key LeadOS refuses, against the real simulator: one quiet check a minute instead of five
/// pollers, queued writes kept untouched, and everything back the moment the key works.
@Suite struct KeyRejectionTests {
    static let wrongKey = "ldo_live_sk_" + String(repeating: "x", count: 28) + "stuX"

    /// The key the engine reads again on R, as a config file the user edits would give it.
    final class KeyFile: @unchecked Sendable {
        private let lock = NSLock()
        private var key: String
        init(_ key: String) { self.key = key }
        var value: String { get { lock.withLock { key } } set { lock.withLock { key = newValue } } }
    }

    static func lastConnection(_ recorder: UpdateRecorder) -> ConnectionStatus? {
        for update in recorder.updates.reversed() { if case .connection(let status) = update { return status } }
        return nil
    }

    @Test func aRefusedKeyIsCheckedOnceAMinuteAndQueuedWritesWaitForIt() async throws {
        let sim = try await EngineSimulatorTests.simulator()
        let scheduler = ManualScheduler(start: sim.world.now())
        let recorder = UpdateRecorder()
        let keyFile = KeyFile(Self.wrongKey)
        var options = SyncOptions(intervals: .standard)
        options.reloadAPIKey = { keyFile.value }
        let engine = try SyncEngine(
            clientOptions: LeadOSClientOptions(baseURL: sim.baseURL, apiKey: Self.wrongKey, requestTimeout: 5),
            store: try LocalStore(path: Fixtures.tempDatabasePath()), options: options,
            clock: scheduler, scheduler: scheduler, sink: recorder.sink)
        defer { engine.stop() }
        let lead = sim.world.leads().first { $0.feedback == nil }!
        engine.enqueue(.feedback(leadID: lead.id, FeedbackSubmission(rating: .good)))
        engine.start()

        // Five pollers and the queued rating, each refused once; then only the check timer.
        #expect(await scheduler.until { $0 == [60] })
        #expect(await Fixtures.eventually { sim.world.servedRequests().count == 6 })
        #expect(sim.world.servedRequests().allSatisfy { $0.status == 401 })
        let expected = KeyRejection(status: 401, redactedKey: "ldo_live_sk_…stuX",
                                    message: "Invalid API key provided: ldo_live_sk_****stuX",
                                    nextCheck: scheduler.now().addingTimeInterval(60))
        #expect(await recorder.until { $0.lastConnection == .keyRejected(expected) })

        // Two minutes: exactly two checks, each one small request.
        for minute in 1...2 {
            scheduler.advance(by: 60)
            #expect(await scheduler.until { $0 == [60] })
            #expect(await Fixtures.eventually { sim.world.servedRequests().count == 6 + minute })
            #expect(sim.world.servedRequests().last?.path == "/v1/usage/balance")
        }
        #expect(sim.world.appliedWrites().isEmpty)
        #expect(!recorder.updates.contains { if case .writeSettled = $0 { true } else { false } }, "the rating is neither sent nor refused")

        // The user fixes the key where it came from and presses R.
        keyFile.value = sim.apiKey
        engine.refreshNow()
        #expect(await recorder.until { $0.lastConnection == .live })
        #expect(await Fixtures.eventually { sim.world.appliedWrites().count == 1 })
        #expect(sim.world.appliedWrites()[0].path == "/v1/leads/\(lead.id)/feedback")
        #expect(sim.world.leads().first { $0.id == lead.id }?.feedback?.rating == .good)
        // Every poller is back on its own interval, but the feedback summary: the accepted rating
        // asks for it 2 s later.
        #expect(await scheduler.until { $0 == [2, 2, 10, 15, 60] })
        // The write's reply may come after the polls': its update is awaited, not assumed.
        #expect(await recorder.until { $0.contains(.writeSettled(.applied(.feedback(leadID: lead.id, FeedbackSubmission(rating: .good))))) })
    }

    /// A check that fails on the way (LeadOS down) keeps the key unproven and the same pace.
    @Test func aCheckThatCannotReachLeadOSKeepsThePace() async throws {
        let sim = try await EngineSimulatorTests.simulator()
        let scheduler = ManualScheduler(start: sim.world.now())
        let recorder = UpdateRecorder()
        let engine = try SyncEngine(
            clientOptions: LeadOSClientOptions(baseURL: sim.baseURL, apiKey: Self.wrongKey, requestTimeout: 5),
            store: try LocalStore(path: Fixtures.tempDatabasePath()),
            options: SyncOptions(intervals: PollIntervals(feed: 2, campaigns: 0, balance: 0, stats: 0, feedbackSummary: 0)),
            clock: scheduler, scheduler: scheduler, sink: recorder.sink)
        defer { engine.stop() }
        engine.start()
        #expect(await scheduler.until { $0 == [60] })
        await sim.stop()
        scheduler.advance(by: 60)
        let next = scheduler.now().addingTimeInterval(60)
        #expect(await recorder.until {
            if case .keyRejected(let rejection) = $0.lastConnection { return rejection.nextCheck == next }
            return false
        }, "\(String(describing: recorder.updates.lastConnection))")
        #expect(scheduler.pendingDelays == [60])
        #expect(recorder.updates.contains { update in
            guard case .connectionReport(let report) = update else { return false }
            let place = "127.0.0.1:\(sim.baseURL.port!)"
            return report.failures.map(\.channel) == ["balance"]
                && ["connection refused (\(place))", "connection closed by \(place)"].contains(report.failures[0].summary)
        }, "\(recorder.updates.filter { if case .connectionReport = $0 { true } else { false } })")
    }
}
