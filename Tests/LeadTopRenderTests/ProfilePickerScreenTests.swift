import Foundation
import Testing
import LeadTopCore
@testable import LeadTopRender
import LeadTopTestSupport

/// `:profile` without a name on the whole screen: the config's profiles, the current one marked,
/// the highlighted one in reverse; and the status bar naming the profile.
@Suite(.serialized) struct ProfilePickerScreenTests {
    typealias F = DashboardFixtures

    init() { #expect(TestLocale.ready) }

    func render(_ state: AppState) -> CellGrid {
        DashboardView.render(state: state, theme: .mono, width: state.width, height: state.height)
    }

    @Test func thePickerListsTheProfilesAt80x24() {
        var state = F.state(width: 80, height: 24)
        state.settings.profile = "work"
        state.profileNames = ["eu-sales", "other", "work", "東京"]
        reduce(&state, .key(.char(":")))
        for c in "profile" { reduce(&state, .key(.char(c))) }
        reduce(&state, .key(.enter))
        reduce(&state, .key(.char("j")))
        let grid = render(state)
        assertGrid(grid, """
            ┌1 Campaigns (5)───────────────────────────────┐┌3 Delivery stats (all)────────┐
            │STATUS      NAME         TODAY WHY     7 DAYS ││30d: 376 leads · 752 cr · avg…│
            │▶ active    Solar ins…   12/25         ▆█▆▄▆▄▇││22│ ▂ ▃ ▂ ▃▁ ▇  ▂   ▁▂▄█▇▇▃▁▄▂│
            │‖ paused    東京 SaaS…    0/20 user    █ ▂▇▄ ▅││  │▁█▅█▄█▇██▇█▆▆█▃█▆██████████│
            │‖ paused    🚀 Growth…    3/50 credits █      ││ 0└───────────────────────────│
            │· draft     Draft: fi…    0/10                ││   04-08                 05-07│
            │✓ completed Nepal Saa…    0/25                ││credits▁▆▃▄▆▄▅▆▄▆▃▆▂▄▆▄▆██▇▅▇▆│
            │                ┌ Switch profile ────────────────────────────┐▇▇▇▆▇▇▇▇▇▇▇▇▇▇▇▇│
            └────────────────│ 1   eu-sales                               │────────────────┘
            ┌2 Live lead feed│ 2   other                                  │────────────────┐
            │     AGE SCR FB │ 3 ● work                                   │░░░░ 1,240/2,000│
            │      1m  92    │ 4   東京                                   │his period      │
            │      4m  77    │                                            │day (7d avg)    │
            │      9m  65    │ Enter or 1–9 switch · j/k move · Esc close │ period end     │
            │     15m  58    └────────────────────────────────────────────┘2026-06-01 (24d)│
            │     22m  45    EveRED Smith   Bob gnp.exe Ltd│└──────────────────────────────┘
            │     30m  81    Mallory        Trentlink Co   │┌5 Feedback────────────────────┐
            │     45m  88 +  Anna Müller    Sonnenkraft AG ││good 24  bad 8  rate 10.3%    │
            │      1h  71 -  Lars Jensen    Nordlicht ApS  ││collecting 32/50              │
            │      2h  95    Priya Patel    Greenfield Ene…││███████████████████░░░░░░░░░░░│
            │      3h  63    Tomás García   Solaria SL     ││bounced 2 · wrong person 1    │
            │      5h  84    Kim Min-jun    서울 솔라      ││not ICP 4 · no intent 1       │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
            ● live │ profile work │ updated 3s ago │ API 117/120 │ ?:help /:filter p:pause …
            """)
        #expect(grid[30, 11].style.attributes.contains(.reverse), "東京 is highlighted")
        #expect(!grid[30, 10].style.attributes.contains(.reverse))
    }

    /// Only as many rows as fit; the highlighted one is always among them.
    @Test func aLongListScrollsToTheHighlightedProfileAt80x18() {
        var state = F.state(width: 80, height: 18)
        state.profileNames = (1...12).map { "account-\($0)" }
        state.modal = .profilePicker(selected: 10)
        assertGrid(render(state), """
            ┌1 Campaigns (5)───────────────────────────────┐┌3 Delivery stats (all)────────┐
            │STATUS      NAME┌ Switch profile ────────────────────────────┐ · 752 cr · avg…│
            │▶ active    Sola│ 1   account-1                              │        ▁█▆▆  ▃ │
            │‖ paused    東京│ 2   account-2                              │▁▁▇ ▄▁▆▇█████▅█▇│
            │‖ paused    🚀 G│ 3   account-3                              │███▄████████████│
            │· draft     Draf│ 4   account-4                              │────────────────│
            │✓ completed Nepa│ 5   account-5                              │           05-07│
            └────────────────│ 6   account-6                              │────────────────┘
            ┌2 Live lead feed│ 7   account-7                              │────────────────┐
            │     AGE SCR FB │ 8   account-8                              │░░░░ 1,240/2,000│
            │      1m  92    │ 9   account-9                              │his period      │
            │      4m  77    │     account-10                             │────────────────┘
            │      9m  65    │     account-11                             │────────────────┐
            │     15m  58    │                                            │  rate 10.3%    │
            │     22m  45    │ Enter or 1–9 switch · j/k move · Esc close │50              │
            │     30m  81    └────────────────────────────────────────────┘█████░░░░░░░░░░░│
            └──────────────────────────────────────────────┘└──────────────────────────────┘
            ● live │ updated 3s ago │ API 117/120 │ ?:help /:filter p:pause +/-:rate s:supp…
            """)
    }
}
