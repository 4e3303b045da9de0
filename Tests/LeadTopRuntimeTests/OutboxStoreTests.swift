import Foundation
import GRDB
import LeadOSAPI
import LeadTopCore
import Testing
@testable import LeadTopRuntime

/// The outbox and cache on a real SQLite file in a temp directory.
@Suite struct OutboxStoreTests {
    @Test func writesSurviveReopeningTheFileInOrderWithTheirKeys() throws {
        let path = Fixtures.tempDatabasePath()
        let t = Date(timeIntervalSince1970: 1_800_000_000)
        do {
            let store = try LocalStore(path: path)
            try store.enqueue(.pause(campaignID: "camp_a"), idempotencyKey: "k1", at: t)
            try store.enqueue(.feedback(leadID: "del_x", FeedbackSubmission(rating: .bad, reason: .notICP, note: "n")), idempotencyKey: "k2", at: t)
            try store.enqueue(.suppress(emails: ["a@b.co"]), idempotencyKey: "k3", at: t)
            try store.recordAttempt(2, error: "HTTP 503")
        }
        let reopened = try LocalStore(path: path)
        let pending = try reopened.pendingWrites()
        #expect(pending.discarded == 0)
        #expect(pending.entries.map(\.idempotencyKey) == ["k1", "k2", "k3"])
        #expect(pending.entries.map(\.command) == [
            .pause(campaignID: "camp_a"),
            .feedback(leadID: "del_x", FeedbackSubmission(rating: .bad, reason: .notICP, note: "n")),
            .suppress(emails: ["a@b.co"]),
        ])
        #expect(pending.entries.map(\.attempts) == [0, 1, 0])
        try reopened.settle(pending.entries[0].sequence)
        #expect(try reopened.pendingWriteCount() == 2)
        let mode = try FileManager.default.attributesOfItem(atPath: (path as NSString).deletingLastPathComponent)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o700)
    }

    @Test func corruptedRowsAreDiscardedNotBlocking() throws {
        let store = try LocalStore(path: Fixtures.tempDatabasePath())
        try store.enqueue(.pause(campaignID: "camp_a"), idempotencyKey: "k1", at: Date())
        try store.db.write { db in
            try db.execute(sql: "INSERT INTO outbox (idempotency_key, command, created_at) VALUES ('bad', x'7b7b', 0)")
        }
        try store.enqueue(.resume(campaignID: "camp_a"), idempotencyKey: "k3", at: Date())
        let pending = try store.pendingWrites()
        #expect(pending.discarded == 1)
        #expect(pending.entries.map(\.idempotencyKey) == ["k1", "k3"])
        #expect(try store.pendingWriteCount() == 2)
    }

    @Test func cacheKeepsTheNewestLeadsAndTheLastValues() throws {
        let path = Fixtures.tempDatabasePath()
        let store = try LocalStore(path: path)
        try store.storeLeads((0..<10).map { Fixtures.lead("del_\($0)", at: 1000 + $0) }, limit: 4)
        try store.storeLeads([Fixtures.lead("del_old", at: 10)], limit: 4)
        try store.cacheCampaigns([Fixtures.campaign("camp_b"), Fixtures.campaign("camp_a")])
        try store.cacheCampaign(Fixtures.campaign("camp_a", status: .paused))
        let balance = Balance(creditsRemaining: 10, creditsUsedThisPeriod: 2, planCredits: 12, periodStart: Date(timeIntervalSince1970: 0),
                              periodEnd: Date(timeIntervalSince1970: 86_400), lowBalanceThreshold: 5, lowBalance: false)
        try store.cacheValue(balance, for: .balance, at: Date(timeIntervalSince1970: 1_800_000_000))

        let reopened = try LocalStore(path: path)
        let cached = try reopened.loadCache()
        let page = try reopened.feedPage(FeedRequest(filter: .all, offset: 0, limit: 100, generation: 0))
        #expect(page.leads.map(\.id) == ["del_9", "del_8", "del_7", "del_6"])
        #expect(cached.campaigns.map(\.id) == ["camp_b", "camp_a"])
        #expect(cached.campaigns.map(\.status) == [.active, .paused])
        #expect(cached.balance == balance)
        #expect(cached.stats == nil)
        #expect(cached.savedAt == Date(timeIntervalSince1970: 1_800_000_000))
    }

    @Test func statsStoredAsReceivedComeBackDecoded() throws {
        let path = Fixtures.tempDatabasePath()
        let received = Data("""
            {"start_date":"2026-05-06","end_date":"2026-05-06","campaign_id":null,
             "totals":{"delivered":9,"credits_consumed":18,"avg_score":77.0},
             "data":[{"date":"2026-05-06","delivered":9,"credits_consumed":18,"avg_score":77.0,
               "by_campaign":[{"campaign_id":"camp_abc123","delivered":9,"credits_consumed":18,"avg_score":77.0}]}]}
            """.utf8)
        try LocalStore(path: path).cacheBody(received, for: .stats, at: Date(timeIntervalSince1970: 1_800_000_000))
        let stats = try #require(try LocalStore(path: path).loadCache().stats)
        #expect(stats == (try LeadOSJSON.decode(DeliveryStats.self, from: received)))
        #expect(stats.data.first?.byCampaign.first?.campaignID == "camp_abc123")
    }

    /// Values are written and read in place (incremental blob I/O): what plain SQL reads back is
    /// byte for byte what was saved, whatever its size, and a new value replaces the old.
    @Test func largeValuesAreStoredByteForByte() throws {
        let path = Fixtures.tempDatabasePath()
        let store = try LocalStore(path: path)
        let big = Data((0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) })
        func stored(_ name: String) throws -> Data? {
            try DatabaseQueue(path: path).read { try Data.fetchOne($0, sql: "SELECT body FROM cached_value WHERE name = ?", arguments: [name]) }
        }
        try store.cacheBody(big, named: "big", at: Date(timeIntervalSince1970: 1))
        try store.cacheBody(Data(), named: "empty", at: Date(timeIntervalSince1970: 1))
        #expect(try stored("big") == big)
        #expect(try stored("empty") == Data())
        try store.cacheBody(Data("short".utf8), named: "big", at: Date(timeIntervalSince1970: 2))
        #expect(try stored("big") == Data("short".utf8))
        let count = try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM cached_value") }
        #expect(count == 2)
    }
}
