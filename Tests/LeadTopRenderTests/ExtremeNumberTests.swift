import Foundation
import Testing
import LeadOSAPI
import LeadTopCore
@testable import LeadTopRender
import LeadTopTestSupport

/// The numbers of issue 16, each of which trapped a frame, drawn through the formatters and the
/// panes that showed them. The decoders refuse them now (`ContractRangeTests`); the renderer must
/// not depend on that.
@Suite(.serialized) struct ExtremeNumberTests {
    typealias F = DashboardFixtures

    init() { #expect(TestLocale.ready) }

    func pane(_ width: Int, _ height: Int, _ draw: (inout CellGrid, Rect) -> Void) -> CellGrid {
        var grid = prefilledGrid(width: width + 2, height: height + 1)
        draw(&grid, Rect(x: 1, y: 0, width: width, height: height))
        return grid
    }

    @Test func formattersAreTotal() {
        #expect(Format.thousands(Int.min) == "-9,223,372,036,854,775,808")
        #expect(Format.thousands(Int.max) == "9,223,372,036,854,775,807")
        #expect(Format.oneDecimal(1e300) == "1e+300")
        #expect(Format.oneDecimal(-1e300) == "-1e+300")
        #expect(Format.oneDecimal(1_234_567.89) == "1234567.9")
        #expect(Format.oneDecimal(1e17) == "1e+17")
        #expect(Format.oneDecimal(.nan) == "–")
        #expect(Format.oneDecimal(.infinity) == "–")
        #expect(Format.oneDecimal(-0.5) == "-0.5")
        #expect(Format.oneDecimal(78.44) == "78.4")
        #expect(Format.age(TimeInterval(Int.max)) == "292471208677y")
        #expect(Format.age(.infinity) == "292471208677y")
        #expect(Format.age(-1e300) == "0s")
        #expect(Format.age(.nan) == "0s")
        #expect(Format.day(Date(timeIntervalSince1970: 1e300)) == "9999-12-31")
        #expect(Format.clock(Date(timeIntervalSince1970: -1e300)) == "00:00")
        #expect(Format.daysUntil(Date(timeIntervalSince1970: 1e300), from: F.now) == Int.max)
        #expect(Format.daysUntil(.distantPast, from: F.now) == 0)
    }

    @Test func statsPaneWithAnAbsurdAverageScore() {
        var state = F.state()
        var stats = F.stats
        stats.totals.avgScore = 1e300
        stats.data[29].avgScore = 1e300
        stats.totals.delivered = Int.min
        reduce(&state, .sync(.stats(stats)))
        let grid = pane(44, 12) { StatsPane.draw(into: &$0, state: state, theme: .default, rect: $1, focused: false) }
        #expect(grid.line(1) == "x│30d: -9,223,372,036,854,775,808 leads · 7…│x")
        #expect(grid.line(10) == "x│score  ▇▇▇▆▇▇▇▇▇▇▇▇▇▇▇▇▆▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇█│x")
    }

    @Test func creditsPaneWithIntMinAndHugeDays() {
        var state = F.state()
        var balance = F.balance
        balance.creditsRemaining = Int.min
        reduce(&state, .sync(.balance(balance)))
        var stats = F.stats
        stats.data[29].creditsConsumed = Int.max
        stats.data[28].creditsConsumed = Int.max
        reduce(&state, .sync(.stats(stats)))
        assertGrid(pane(40, 7) { CreditsPane.draw(into: &$0, state: state, theme: .default, rect: $1, focused: false) }, """
            x┌4 Credits─────────────────────────────┐x
            x│░░░░░ -9,223,372,036,854,775,808/2,000│x
            x│⚠ low    below 200 credits            │x
            x│used     760 this period              │x
            x│burn     2.6352491533870787e+18/day (…│x
            x│runs out now                          │x
            x└──────────────────────────────────────┘x
            xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
            """)
    }

    /// The fuzzer's find (with the burn rate's old `Int` sum put back to check that it finds it):
    /// a valid stats reply whose week of credits sums past `Int.max`, drawn beside a balance.
    @Test func fuzzerFoundBurnRateOverflow() throws {
        let body = #"{"cmapaign_id":"camp_0003MIMFXURK","data":[{"avg_score":null,"by_campaign":[],"credits_consumed":9223372036854775806,"date":"2026-05-06","delivered":4},{"avg_score":null,"by_campaign":[],"credits_consumed":1001,"date":"2026-05-07","delivered":5}],"end_date":"2026-05-07","start_date":"2026-05-06","totals":{"avg_score":null,"credits_consumed":9223372036854775806,"delivered":0}}"#
        let stats = try LeadOSJSON.decode(DeliveryStats.self, from: Data(body.utf8))
        var state = F.state()
        reduce(&state, .sync(.stats(stats)))
        let grid = pane(40, 7) { CreditsPane.draw(into: &$0, state: state, theme: .default, rect: $1, focused: false) }
        #expect(grid.line(3) == "x│burn     4.611686018427388e+18/day (7…│x")
        #expect(grid.line(4) == "x│runs out 2026-05-07                   │x")
    }

    /// A negative balance of 1e17 sent the run-out date beyond the calendar's years; a huge positive
    /// one with a tiny burn sends it past any period end.
    @Test func creditsPaneRunOutDatesBeyondTheCalendar() {
        var balance = F.balance
        balance.creditsRemaining = Int.max - 1
        #expect(CreditsPane.runOut(balance: balance, burn: 1e-300, now: F.now) == "after period end")
        balance.creditsRemaining = -100_000_000_000_000_000
        #expect(CreditsPane.runOut(balance: balance, burn: 32, now: F.now) == "now")
        #expect(CreditsPane.burnRate(F.stats) == 32)
    }

    @Test func feedbackPaneWithAnAbsurdRate() {
        var state = F.state()
        var summary = F.feedbackSummary
        summary.feedbackRate = 1e300
        summary.good = Int.min
        summary.personalisation.progress = .nan
        reduce(&state, .sync(.feedbackSummary(summary)))
        let grid = pane(40, 7) { FeedbackPane.draw(into: &$0, state: state, theme: .default, rect: $1, focused: false) }
        #expect(grid.line(1) == "x│good -9223372036854775808  bad 8  rat…│x")
        #expect(grid.line(3) == "x│░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░│x")
    }

    @Test func campaignsPaneWithIntMinCounts() {
        var state = F.state()
        var campaigns = F.campaigns
        campaigns[0].leadsDelivered = Int.min
        campaigns[0].creditsSpent = Int.max
        reduce(&state, .sync(.campaigns(campaigns)))
        let grid = pane(120, 4) { CampaignsPane.draw(into: &$0, state: state, theme: .default, rect: $1, focused: true) }
        #expect(grid.line(2).hasSuffix("12/25         ▄▂▅▂▅▅█▆█▆▄▆▄▇ -9,223… 9,223,…│x"))
    }

    /// `Retry-After: 9223372036854775807` made a retry time the status bar could not show.
    @Test func statusBarWithARetryAtTheEndOfTime() throws {
        var state = F.state(width: 100, height: 30)
        let meta = ResponseMeta(status: 429, headers: ["Retry-After": "9223372036854775807"])
        let retryAfter = try #require(meta.retryAfter)
        reduce(&state, .sync(.connection(.degraded(reason: "rate limited", nextRetry: F.now.addingTimeInterval(retryAfter)))))
        let grid = DashboardView.render(state: state, theme: .default, width: 100, height: 30)
        #expect(grid.line(29).hasPrefix("◐ degraded: rate limited, retry in 292471208677y │"))
        reduce(&state, .sync(.connection(.degraded(reason: "rate limited", nextRetry: .distantPast))))
        #expect(DashboardView.render(state: state, theme: .default, width: 100, height: 30).line(29)
            .hasPrefix("◐ degraded: rate limited, retry in 0s │"))
    }

    /// Bars and sparklines scale any value, negative ones included, into their cells.
    @Test func chartsScaleAnyValue() {
        #expect(Sparkline.text([Int.min, 0, 50, Int.max], maxValue: 100) == "  ▄█")
        #expect(Sparkline.text([Int.max, 1, Int.max / 2]) == "█▁▄")
        var grid = CellGrid(width: 40, height: 5, fill: Cell(.space, style: Theme.default[.text]))
        BarChart.draw(into: &grid, Rect(x: 0, y: 0, width: 40, height: 5), values: [Int.min, -1, Int.max],
                      labels: ["a", "b", "c"], barStyle: Theme.default[.chart], axisStyle: Theme.default[.dim])
        #expect(grid.lines == [
            "9223372036854775807│               █████",
            "4611686018427387903│               █████",
            "                   │               █████",
            "                  0└────────────────────",
            "                    a                  c",
        ])
    }
}
