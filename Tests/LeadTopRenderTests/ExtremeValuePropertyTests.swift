import Foundation
import PropertyBased
import Testing
import LeadOSContract
import LeadTopCore
@testable import LeadTopRender
import LeadTopTestSupport

/// The whole dashboard, the lead card and the help overlay drawn from models full of extreme
/// numbers and dates, at sizes from tiny to large: whatever LeadOS sends (or once sent, into the
/// cache), a frame is drawn and nothing traps. The models are built directly, past the decoders'
/// range checks, because the renderer must not rely on them.
@Suite(.serialized) struct ExtremeValuePropertyTests {
    typealias F = DashboardFixtures

    init() { #expect(TestLocale.ready) }

    static let edgeInts = [Int.min, Int.min + 1, -1_000_000, -1, 0, 1, 2, 4, 99, 100, 101, 100_000, Int.max / 2, Int.max - 1, Int.max]
    static let edgeDoubles: [Double] = [-.infinity, -.greatestFiniteMagnitude, -1e308, -1e17, -1, -0.0, 0, 1e-300, 0.5, 1,
                                        79.5, 100, 100.05, 1e17, 9.3e18, 1e300, 1e308, .greatestFiniteMagnitude, .infinity, .nan]
    /// Seconds since 1970: before year 0, the wire format's first and last second, around now, far beyond.
    static let edgeTimes: [TimeInterval] = [-.infinity, -1e300, -9.3e18, -62_167_219_201, -62_167_219_200, 0,
                                            F.now.timeIntervalSince1970 - 1, F.now.timeIntervalSince1970, 253_402_300_799,
                                            253_402_300_800, 9.3e18, 1e300, .infinity, .nan]
    /// The sizes of the brief: too small for the layout, the smallest full layout, common, large.
    static let sizes = [(1, 1), (20, 6), (59, 17), (60, 18), (80, 24), (120, 40), (200, 50)]

    /// One of `values`, shrinking towards the first.
    static func pick<T: Sendable>(_ values: [T]) -> Generator<T, some SendableSequenceType> {
        Gen<Int>.int(in: 0...(values.count - 1)).map { values[$0] }
    }

    static var int: Generator<Int, some SendableSequenceType> {
        Gen<Int>.oneOf(pick(edgeInts), Gen<Int>.int(in: Int.min...Int.max))
    }
    static var double: Generator<Double, some SendableSequenceType> {
        Gen<Double>.oneOf(pick(edgeDoubles), Gen<Double>.double(in: -1e18...1e18))
    }
    static var time: Generator<TimeInterval, some SendableSequenceType> { pick(edgeTimes) }
    static var size: Generator<Int, some SendableSequenceType> { Gen<Int>.int(in: 0...(sizes.count - 1)) }
    static var dayCount: Generator<Int, some SendableSequenceType> { pick([0, 1, 7, 30, 90, 1_000]) }

    @Test func everyViewDrawsExtremeModels() async {
        await propertyCheck(count: 150, input: Self.int.array(of: 16), Self.double.array(of: 6), Self.time.array(of: 6),
                            Self.dayCount, Self.size) { ints, doubles, times, days, sizeIndex in
            let (width, height) = Self.sizes[sizeIndex]
            var state = Self.state(ints: ints, doubles: doubles, times: times, days: days, width: width, height: height)
            for modal in [nil, Key.enter, Key.char("?")] {
                if let modal { reduce(&state, .key(.esc)); reduce(&state, .key(modal)) }
                let grid = DashboardView.render(state: state, theme: .default, width: width, height: height)
                #expect(grid.width == width && grid.height == height)
            }
        }
    }

    /// A state fed through the reducer with campaigns, leads, stats, balance and feedback made of
    /// the given numbers and dates.
    static func state(ints: [Int], doubles: [Double], times: [TimeInterval], days: Int, width: Int, height: Int) -> AppState {
        func int(_ i: Int) -> Int { ints[i % ints.count] }
        func double(_ i: Int) -> Double { doubles[i % doubles.count] }
        func date(_ i: Int) -> Date { Date(timeIntervalSince1970: times[i % times.count]) }
        let now = F.now
        var state = AppState(width: width, height: height, now: now)
        var campaigns = F.campaigns
        for i in campaigns.indices {
            campaigns[i].leadsDelivered = int(i); campaigns[i].leadsDeliveredToday = int(i + 1)
            campaigns[i].dailyLeadCap = int(i + 2); campaigns[i].creditsSpent = int(i + 3)
            campaigns[i].totalLeadCap = int(i + 4); campaigns[i].createdAt = date(i)
        }
        var leads = F.leads
        for i in leads.indices {
            leads[i].score = int(i + 5); leads[i].creditsConsumed = int(i + 6); leads[i].deliveredAt = date(i + 1)
        }
        let dayList = (0..<days).map { d -> DeliveryStats.Day in
            let parts = F.campaigns.prefix(3).enumerated().map { c, campaign in
                DeliveryStats.CampaignDay(campaignID: campaign.id, delivered: int(d + c), creditsConsumed: int(d + c + 7),
                                          avgScore: d % 5 == 0 ? nil : double(d + c))
            }
            return .init(date: d % 3 == 0 ? "2026-05-07" : "x", delivered: int(d + 8), creditsConsumed: int(d + 9),
                         avgScore: d % 4 == 0 ? nil : double(d), byCampaign: parts)
        }
        let stats = DeliveryStats(startDate: "2026-05-01", endDate: "2026-05-07", campaignID: nil,
                                  totals: .init(delivered: int(10), creditsConsumed: int(11), avgScore: double(1)), data: dayList)
        let balance = Balance(creditsRemaining: int(12), creditsUsedThisPeriod: int(13), planCredits: int(14),
                              periodStart: date(2), periodEnd: date(3), lowBalanceThreshold: int(15), lowBalance: int(0) < 0)
        var reasons = FeedbackSummary.BadReasonCounts()
        for (i, reason) in BadReason.allCases.enumerated() { reasons[reason] = int(i + 2) }
        let statuses: [PersonalisationStatus] = [.collecting, .training, .active]
        let summary = FeedbackSummary(
            totalDelivered: int(1), totalFeedback: int(2), feedbackRate: double(2), good: int(3), bad: int(4), badReasons: reasons,
            personalisation: .init(status: statuses[Int(int(5).magnitude % 3)], feedbackCount: int(6), threshold: int(7),
                                   progress: double(3), activatedAt: date(4)))
        let updates: [SyncUpdate] = [
            .campaigns(campaigns), .newLeads(leads), .stats(stats), .balance(balance), .feedbackSummary(summary),
            .connection(.degraded(reason: "rate limited", nextRetry: date(5))), .refreshed(.feed, at: date(0)),
            .rateLimit(remaining: int(8), limit: int(9)), .pendingWrites(int(10)),
        ]
        for update in updates { reduce(&state, .sync(update)) }
        // Scope the stats to a campaign half the time, which rebuilds its share from `by_campaign`.
        if int(11) % 2 == 0, let first = campaigns.first { state.scopeCampaignID = first.id }
        return state
    }
}
