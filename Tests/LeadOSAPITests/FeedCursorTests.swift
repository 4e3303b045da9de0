import Foundation
import Testing
@testable import LeadOSAPI

@Suite struct FeedCursorTests {
    static func lead(_ id: String, at seconds: Int) -> Lead {
        Lead(id: id, campaignID: "camp_abc123", fullName: "N", jobTitle: "CEO", companyName: "C", companyDomain: "c.io",
             companySize: .s11_50, companyIndustry: "SaaS", geography: "Oslo, Norway", email: nil, emailStatus: nil,
             phone: nil, linkedinURL: nil, score: 70, intentSummary: "i", enrichmentLevel: .basic, creditsConsumed: 1,
             deliveredAt: Date(timeIntervalSince1970: TimeInterval(seconds)), feedback: nil)
    }

    @Test func inclusiveSinceRepeatsAreDropped() {
        var cursor = FeedCursor()
        let first = cursor.accept([Self.lead("del_c", at: 100), Self.lead("del_b", at: 100), Self.lead("del_a", at: 90)])
        #expect(first.map(\.id) == ["del_c", "del_b", "del_a"])
        #expect(cursor.newest == Date(timeIntervalSince1970: 100))
        #expect(cursor.idsAtNewest == ["del_b", "del_c"])
        // The next fetch with since=100 returns the two at 100 again plus a new one at 100 and one at 110.
        let second = cursor.accept([Self.lead("del_e", at: 110), Self.lead("del_d", at: 100),
                                    Self.lead("del_c", at: 100), Self.lead("del_b", at: 100)])
        #expect(second.map(\.id) == ["del_e", "del_d"])
        #expect(cursor.idsAtNewest == ["del_e"])
        #expect(cursor.accept([Self.lead("del_e", at: 110)]).isEmpty)
    }

    @Test func leadsBeyondTheLimitAreReturnedOnceWithoutMovingTheCursor() {
        var cursor = FeedCursor()
        let limit = Date(timeIntervalSince1970: 200)
        let first = cursor.accept([Self.lead("del_far", at: 9_000), Self.lead("del_b", at: 150), Self.lead("del_a", at: 100)],
                                  notAfter: limit)
        #expect(first.map(\.id) == ["del_far", "del_b", "del_a"])
        #expect(cursor.newest == Date(timeIntervalSince1970: 150))
        #expect(cursor.ahead == ["del_far": Date(timeIntervalSince1970: 9_000)])
        // Asked again (since=150 still includes it): not new, and still not the cursor.
        #expect(cursor.accept([Self.lead("del_far", at: 9_000), Self.lead("del_c", at: 160)], notAfter: limit).map(\.id) == ["del_c"])
        #expect(cursor.newest == Date(timeIntervalSince1970: 160))
        // Once the cursor passes it, it is forgotten: it cannot come back.
        _ = cursor.accept([Self.lead("del_z", at: 9_001)], notAfter: Date(timeIntervalSince1970: 10_000))
        #expect(cursor.ahead.isEmpty)
        #expect(cursor.newest == Date(timeIntervalSince1970: 9_001))
    }

    @Test func aPoisonedCacheDoesNotSetTheStartingPoint() {
        let cached = [Self.lead("del_far", at: 9_000), Self.lead("del_b", at: 150)]
        let cursor = FeedCursor(known: cached, notAfter: Date(timeIntervalSince1970: 200))
        #expect(cursor.newest == Date(timeIntervalSince1970: 150))
        #expect(FeedCursor(known: cached).newest == Date(timeIntervalSince1970: 9_000), "without a limit, as before")
    }

    @Test func theAheadSetIsBounded() {
        var cursor = FeedCursor()
        let many = (0..<(FeedCursor.aheadLimit + 50)).map { Self.lead("del_f\($0)", at: 10_000 + $0) }
        #expect(cursor.accept(many, notAfter: Date(timeIntervalSince1970: 0)).count == many.count)
        #expect(cursor.ahead.count == FeedCursor.aheadLimit)
        #expect(cursor.newest == nil)
    }

    @Test func startsFromKnownLeadsAndIgnoresDuplicatesInABatch() {
        var cursor = FeedCursor(known: [Self.lead("del_a", at: 50)])
        let fresh = cursor.accept([Self.lead("del_x", at: 60), Self.lead("del_x", at: 60), Self.lead("del_old", at: 40)])
        #expect(fresh.map(\.id) == ["del_x"])
    }
}
