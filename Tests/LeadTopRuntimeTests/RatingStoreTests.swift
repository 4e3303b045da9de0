import Foundation
import GRDB
import LeadOSAPI
import LeadTopCore
import Testing
@testable import LeadTopRuntime

/// "Unrated only" over the SQLite cache, and `z`'s withdrawal from the SQLite outbox.
@Suite struct RatingStoreTests {
    @Test func unratedOnlyPagesMatchTheReferenceAnswer() throws {
        let store = try LocalStore(path: Fixtures.tempDatabasePath())
        let world = FeedCacheTests.world
        let rated = world.filter { $0.feedback != nil }.count
        try #require(rated > 0 && rated < world.count, "the seeded world has rated and unrated leads")
        try store.storeLeads(world, limit: 100_000)
        for text in ["", "score>80"] {
            let filter = try FeedFilter.parse(text, unratedOnly: true).get()
            for (offset, limit) in [(0, 600), (1_000, 100)] {
                let request = FeedRequest(filter: filter, offset: offset, limit: limit, generation: 1)
                let page = try store.feedPage(request)
                let reference = FeedPage.answer(request, from: world, version: page.version)
                #expect(page.matching == reference.matching, "\(text) offset \(offset)")
                #expect(page.leads.map(\.id) == reference.leads.map(\.id), "\(text) offset \(offset)")
                #expect(page.leads.allSatisfy { $0.feedback == nil })
            }
        }
        #expect(try store.feedPage(FeedRequest(filter: FeedFilter(unratedOnly: true), offset: 0, limit: 1, generation: 1)).matching
            == world.count - rated)
        // A rating stored on a cached lead takes it out of the unrated rows.
        var lead = try #require(world.first { $0.feedback == nil })
        lead.feedback = Feedback(leadID: lead.id, rating: .good, reason: nil, note: nil, createdAt: lead.deliveredAt,
                                 updatedAt: lead.deliveredAt)
        try store.storeLeads([lead], limit: 100_000)
        #expect(try store.feedPage(FeedRequest(filter: FeedFilter(unratedOnly: true), offset: 0, limit: 1, generation: 1)).matching
            == world.count - rated - 1)
    }

    /// A cache from before the column: rated leads are found in the bodies, and a body that is not
    /// JSON does not stop the migration.
    @Test func anOlderCacheLearnsWhichLeadsAreRated() throws {
        let path = Fixtures.tempDatabasePath()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        do {
            let store = try LocalStore(path: path)
            let rated = Fixtures.lead("del_rated", at: 1_800_000_000,
                                      feedback: Feedback(leadID: "del_rated", rating: .bad, reason: .other, note: nil,
                                                         createdAt: Date(timeIntervalSince1970: 1_800_000_000),
                                                         updatedAt: Date(timeIntervalSince1970: 1_800_000_000)))
            try store.storeLeads([rated, Fixtures.lead("del_open", at: 1_800_000_100)], limit: 100)
            // Back to v5: no `rated` column, one unreadable body.
            try store.db.write { db in
                try db.execute(sql: """
                    ALTER TABLE cached_lead DROP COLUMN rated;
                    DELETE FROM grdb_migrations WHERE identifier = 'v6-feed-rated';
                    INSERT INTO cached_lead (id, delivered_at, campaign_id, score, haystack, body)
                        VALUES ('del_junk', 1, 'camp_1', 1, '', x'7b');
                    """)
            }
        }
        let store = try LocalStore(path: path)
        let ids = try store.db.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM cached_lead WHERE rated = 0 ORDER BY id")
        }
        #expect(ids == ["del_junk", "del_open"])
        let page = try store.feedPage(FeedRequest(filter: FeedFilter(unratedOnly: true), offset: 0, limit: 10, generation: 0))
        #expect(page.leads.map(\.id) == ["del_open"], "the junk row counts as unrated but does not decode")
    }

    @Test func onlyAWriteNeverTriedAndNotInFlightIsWithdrawn() throws {
        let store = try LocalStore(path: Fixtures.tempDatabasePath())
        let t = Date(timeIntervalSince1970: 1_800_000_000)
        let good = WriteCommand.feedback(leadID: "del_a", FeedbackSubmission(rating: .good))
        let other = WriteCommand.feedback(leadID: "del_b", FeedbackSubmission(rating: .good))
        let first = try store.enqueue(good, idempotencyKey: "k1", at: t)
        try store.enqueue(other, idempotencyKey: "k2", at: t)
        let second = try store.enqueue(good, idempotencyKey: "k3", at: t)
        // The newest copy goes; the older one stays queued.
        #expect(try store.withdrawUnsent(good, sparing: nil))
        #expect(try store.pendingWrites().entries.map(\.idempotencyKey) == ["k1", "k2"])
        _ = second
        // The write in flight is spared, and so is one that was tried once (it may have arrived).
        #expect(try store.withdrawUnsent(good, sparing: first.sequence) == false)
        try store.recordAttempt(first.sequence, error: "HTTP 503")
        #expect(try store.withdrawUnsent(good, sparing: nil) == false)
        #expect(try store.pendingWrites().entries.map(\.idempotencyKey) == ["k1", "k2"])
        // A write that is not queued at all (sent and settled) is not found.
        #expect(try store.withdrawUnsent(.feedback(leadID: "del_z", FeedbackSubmission(rating: .bad, reason: .other)), sparing: nil) == false)
        #expect(try store.withdrawUnsent(other, sparing: nil))
        #expect(try store.pendingWriteCount() == 1)
    }
}
