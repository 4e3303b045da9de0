import Foundation
import Testing
import LeadOSContract
import LeadTopCore
@testable import LeadTopRender
import LeadTopTestSupport

/// Whole 80×24 screens of the rating queue ("unrated only", counts at once) and of the stats pane
/// over 7 and 90 days, whose chart spans the pane's whole width either way.
@Suite(.serialized) struct RatingScreenTests {
    typealias F = DashboardFixtures

    init() { #expect(TestLocale.ready) }

    func render(_ state: AppState) -> CellGrid {
        DashboardView.render(state: state, theme: .default, width: state.width, height: state.height)
    }

    /// `days` days ending on the fixtures' today, deliveries rising and falling in a pattern.
    static func stats(days: Int) -> DeliveryStats {
        var data: [DeliveryStats.Day] = []
        var total = 0
        for i in 0..<days {
            let date = Timestamp.formatDay(F.now.addingTimeInterval(Double(i - days + 1) * 86_400))
            let delivered = (i * 7) % 11 + (i % 5 == 0 ? 9 : 1)
            total += delivered
            data.append(.init(date: date, delivered: delivered, creditsConsumed: delivered * 2, avgScore: 80,
                              byCampaign: [.init(campaignID: "camp_solar01", delivered: delivered, creditsConsumed: delivered * 2,
                                                 avgScore: 80)]))
        }
        return DeliveryStats(startDate: data[0].date, endDate: data[days - 1].date, campaignID: nil,
                             totals: .init(delivered: total, creditsConsumed: total * 2, avgScore: 80), data: data)
    }

    @Test func unratedOnlyFeedAt80x24() {
        var state = F.state(width: 80, height: 24)
        let feed = MemoryFeed()
        feed.send(.key(.char("u")), to: &state)
        feed.send(.key(.char("+")), to: &state)
        state.message = nil
        assertGrid(render(state), """
            ┌1 Campaigns (5)───────────────────────────────┐┌3 Delivery stats (all)────────┐
            │STATUS      NAME         TODAY WHY     7 DAYS ││30d: 376 leads · 752 cr · avg…│
            │▶ active    Solar ins…   12/25         ▆█▆▄▆▄▇││22│ ▂ ▃ ▂ ▃▁ ▇  ▂   ▁▂▄█▇▇▃▁▄▂│
            │‖ paused    東京 SaaS…    0/20 user    █ ▂▇▄ ▅││  │▁█▅█▄█▇██▇█▆▆█▃█▆██████████│
            │‖ paused    🚀 Growth…    3/50 credits █      ││ 0└───────────────────────────│
            │· draft     Draft: fi…    0/10                ││   04-08                 05-07│
            │✓ completed Nepal Saa…    0/25                ││credits▁▆▃▄▆▄▅▆▄▆▃▆▂▄▆▄▆██▇▅▇▆│
            │                                              ││score  ▇▇▆▇▇▇▇▇▇▇▆▇▇▇▇▇▇▇▇▇▇▇▇│
            └──────────────────────────────────────────────┘└──────────────────────────────┘
            ┌2 Live lead feed (10 of 12)───────────────────┐┌4 Credits─────────────────────┐
            │     AGE SCR FB NAME           COMPANY        ││███████████░░░░░░░ 1,240/2,000│
            │      1m  92 +  Raj Sharma     TechCorp Pvt L…││used     760 this period      │
            │      4m  77    山田 太郎      株式会社テック ││burn     32.0/day (7d avg)    │
            │      9m  65    Zoë 👩💻 Ng    Café Déjà Vu   ││runs out after period end     │
            │     15m  58    محمد العلي     شركة دبي       ││period   ends 2026-06-01 (24d)│
            │     22m  45    EveRED Smith   Bob gnp.exe Ltd│└──────────────────────────────┘
            │     30m  81    Mallory        Trentlink Co   │┌5 Feedback────────────────────┐
            │      2h  95    Priya Patel    Greenfield Ene…││good 25  bad 8  rate 10.6%    │
            │      3h  63    Tomás García   Solaria SL     ││collecting 33/50              │
            │      5h  84    Kim Min-jun    서울 솔라      ││████████████████████░░░░░░░░░░│
            │      1d  52    Olivia Brown   Brown & Sons   ││bounced 2 · wrong person 1    │
            │                                              ││not ICP 4 · no intent 1       │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
            ● live │ updated 3s ago │ API 117/120 │ unrated only │ ?:help /:filter p:pause …
            """)
    }

    @Test func statsOverSevenDaysAt80x24() {
        var state = F.state(width: 80, height: 24)
        _ = reduce(&state, .key(.char("3")))
        for _ in 0..<3 { _ = reduce(&state, .key(.char("["))) }
        _ = reduce(&state, .sync(.stats(Self.stats(days: 7))))
        state.message = nil
        assertGrid(render(state), """
            ┌1 Campaigns (5)───────────────────────────────┐┌3 Delivery stats (all)────────┐
            │STATUS      NAME         TODAY WHY     7 DAYS ││7d: 60 leads · 120 cr · avg 8…│
            │▶ active    Solar ins…   12/25         ▇▆▃█▆██││11│▅▅  ▄▄      ██  ▂▂  ██   ▇▇│
            │‖ paused    東京 SaaS…    0/20 user           ││  │██  ██  ▆▆  ██  ██  ██   ██│
            │‖ paused    🚀 Growth…    3/50 credits        ││ 0└───────────────────────────│
            │· draft     Draft: fi…    0/10                ││   05-01                 05-07│
            │✓ completed Nepal Saa…    0/25                ││credits▇▇▇▇▆▆▆▃▃▃████▆▆▆██████│
            │                                              ││score  ▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇│
            └──────────────────────────────────────────────┘└──────────────────────────────┘
            ┌2 Live lead feed (12)─────────────────────────┐┌4 Credits─────────────────────┐
            │     AGE SCR FB NAME           COMPANY        ││███████████░░░░░░░ 1,240/2,000│
            │      1m  92    Raj Sharma     TechCorp Pvt L…││used     760 this period      │
            │      4m  77    山田 太郎      株式会社テック ││burn     17.1/day (7d avg)    │
            │      9m  65    Zoë 👩💻 Ng    Café Déjà Vu   ││runs out after period end     │
            │     15m  58    محمد العلي     شركة دبي       ││period   ends 2026-06-01 (24d)│
            │     22m  45    EveRED Smith   Bob gnp.exe Ltd│└──────────────────────────────┘
            │     30m  81    Mallory        Trentlink Co   │┌5 Feedback────────────────────┐
            │     45m  88 +  Anna Müller    Sonnenkraft AG ││good 24  bad 8  rate 10.3%    │
            │      1h  71 -  Lars Jensen    Nordlicht ApS  ││collecting 32/50              │
            │      2h  95    Priya Patel    Greenfield Ene…││███████████████████░░░░░░░░░░░│
            │      3h  63    Tomás García   Solaria SL     ││bounced 2 · wrong person 1    │
            │      5h  84    Kim Min-jun    서울 솔라      ││not ICP 4 · no intent 1       │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
            ● live │ updated 3s ago │ API 117/120 │ ?:help /:filter p:pause +/-:rate s:supp…
            """)
    }

    @Test func statsOverNinetyDaysAt80x24() {
        var state = F.state(width: 80, height: 24)
        _ = reduce(&state, .key(.char("3")))
        for _ in 0..<2 { _ = reduce(&state, .key(.char("]"))) }
        _ = reduce(&state, .sync(.stats(Self.stats(days: 90))))
        state.message = nil
        assertGrid(render(state), """
            ┌1 Campaigns (5)───────────────────────────────┐┌3 Delivery stats (all)────────┐
            │STATUS      NAME         TODAY WHY     7 DAYS ││90d: 681 leads · 1,362 cr · a…│
            │▶ active    Solar ins…   12/25         █▅██▄▁▇││10│▃█▃▃█ ▅█▃▅▃▅▅▃▂▆▅▅▆▅▂▆▅ █▆▂│
            │‖ paused    東京 SaaS…    0/20 user           ││  │███████████████████████████│
            │‖ paused    🚀 Growth…    3/50 credits        ││ 0└───────────────────────────│
            │· draft     Draft: fi…    0/10                ││   02-07                 05-07│
            │✓ completed Nepal Saa…    0/25                ││credits▆█▆▅▇▆█▆▅▇█▆▆█▆█▆▅▇▆█▆▅│
            │                                              ││score  ▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇│
            └──────────────────────────────────────────────┘└──────────────────────────────┘
            ┌2 Live lead feed (12)─────────────────────────┐┌4 Credits─────────────────────┐
            │     AGE SCR FB NAME           COMPANY        ││███████████░░░░░░░ 1,240/2,000│
            │      1m  92    Raj Sharma     TechCorp Pvt L…││used     760 this period      │
            │      4m  77    山田 太郎      株式会社テック ││burn     14.0/day (7d avg)    │
            │      9m  65    Zoë 👩💻 Ng    Café Déjà Vu   ││runs out after period end     │
            │     15m  58    محمد العلي     شركة دبي       ││period   ends 2026-06-01 (24d)│
            │     22m  45    EveRED Smith   Bob gnp.exe Ltd│└──────────────────────────────┘
            │     30m  81    Mallory        Trentlink Co   │┌5 Feedback────────────────────┐
            │     45m  88 +  Anna Müller    Sonnenkraft AG ││good 24  bad 8  rate 10.3%    │
            │      1h  71 -  Lars Jensen    Nordlicht ApS  ││collecting 32/50              │
            │      2h  95    Priya Patel    Greenfield Ene…││███████████████████░░░░░░░░░░░│
            │      3h  63    Tomás García   Solaria SL     ││bounced 2 · wrong person 1    │
            │      5h  84    Kim Min-jun    서울 솔라      ││not ICP 4 · no intent 1       │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
            ● live │ updated 3s ago │ API 117/120 │ ?:help /:filter p:pause +/-:rate s:supp…
            """)
    }

    /// Every bar and sparkline column from the axis to the right border, at 7 and 90 days and at
    /// two widths.
    @Test(arguments: [7, 90])
    func theChartUsesTheWholeWidth(days: Int) {
        for width in [80, 120] {
            var state = F.state(width: width, height: 24)
            _ = reduce(&state, .sync(.stats(Self.stats(days: days))))
            let rect = state.layout.rect(for: .stats)
            let grid = render(state)
            let inner = (rect.x + 1)..<(rect.maxX - 1)
            // The x axis row: └ then ─ to the border.
            let axisRow = (rect.y + 1)..<(rect.maxY - 1)
            guard let axisY = axisRow.first(where: { y in inner.contains { grid[$0, y].text == "└" } }) else {
                Issue.record("\(days)d at \(width): no x axis")
                continue
            }
            let corner = inner.first { grid[$0, axisY].text == "└" }!
            let plot = (corner + 1)..<inner.upperBound
            let barRows = (rect.y + 2)..<axisY
            #expect(barRows.contains { y in grid[plot.lowerBound, y].text != " " }, "\(days)d at \(width): a bar at the axis")
            #expect(barRows.contains { y in grid[plot.upperBound - 1, y].text != " " }, "\(days)d at \(width): a bar at the border")
            let sparkY = axisY + 2
            #expect(grid[inner.upperBound - 1, sparkY].text != " ", "\(days)d at \(width): credits reach the border")
            #expect(grid[inner.lowerBound + 7, sparkY].text != " ", "\(days)d at \(width): credits start after the label")
        }
    }
}
