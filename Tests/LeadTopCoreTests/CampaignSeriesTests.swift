import LeadOSContract
import Testing
@testable import LeadTopCore

/// The campaigns' sparklines come from the account stats' `by_campaign` parts: one row per
/// campaign, one column per day of the last `days`, oldest first, zero where a day has no part.
@Suite struct CampaignSeriesTests {
    static func day(_ date: String, _ parts: [(String, Int)]) -> DeliveryStats.Day {
        DeliveryStats.Day(date: date, delivered: parts.reduce(0) { $0 + $1.1 }, creditsConsumed: 0, avgScore: nil,
                          byCampaign: parts.map { .init(campaignID: $0.0, delivered: $0.1, creditsConsumed: 0, avgScore: nil) })
    }

    static func stats(_ days: [DeliveryStats.Day]) -> DeliveryStats {
        DeliveryStats(startDate: "2026-05-01", endDate: "2026-05-31", campaignID: nil,
                      totals: .init(delivered: 0, creditsConsumed: 0, avgScore: nil), data: days)
    }

    /// The plain reading of the rule, to compare with.
    static func reference(_ stats: DeliveryStats, days: Int) -> [String: [Int]] {
        let recent = stats.data.suffix(days)
        var result: [String: [Int]] = [:]
        for (offset, day) in recent.enumerated() {
            for part in day.byCampaign {
                result[part.campaignID, default: Array(repeating: 0, count: recent.count)][offset] = part.delivered
            }
        }
        return result
    }

    @Test func eachCampaignHasADayByDayRow() {
        let stats = Self.stats([
            Self.day("2026-05-01", [("camp_a", 9)]),
            Self.day("2026-05-02", [("camp_a", 1), ("camp_b", 2)]),
            Self.day("2026-05-03", []),
            Self.day("2026-05-04", [("camp_b", 4), ("camp_a", 3)]),
        ])
        #expect(AppState.series(from: stats, days: 3) == ["camp_a": [1, 0, 3], "camp_b": [2, 0, 4]])
        #expect(AppState.series(from: stats, days: 14) == ["camp_a": [9, 1, 0, 3], "camp_b": [0, 2, 0, 4]])
        #expect(AppState.series(from: stats, days: 0) == [:])
        #expect(AppState.series(from: Self.stats([]), days: 14) == [:])
    }

    /// Any stats, ids drawn from a small pool (so they repeat within a day too, the later part
    /// winning; ids that differ only in their last byte; ids that are different bytes but equal
    /// `String`s, as a `[String: …]` takes them), give the rows the plain reading gives.
    @Test func anyStatsGiveThePlainReadingsRows() {
        let pool = ["camp_a", "camp_b", "", "camp_0001abcdefgh", "camp_0001abcdefgi", "caf\u{E9}", "cafe\u{301}", "x",
                    "camp_K", "camp_\u{212A}", "\u{1E0A}\u{323}", "\u{1E0C}\u{307}"]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<500 {
            let days = (0..<next(20)).map { index in
                Self.day("2026-05-\(index + 1)", (0..<next(6)).map { _ in (pool[next(pool.count)], next(1_000)) })
            }
            let stats = Self.stats(days)
            let window = next(25)
            #expect(AppState.series(from: stats, days: window) == Self.reference(stats, days: window))
        }
    }
}
