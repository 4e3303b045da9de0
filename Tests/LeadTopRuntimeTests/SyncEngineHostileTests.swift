import Foundation
import LeadOSAPI
import LeadTopCore
import LeadTopTestSupport
import Testing
@testable import LeadTopRuntime

/// The engine against hostile replies over loopback, with the scheduler injected: unreadable
/// leads, a cache poisoned by a lead from the year 9999, Retry-After of 0 and of Int.max, and an
/// account with more campaigns than one poll fetches.
@Suite struct SyncEngineHostileTests {
    static let feedOnly = PollIntervals(feed: 2, campaigns: 0, balance: 0, stats: 0, feedbackSummary: 0)
    static let campaignsOnly = PollIntervals(feed: 0, campaigns: 10, balance: 0, stats: 0, feedbackSummary: 0)
    static let rateLimitedBody = #"{"error":{"type":"rate_limit_error","code":"rate_limited","message":"slow","param":null,"request_id":"req_r"}}"#

    static func since(_ seen: ScriptedServer.Seen) -> String? {
        URLComponents(string: "http://x/?\(seen.query ?? "")")?.queryItems?.first { $0.name == "since" }?.value
    }

    static func lastConnection(_ recorder: UpdateRecorder) -> SyncUpdate? {
        recorder.updates.last { if case .connection = $0 { true } else { false } }
    }

    @Test func anUnreadableLeadIsSkippedAndReportedOnce() async throws {
        let good = [Fixtures.lead("del_c", at: 1_800_000_000), Fixtures.lead("del_a", at: 1_799_999_000)]
        var bad = SyncEngineTests.json(Fixtures.lead("del_b", at: 1_799_999_500))
        bad = bad.replacingOccurrences(of: #""score":84"#, with: #""score":"84""#)
        let body = #"{"data":[\#(SyncEngineTests.json(good[0])),\#(bad),\#(SyncEngineTests.json(good[1]))],"has_more":false,"next_cursor":null}"#
        let server = ScriptedServer { _, _ in .json(status: 200, body: body) }
        try await server.start()
        defer { server.stop() }
        let scheduler = ManualScheduler()
        let recorder = UpdateRecorder()
        let engine = try SyncEngineTests.engine(server, path: Fixtures.tempDatabasePath(), scheduler: scheduler, recorder: recorder,
                                                intervals: Self.feedOnly)
        engine.start()
        #expect(await scheduler.until { $0 == [2] })
        let skipped = SyncUpdate.skippedUnreadable(.feed, [UnreadableItem(index: 1, id: "del_b", reason: "score: expected Int")])
        #expect(recorder.updates.contains { $0.addedLeads == good })
        #expect(recorder.updates.filter { $0 == skipped }.count == 1)
        #expect(Self.lastConnection(recorder) == .connection(.live))
        // The same reply again (the unreadable lead is still at the newest second): not reported again.
        scheduler.advance(by: 2)
        #expect(await scheduler.until { $0 == [2] })
        #expect(server.requests.count == 2)
        #expect(recorder.updates.filter { $0 == skipped }.count == 1)
        engine.stop()
    }

    @Test func aCachedLeadFromTheFutureDoesNotPoisonTheCursorAtStart() async throws {
        let path = Fixtures.tempDatabasePath()
        let scheduler = ManualScheduler()   // now = 1_800_000_000
        var poisoned = Fixtures.lead("del_z", at: 0)
        poisoned.deliveredAt = Timestamp.parse("9999-12-31T23:59:59Z")!
        do {
            let store = try LocalStore(path: path)
            _ = try store.storeLeads([poisoned, Fixtures.lead("del_b", at: 1_799_999_900), Fixtures.lead("del_a", at: 1_799_999_000)],
                                     limit: 1_000)
        }
        let server = ScriptedServer { _, _ in .json(status: 200, body: #"{"data":[],"has_more":false,"next_cursor":null}"#) }
        try await server.start()
        defer { server.stop() }
        let recorder = UpdateRecorder()
        let engine = try SyncEngineTests.engine(server, path: path, scheduler: scheduler, recorder: recorder, intervals: Self.feedOnly)
        engine.start()
        #expect(await Fixtures.eventually { server.requests.count == 1 })
        #expect(server.requests.map(Self.since) == ["2027-01-15T07:58:20Z"], "since the newest lead not from the future")
        #expect(Timestamp.parse("2027-01-15T07:58:20Z") == Date(timeIntervalSince1970: 1_799_999_900))
        engine.stop()
    }

    @Test func retryAfterZeroAndHugeAreClampedAndTheWaitIsShown() async throws {
        let retryAfter = LockedValue("0")
        let server = ScriptedServer { _, _ in
            .json(status: 429, headers: ["Retry-After": retryAfter.value], body: Self.rateLimitedBody)
        }
        try await server.start()
        defer { server.stop() }
        let scheduler = ManualScheduler()
        let recorder = UpdateRecorder()
        let engine = try SyncEngineTests.engine(server, path: Fixtures.tempDatabasePath(), scheduler: scheduler, recorder: recorder,
                                                intervals: Self.feedOnly)
        let t = scheduler.now()
        engine.start()
        // Retry-After: 0 waits the contract's minimum second, not a tight loop.
        #expect(await scheduler.until { $0 == [1] })
        retryAfter.value = "9223372036854775807"
        for tries in 2...5 {
            scheduler.advance(by: scheduler.pendingDelays[0])
            #expect(await scheduler.until { $0 == [3600] })
            #expect(server.requests.count == tries)
        }
        // Five rate-limited tries in a row (offline after 3 otherwise): still degraded, with the wait.
        let last = scheduler.now()
        #expect(await recorder.until {
            $0.lastConnection == .degraded(reason: "rate limited", nextRetry: last.addingTimeInterval(3600))
        })
        #expect(!recorder.updates.contains { if case .connection(.offline) = $0 { true } else { false } })
        #expect(last == t.addingTimeInterval(1 + 3 * 3600))
        engine.stop()
    }

    @Test func campaignsBeyondOnePollAreSaidToBeMore() async throws {
        // 120 pages of 100 campaigns: 12,000 on LeadOS.
        let server = ScriptedServer { index, _ in
            let page = (0..<100).map { n -> Campaign in Fixtures.campaign("camp_" + String(format: "%08d", 12_000 - index * 100 - n)) }
            return .json(status: 200, body: SyncEngineTests.json(ListEnvelope(data: page, hasMore: index < 119, nextCursor: page.last!.id)))
        }
        try await server.start()
        defer { server.stop() }
        let scheduler = ManualScheduler()
        let recorder = UpdateRecorder()
        let engine = try SyncEngineTests.engine(server, path: Fixtures.tempDatabasePath(), scheduler: scheduler, recorder: recorder,
                                                intervals: Self.campaignsOnly)
        engine.start()
        // A walk of 100 pages waits 150 s before the next, not the usual 10: 40 requests a minute.
        #expect(await scheduler.until(60) { $0 == [150] })
        let lists = recorder.updates.compactMap { if case .campaigns(let list) = $0 { list } else { nil } }
        #expect(lists.map(\.count) == [10_000])
        #expect(server.requests.count == SyncEngine.campaignPageLimit)
        #expect(recorder.updates.filter { $0 == .moreCampaignsOnServer(true) }.count == 1)
        #expect(Self.lastConnection(recorder) == .connection(.live))
        engine.stop()
    }
}

/// A value shared with a server's script.
final class LockedValue<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T
    init(_ value: T) { stored = value }
    var value: T {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
