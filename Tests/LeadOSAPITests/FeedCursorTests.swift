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

    @Test func startsFromKnownLeadsAndIgnoresDuplicatesInABatch() {
        var cursor = FeedCursor(known: [Self.lead("del_a", at: 50)])
        let fresh = cursor.accept([Self.lead("del_x", at: 60), Self.lead("del_x", at: 60), Self.lead("del_old", at: 40)])
        #expect(fresh.map(\.id) == ["del_x"])
    }
}
