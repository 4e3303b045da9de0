import Foundation
import Testing
import LeadOSContract
import LeadTopCore
@testable import LeadTopRender
import LeadTopTestSupport

/// Each pane drawn alone into a grid pre-filled with `x`, so drawing outside its rectangle, or
/// leaving part of it undrawn, shows.
@Suite(.serialized) struct PaneTests {
    typealias F = DashboardFixtures

    init() { #expect(TestLocale.ready) }

    func pane(_ width: Int, _ height: Int, _ draw: (inout CellGrid, Rect) -> Void) -> CellGrid {
        var grid = prefilledGrid(width: width + 2, height: height + 1)
        draw(&grid, Rect(x: 1, y: 0, width: width, height: height))
        return grid
    }

    @Test func campaignsPane() {
        let state = F.state()
        let grid = pane(60, 8) { CampaignsPane.draw(into: &$0, state: state, theme: .default, rect: $1, focused: true) }
        assertGrid(grid, """
            x┌1 Campaigns (5)───────────────────────────────────────────┐x
            x│STATUS      NAME         TODAY WHY     11 DAYS       LEADS│x
            x│▶ active    Solar ins…   12/25         ▂▅▅█▆█▆▄▆▄▇   1,204│x
            x│‖ paused    東京 SaaS…    0/20 user    ▅ ▇▄█ ▂▇▄ ▅     310│x
            x│‖ paused    🚀 Growth…    3/50 credits ▄█ ▄█            88│x
            x│· draft     Draft: fi…    0/10                           0│x
            x│✓ completed Nepal Saa…    0/25                         500│x
            x└──────────────────────────────────────────────────────────┘x
            xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
            """)
        assertStyle(grid, x: 2..<60, y: 2, Theme.default[.selected])
        assertStyle(grid, x: 2..<10, y: 3, Theme.default[.campaignPaused])
    }

    @Test func campaignsPaneSaysWhenLeadOSHasMore() {
        var state = F.state()
        reduce(&state, .sync(.moreCampaignsOnServer(true)))
        let grid = pane(60, 3) { CampaignsPane.draw(into: &$0, state: state, theme: .default, rect: $1, focused: true) }
        assertGrid(grid, """
            x┌1 Campaigns (newest 5, more not shown)────────────────────┐x
            x│STATUS      NAME         TODAY WHY     11 DAYS       LEADS│x
            x└──────────────────────────────────────────────────────────┘x
            xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
            """)
        reduce(&state, .sync(.moreCampaignsOnServer(false)))
        let again = pane(60, 3) { CampaignsPane.draw(into: &$0, state: state, theme: .default, rect: $1, focused: true) }
        #expect(again.line(0).hasPrefix("x┌1 Campaigns (5)─"))
    }

    @Test func feedPane() {
        let state = F.state()
        assertGrid(pane(70, 8) { FeedPane.draw(into: &$0, state: state, theme: .default, rect: $1, focused: true) }, """
            x┌2 Live lead feed (12)───────────────────────────────────────────────┐x
            x│     AGE SCR FB NAME          TITLE         COMPANY       EMAIL     │x
            x│      1m  92    Raj Sharma    Founder       TechCorp Pvt… valid     │x
            x│      4m  77    山田 太郎     代表取締役    株式会社テッ… valid     │x
            x│      9m  65    Zoë 👩💻 Ng   CTO 🚀        Café Déjà Vu  accept-all│x
            x│     15m  58    محمد العلي    المدير التنف… شركة دبي      unknown   │x
            x│     22m  45    EveRED Smith  Line Break T… Bob gnp.exe … valid     │x
            x└────────────────────────────────────────────────────────────────────┘x
            xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
            """)
    }

    @Test func feedPaneMarksNewArrivalsAndShowsTheFilter() {
        var state = F.state()
        var feed = MemoryFeed()
        let stored = feed.store([F.lead("del_n01", name: "Nina New", company: "Fresh Ltd", score: 99, minutesAgo: 0)])
        feed.send(.sync(.leads(stored)), to: &state)
        reduce(&state, .key(.char("/")))
        for c in "score>90" { reduce(&state, .key(.char(c))) }
        let effects = reduce(&state, .key(.enter))
        // Until the cache answers, the pane says it is filtering and shows no stale rows.
        let filtering = pane(40, 4) { FeedPane.draw(into: &$0, state: state, theme: .default, rect: $1, focused: false) }
        assertGrid(filtering, """
            x┌2 Live lead feed (filtering…) · /scor…┐x
            x│     AGE SCR FB NAME       COMPANY    │x
            x│                                      │x
            x└──────────────────────────────────────┘x
            xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
            """)
        for case .loadFeed(let request) in effects {
            reduce(&state, .sync(.feedPage(FeedPage.answer(request, from: feed.leads, version: feed.version))))
        }
        let grid = pane(60, 6) { FeedPane.draw(into: &$0, state: state, theme: .default, rect: $1, focused: false) }
        assertGrid(grid, """
            x┌2 Live lead feed (3 of 13) · /score>90────────────────────┐x
            x│     AGE SCR FB NAME          TITLE         COMPANY       │x
            x│NEW   0s  99    Nina New      Founder       Fresh Ltd     │x
            x│      1m  92    Raj Sharma    Founder       TechCorp Pvt …│x
            x│      2h  95    Priya Patel   Founder & CEO Greenfield En…│x
            x└──────────────────────────────────────────────────────────┘x
            xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
            """)
        assertStyle(grid, x: 2..<5, y: 2, Theme.default[.newMark])
        reduce(&state, .tick(now: F.now.addingTimeInterval(61)))
        let later = pane(60, 6) { FeedPane.draw(into: &$0, state: state, theme: .default, rect: $1, focused: false) }
        #expect(later.line(2) == "x│      1m  99    Nina New      Founder       Fresh Ltd     │x")
    }

    @Test func statsPane() {
        let state = F.state()
        assertGrid(pane(44, 12) { StatsPane.draw(into: &$0, state: state, theme: .default, rect: $1, focused: false) }, """
            x┌3 Delivery stats (all)────────────────────┐x
            x│30d: 376 leads · 752 cr · avg 79.0        │x
            x│22│               ▄             █▄▄▄     ▃│x
            x│  │  ▁ ▃▃ ▁  ▃ ▅  █   ▁    ▅ ▁▁▅████▃  ▇ █│x
            x│11│  █ ██ █  █ █  █   █ ▄▄ █ ████████▆▆█ █│x
            x│  │  █▅██▁████▇████▇▇▇█ ██▇███████████████│x
            x│  │▄▄██████████████████▇██████████████████│x
            x│ 0└───────────────────────────────────────│x
            x│   04-08                             05-07│x
            x│credits▁▁▆▃▆▂▆▄▄▆▃▆▄█▃▃▃▆▂▄▃▆▆▄▆▆████▆▅▇▄▇│x
            x│score  ▇▇▇▆▇▇▇▇▇▇▇▇▇▇▇▇▆▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇│x
            x└──────────────────────────────────────────┘x
            xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
            """)
    }

    @Test func creditsPane() {
        let state = F.state()
        assertGrid(pane(40, 7) { CreditsPane.draw(into: &$0, state: state, theme: .default, rect: $1, focused: false) }, """
            x┌4 Credits─────────────────────────────┐x
            x│████████████████░░░░░░░░░░ 1,240/2,000│x
            x│used     760 this period              │x
            x│burn     32.0/day (7d avg)            │x
            x│runs out after period end             │x
            x│period   ends 2026-06-01 (24d)        │x
            x└──────────────────────────────────────┘x
            xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
            """)
    }

    @Test func creditsPaneWarnsOnLowBalance() {
        var state = F.state()
        var balance = F.balance
        balance.creditsRemaining = 150; balance.lowBalance = true
        reduce(&state, .sync(.balance(balance)))
        let grid = pane(40, 7) { CreditsPane.draw(into: &$0, state: state, theme: .default, rect: $1, focused: false) }
        assertGrid(grid, """
            x┌4 Credits─────────────────────────────┐x
            x│██░░░░░░░░░░░░░░░░░░░░░░░░░░ 150/2,000│x
            x│⚠ low    below 200 credits            │x
            x│used     760 this period              │x
            x│burn     32.0/day (7d avg)            │x
            x│runs out 2026-05-12                   │x
            x└──────────────────────────────────────┘x
            xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
            """)
        assertStyle(grid, x: 2..<4, y: 1, Theme.default[.warning])
        assertStyle(grid, x: 2..<7, y: 2, Theme.default[.warning])
    }

    @Test func feedbackPane() {
        let state = F.state()
        assertGrid(pane(40, 7) { FeedbackPane.draw(into: &$0, state: state, theme: .default, rect: $1, focused: false) }, """
            x┌5 Feedback────────────────────────────┐x
            x│good 24  bad 8  rate 10.3%            │x
            x│personalisation: collecting 32/50     │x
            x│████████████████████████░░░░░░░░░░░░░░│x
            x│bounced 2 · wrong person 1 · not ICP 4│x
            x│no intent 1 · duplicate 0 · other 0   │x
            x└──────────────────────────────────────┘x
            xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
            """)
    }

    @Test func feedbackPaneTrainingAndActive() {
        var state = F.state()
        var summary = F.feedbackSummary
        summary.personalisation = .init(status: .training, feedbackCount: 50, threshold: 50, progress: 1, activatedAt: nil)
        reduce(&state, .sync(.feedbackSummary(summary)))
        var grid = pane(40, 5) { FeedbackPane.draw(into: &$0, state: state, theme: .default, rect: $1, focused: false) }
        #expect(grid.line(2) == "x│personalisation: training…            │x")
        summary.personalisation = .init(status: .active, feedbackCount: 51, threshold: 50, progress: 1, activatedAt: F.now)
        reduce(&state, .sync(.feedbackSummary(summary)))
        grid = pane(40, 5) { FeedbackPane.draw(into: &$0, state: state, theme: .default, rect: $1, focused: false) }
        #expect(grid.line(2) == "x│active since 2026-05-07               │x")
        #expect(grid.line(3) == "x│bounced 2 · wrong person 1 · not ICP 4│x")
    }

    @Test func emptyPanesSayWhatTheyWaitFor() {
        let state = AppState(width: 120, height: 40, now: F.now)
        let grid = DashboardView.render(state: state, theme: .default, width: 120, height: 40)
        #expect(grid.line(2).contains("No campaigns yet"))
        #expect(grid.line(1).contains("Waiting for stats…"))
        #expect(grid.line(17).contains("Waiting for leads…"))
        #expect(grid.line(16).contains("Waiting for balance…"))
        #expect(grid.line(23).contains("Waiting for feedback summary…"))
    }
}
