import Foundation
import LeadOSAPI
import LeadTopCore
import Testing
@testable import LeadTopRuntime

/// A big cache must not delay the first frame: the newest screenful comes first, as `.leads`,
/// then every other cached lead in pages, oldest last, as `.cachedLeads`.
@Suite struct CacheBackfillTests {
    @Test func theNewestLeadsComeFirstAndTheRestFollowInPages() async throws {
        let path = Fixtures.tempDatabasePath()
        let total = SyncEngine.firstCachedLeads + SyncEngine.backfillPage + 100
        // Two leads per second, so pages also split leads that share a `delivered_at`.
        let cached = (0..<total).map { i in
            Fixtures.lead(String(format: "del_%06d", i), at: 1_800_000_000 + i / 2)
        }
        try LocalStore(path: path).cacheLeads(cached, limit: 100_000)

        let recorder = UpdateRecorder()
        let off = PollIntervals(feed: 0, campaigns: 0, balance: 0, stats: 0, feedbackSummary: 0)
        let engine = try SyncEngine(
            clientOptions: LeadOSClientOptions(baseURL: URL(string: "http://127.0.0.1:9")!, apiKey: "ldo_live_sk_" + String(repeating: "a", count: 32)),
            store: try LocalStore(path: path), options: SyncOptions(intervals: off), sink: recorder.sink)
        engine.start()
        defer { engine.stop() }
        #expect(await Fixtures.eventually {
            recorder.updates.reduce(0) { n, u in if case .cachedLeads(let l) = u { n + l.count } else { n } } == total - SyncEngine.firstCachedLeads
        })

        let newestFirst = cached.sorted { ($0.deliveredAt, $0.id) > ($1.deliveredAt, $1.id) }
        var batches: [(kind: String, ids: [String])] = []
        for update in recorder.updates {
            switch update {
            case .leads(let l): batches.append(("leads", l.map(\.id)))
            case .cachedLeads(let l): batches.append(("cached", l.map(\.id)))
            case .loadedFromCache: batches.append(("loadedFromCache", []))
            default: break
            }
        }
        #expect(batches.map(\.kind) == ["leads", "loadedFromCache", "cached", "cached"])
        #expect(batches.map(\.ids.count) == [SyncEngine.firstCachedLeads, 0, SyncEngine.backfillPage, 100])
        #expect(batches.flatMap(\.ids) == newestFirst.map(\.id))
    }
}
