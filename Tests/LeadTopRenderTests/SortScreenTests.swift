import Foundation
import Testing
import LeadOSContract
import LeadTopCore
@testable import LeadTopRender
import LeadTopTestSupport

/// The sort markers on whole screens: the header marks the sort column with its direction, cut
/// to fit the column, and the rows follow the order.
@Suite(.serialized) struct SortScreenTests {
    typealias F = DashboardFixtures

    init() { #expect(TestLocale.ready) }

    func render(_ state: AppState) -> CellGrid {
        DashboardView.render(state: state, theme: .default, width: state.width, height: state.height)
    }

    func state(width: Int, height: Int, keys: [Key]) -> AppState {
        var state = F.state(width: width, height: height)
        let feed = MemoryFeed()
        for key in keys { feed.send(.key(key), to: &state) }
        return state
    }

    /// 80×24: campaigns by STATUS (A first), the feed by score, lowest first (`>` then `r`).
    @Test func sortMarkersAt80x24() {
        let grid = render(state(width: 80, height: 24, keys: [.char("1"), .char(">"), .char("2"), .char(">"), .char("r")]))
        assertGrid(grid, """
            ┌1 Campaigns (5)───────────────────────────────┐┌3 Delivery stats (all)────────┐
            │STATUS▲     NAME         TODAY WHY     7 DAYS ││30d: 376 leads · 752 cr · avg…│
            │▶ active    Solar ins…   12/25         ▆█▆▄▆▄▇││22│ ▂ ▃ ▂ ▃▁ ▇  ▂   ▁▂▄█▇▇▃▁▄▂│
            │✓ completed Nepal Saa…    0/25                ││  │▁█▅█▄█▇██▇█▆▆█▃█▆██████████│
            │· draft     Draft: fi…    0/10                ││ 0└───────────────────────────│
            │‖ paused    🚀 Growth…    3/50 credits █      ││   04-08                 05-07│
            │‖ paused    東京 SaaS…    0/20 user    █ ▂▇▄ ▅││credits▁▆▃▄▆▄▅▆▄▆▃▆▂▄▆▄▆██▇▅▇▆│
            │                                              ││score  ▇▇▆▇▇▇▇▇▇▇▆▇▇▇▇▇▇▇▇▇▇▇▇│
            └──────────────────────────────────────────────┘└──────────────────────────────┘
            ┌2 Live lead feed (12)─────────────────────────┐┌4 Credits─────────────────────┐
            │     AGE SC▲ FB NAME           COMPANY        ││███████████░░░░░░░ 1,240/2,000│
            │     22m  45    EveRED Smith   Bob gnp.exe Ltd││used     760 this period      │
            │      1d  52    Olivia Brown   Brown & Sons   ││burn     32.0/day (7d avg)    │
            │     15m  58    محمد العلي     شركة دبي       ││runs out after period end     │
            │      3h  63    Tomás García   Solaria SL     ││period   ends 2026-06-01 (24d)│
            │      9m  65    Zoë 👩💻 Ng    Café Déjà Vu   │└──────────────────────────────┘
            │      1h  71 -  Lars Jensen    Nordlicht ApS  │┌5 Feedback────────────────────┐
            │      4m  77    山田 太郎      株式会社テック ││good 24  bad 8  rate 10.3%    │
            │     30m  81    Mallory        Trentlink Co   ││collecting 32/50              │
            │      5h  84    Kim Min-jun    서울 솔라      ││███████████████████░░░░░░░░░░░│
            │     45m  88 +  Anna Müller    Sonnenkraft AG ││bounced 2 · wrong person 1    │
            │      1m  92    Raj Sharma     TechCorp Pvt L…││not ICP 4 · no intent 1       │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
            ● live │ updated 3s ago │ API 117/120 │ Feed sorted by SCR▲                     
            """)
    }

    /// 160×48: campaigns by CREDITS (most first, `<` from LeadOS's order), the feed by NAME.
    @Test func sortMarkersAt160x48() {
        let grid = render(state(width: 160, height: 48, keys: [.char("1"), .char("<"), .char("2"), .char(">"), .char(">"), .char(">")]))
        assertGrid(grid, """
            ┌1 Campaigns (5)───────────────────────────────────────────────────────────────────────────────┐┌3 Delivery stats (all)────────────────────────────────────────┐
            │STATUS      NAME                                  TODAY WHY     14 DAYS          LEADS CREDIT▼││30d: 376 leads · 752 cr · avg 79.0                            │
            │▶ active    Solar installers DE                   12/25         ▄▂▅▂▅▅█▆█▆▄▆▄▇   1,204   2,408││22│                                            ██             │
            │✓ completed Nepal SaaS founders                    0/25                            500   1,000││  │                      ██                    ██████        ▄│
            │‖ paused    東京 SaaS 創業者                       0/20 user     ▄█▅ ▇▄█ ▂▇▄ ▅     310     620││  │                      ██                    ██████    ▄▄  █│
            │‖ paused    🚀 Growth leads                        3/50 credits ▄█ ▄█ ▄█            88     176││  │      ▄▄      ▄▄  ██  ██            ██    ████████▄▄  ██  █│
            │· draft     Draft: fintech CFOs                    0/10                              0       0││  │  ██  ██  ██  ██  ██  ██    ██      ██  ████████████  ██  █│
            │                                                                                              ││11│  ██  ██  ██  ██  ██  ██    ██  ▄▄  ██  ████████████████  █│
            │                                                                                              ││  │  ██  ██  ██▄▄██  ██▄▄██    ██  ██  ██▄▄████████████████▄▄█│
            │                                                                                              ││  │  ██▄▄██  ████████████████████  ███████████████████████████│
            │                                                                                              ││  │  ██████▄▄████████████████████  ███████████████████████████│
            │                                                                                              ││  │  █████████████████████████████████████████████████████████│
            │                                                                                              ││  │███████████████████████████████████████████████████████████│
            │                                                                                              ││ 0└───────────────────────────────────────────────────────────│
            │                                                                                              ││   04-08                                                 05-07│
            │                                                                                              ││credits▁▁▆▆▃▃▆▆▂▂▆▄▄▆▆▃▃▆▆▄▄█▃▃▃▃▆▆▂▂▄▄▃▆▆▄▄▆▆▆▆█████▆▆▅▅▇▇▄▄▇│
            │                                                                                              ││score  ▇▇▇▇▆▆▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▆▆▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇│
            └──────────────────────────────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────────┘
            ┌2 Live lead feed (12)─────────────────────────────────────────────────────────────────────────┐┌4 Credits─────────────────────────────────────────────────────┐
            │     AGE SCR FB NAME▲            TITLE            COMPANY          GEOGRAPHY        EMAIL     ││███████████████████████████████░░░░░░░░░░░░░░░░░░░ 1,240/2,000│
            │     30m  81    Mallory          VP Sales         Trentlink Co     Berlin, Germany  no email  ││used     760 this period                                      │
            │     45m  88 +  Anna Müller      Head of Growth   Sonnenkraft AG   Munich, Germany  valid     ││burn     32.0/day (7d avg)                                    │
            │     22m  45    EveRED Smith     Line Break Tab … Bob gnp.exe Ltd  ZeroWidthIso     valid     ││runs out after period end                                     │
            │      5h  84    Kim Min-jun      Growth Lead      서울 솔라        Seoul, South Ko… valid     ││period   ends 2026-06-01 (24d)                                │
            │      1h  71 -  Lars Jensen      COO              Nordlicht ApS    Copenhagen, Den… valid     │└──────────────────────────────────────────────────────────────┘
            │      1d  52    Olivia Brown     Procurement Man… Brown & Sons     Leeds, UK        valid     │┌5 Feedback────────────────────────────────────────────────────┐
            │      2h  95    Priya Patel      Founder & CEO    Greenfield Ener… London, UK       valid     ││good 24  bad 8  rate 10.3%                                    │
            │      1m  92    Raj Sharma       Founder          TechCorp Pvt Ltd Kathmandu, Nepal valid     ││personalisation: collecting 32/50                             │
            │      3h  63    Tomás García     Director of Ops  Solaria SL       Madrid, Spain    valid     ││████████████████████████████████████████░░░░░░░░░░░░░░░░░░░░░░│
            │      9m  65    Zoë 👩💻 Ng      CTO 🚀           Café Déjà Vu     Paris, France    accept-all││bounced 2 · wrong person 1 · not ICP 4 · no intent 1          │
            │     15m  58    محمد العلي       المدير التنفيذي  شركة دبي         Dubai, UAE       unknown   ││duplicate 0 · other 0                                         │
            │      4m  77    山田 太郎        代表取締役       株式会社テック   Tokyo, Japan     valid     ││                                                              │
            │                                                                                              ││                                                              │
            │                                                                                              ││                                                              │
            │                                                                                              ││                                                              │
            │                                                                                              ││                                                              │
            │                                                                                              ││                                                              │
            │                                                                                              ││                                                              │
            │                                                                                              ││                                                              │
            │                                                                                              ││                                                              │
            │                                                                                              ││                                                              │
            │                                                                                              ││                                                              │
            │                                                                                              ││                                                              │
            │                                                                                              ││                                                              │
            │                                                                                              ││                                                              │
            │                                                                                              ││                                                              │
            └──────────────────────────────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────────┘
            ● live │ updated 3s ago │ API 117/120 │ Feed sorted by NAME▲                                                                                                    
            """)
    }
}
