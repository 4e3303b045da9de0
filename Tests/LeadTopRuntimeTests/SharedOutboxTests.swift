import Foundation
import LeadOSAPI
import LeadTopCore
import LeadTopTestSupport
import Testing
@testable import LeadTopRuntime

/// Two engines on one SQLite file, as two processes on one state directory would be: whichever
/// sends a write, neither is left counting it or retrying it.
@Suite struct SharedOutboxTests {
    @Test func aWriteSentByTheOtherEngineLeavesNoPendingCountOrFailureBehind() async throws {
        let state = SyncEngineTests.FakeState()
        let campaign = Fixtures.campaign("camp_abc123")
        let server = SyncEngineTests.server(state, leads: [], campaign: campaign, pauseFailures: 1)
        try await server.start()
        defer { server.stop() }
        let path = Fixtures.tempDatabasePath()
        let off = PollIntervals(feed: 0, campaigns: 0, balance: 0, stats: 0, feedbackSummary: 0)

        // The first engine's pause fails once: it counts one pending write and waits to retry.
        let firstScheduler = ManualScheduler()
        let first = UpdateRecorder()
        let firstEngine = try SyncEngineTests.engine(server, path: path, scheduler: firstScheduler, recorder: first, intervals: off)
        firstEngine.start()
        firstEngine.enqueue(.pause(campaignID: campaign.id))
        #expect(await firstScheduler.until { $0 == [0.5] })
        #expect(first.updates.last { if case .pendingWrites = $0 { true } else { false } } == .pendingWrites(1))
        #expect(first.updates.last { if case .connection = $0 { true } else { false } }
            == .connection(.degraded(reason: "LeadOS error 500 (not an API reply)", nextRetry: firstScheduler.now().addingTimeInterval(0.5))))

        // The second engine starts on the same file and sends the write.
        let second = UpdateRecorder()
        let secondEngine = try SyncEngineTests.engine(server, path: path, scheduler: ManualScheduler(), recorder: second, intervals: off)
        secondEngine.start()
        #expect(await second.until { $0.contains(.writeSettled(.applied(.pause(campaignID: campaign.id)))) })
        #expect(try LocalStore(path: path).pendingWriteCount() == 0)

        // The first engine's retry finds the queue empty: nothing pending, nothing failing.
        let before = first.updates.count
        firstScheduler.advance(by: 0.5)
        firstEngine.drain()
        #expect(Array(first.updates.dropFirst(before)) == [
            .connectionReport(ConnectionReport(failures: [], lastSuccess: nil)), .connection(.live), .pendingWrites(0),
        ])
        #expect(firstScheduler.pendingDelays.isEmpty)
        #expect(server.requests.filter { $0.path.hasSuffix("/pause") }.count == 2)
        firstEngine.stop()
        secondEngine.stop()
    }
}
