import Foundation
import Testing
import LeadTopCore
@testable import LeadTopRender
import LeadTopTestSupport

/// The `:` prompt on the whole screen: it takes the status bar, with the candidates of a `Tab`.
@Suite(.serialized) struct CommandPromptScreenTests {
    typealias F = DashboardFixtures

    init() { #expect(TestLocale.ready) }

    func render(_ state: AppState) -> CellGrid {
        DashboardView.render(state: state, theme: .mono, width: state.width, height: state.height)
    }

    @Test func thePromptWithCampaignCandidatesAt80x24() {
        var state = F.state(width: 80, height: 24)
        reduce(&state, .key(.char(":")))
        for c in "pause " { reduce(&state, .key(.char(c))) }
        reduce(&state, .key(.tab))
        let grid = render(state)
        assertGrid(grid, """
            ┌1 Campaigns (5)───────────────────────────────┐┌3 Delivery stats (all)────────┐
            │STATUS      NAME         TODAY WHY     7 DAYS ││30d: 376 leads · 752 cr · avg…│
            │▶ active    Solar ins…   12/25         ▆█▆▄▆▄▇││22│ ▂ ▃ ▂ ▃▁ ▇  ▂   ▁▂▄█▇▇▃▁▄▂│
            │‖ paused    東京 SaaS…    0/20 user    █ ▂▇▄ ▅││  │▁█▅█▄█▇██▇█▆▆█▃█▆██████████│
            │‖ paused    🚀 Growth…    3/50 credits █      ││ 0└───────────────────────────│
            │· draft     Draft: fi…    0/10                ││   04-08                 05-07│
            │✓ completed Nepal Saa…    0/25                ││credits▁▆▃▄▆▄▅▆▄▆▃▆▂▄▆▄▆██▇▅▇▆│
            │                                              ││score  ▇▇▆▇▇▇▇▇▇▇▆▇▇▇▇▇▇▇▇▇▇▇▇│
            └──────────────────────────────────────────────┘└──────────────────────────────┘
            ┌2 Live lead feed (12)─────────────────────────┐┌4 Credits─────────────────────┐
            │     AGE SCR FB NAME           COMPANY        ││███████████░░░░░░░ 1,240/2,000│
            │      1m  92    Raj Sharma     TechCorp Pvt L…││used     760 this period      │
            │      4m  77    山田 太郎      株式会社テック ││burn     32.0/day (7d avg)    │
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
            :pause Solar installers DE█  Solar installers DE 東京 SaaS 創業者 🚀 Growth lea…
            """)
        // The candidate on the line is shown in reverse.
        let start = "pause Solar installers DE█  ".count + 1
        #expect(grid[start, 23].style.attributes.contains(.reverse))
    }

    @Test func anEmptyPromptShowsItsKeysAt160x48() {
        var state = F.state(width: 160, height: 48)
        reduce(&state, .key(.char(":")))
        let grid = render(state)
        assertGrid(grid, """
            ┌1 Campaigns (5)───────────────────────────────────────────────────────────────────────────────┐┌3 Delivery stats (all)────────────────────────────────────────┐
            │STATUS      NAME                                  TODAY WHY     14 DAYS          LEADS CREDITS││30d: 376 leads · 752 cr · avg 79.0                            │
            │▶ active    Solar installers DE                   12/25         ▄▂▅▂▅▅█▆█▆▄▆▄▇   1,204   2,408││22│                                            ██             │
            │‖ paused    東京 SaaS 創業者                       0/20 user     ▄█▅ ▇▄█ ▂▇▄ ▅     310     620││  │                      ██                    ██████        ▄│
            │‖ paused    🚀 Growth leads                        3/50 credits ▄█ ▄█ ▄█            88     176││  │                      ██                    ██████    ▄▄  █│
            │· draft     Draft: fintech CFOs                    0/10                              0       0││  │      ▄▄      ▄▄  ██  ██            ██    ████████▄▄  ██  █│
            │✓ completed Nepal SaaS founders                    0/25                            500   1,000││  │  ██  ██  ██  ██  ██  ██    ██      ██  ████████████  ██  █│
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
            │     AGE SCR FB NAME             TITLE            COMPANY          GEOGRAPHY        EMAIL     ││███████████████████████████████░░░░░░░░░░░░░░░░░░░ 1,240/2,000│
            │      1m  92    Raj Sharma       Founder          TechCorp Pvt Ltd Kathmandu, Nepal valid     ││used     760 this period                                      │
            │      4m  77    山田 太郎        代表取締役       株式会社テック   Tokyo, Japan     valid     ││burn     32.0/day (7d avg)                                    │
            │      9m  65    Zoë 👩💻 Ng      CTO 🚀           Café Déjà Vu     Paris, France    accept-all││runs out after period end                                     │
            │     15m  58    محمد العلي       المدير التنفيذي  شركة دبي         Dubai, UAE       unknown   ││period   ends 2026-06-01 (24d)                                │
            │     22m  45    EveRED Smith     Line Break Tab … Bob gnp.exe Ltd  ZeroWidthIso     valid     │└──────────────────────────────────────────────────────────────┘
            │     30m  81    Mallory          VP Sales         Trentlink Co     Berlin, Germany  no email  │┌5 Feedback────────────────────────────────────────────────────┐
            │     45m  88 +  Anna Müller      Head of Growth   Sonnenkraft AG   Munich, Germany  valid     ││good 24  bad 8  rate 10.3%                                    │
            │      1h  71 -  Lars Jensen      COO              Nordlicht ApS    Copenhagen, Den… valid     ││personalisation: collecting 32/50                             │
            │      2h  95    Priya Patel      Founder & CEO    Greenfield Ener… London, UK       valid     ││████████████████████████████████████████░░░░░░░░░░░░░░░░░░░░░░│
            │      3h  63    Tomás García     Director of Ops  Solaria SL       Madrid, Spain    valid     ││bounced 2 · wrong person 1 · not ICP 4 · no intent 1          │
            │      5h  84    Kim Min-jun      Growth Lead      서울 솔라        Seoul, South Ko… valid     ││duplicate 0 · other 0                                         │
            │      1d  52    Olivia Brown     Procurement Man… Brown & Sons     Leeds, UK        valid     ││                                                              │
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
            :█  Tab complete · ↑↓ history · Enter run · Esc cancel                                                                                                          
            """)
    }
}
