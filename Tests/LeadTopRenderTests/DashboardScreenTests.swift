import Foundation
import Testing
import LeadOSContract
import LeadTopCore
@testable import LeadTopRender
import LeadTopTestSupport

/// Whole screens, asserted line by line, with the fixture data (CJK, emoji, RTL, hostile text).
@Suite(.serialized) struct DashboardScreenTests {
    typealias F = DashboardFixtures

    init() { #expect(TestLocale.ready) }

    func render(_ state: AppState, theme: Theme = .default) -> CellGrid {
        DashboardView.render(state: state, theme: theme, width: state.width, height: state.height)
    }

    @Test func fullDashboardAt80x24() {
        let grid = render(F.state(width: 80, height: 24))
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
            ● live │ updated 3s ago │ API 117/120 │ ?:help /:filter p:pause +/-:rate s:supp…
            """)
        // The feed has focus: its border and title use the focused styles, the others do not.
        let theme = Theme.default
        assertStyle(grid, x: 0..<1, y: 9, theme[.borderFocused])
        assertStyle(grid, x: 1..<21, y: 9, theme[.titleFocused])
        assertStyle(grid, x: 21..<48, y: 9, theme[.borderFocused])
        assertStyle(grid, x: 0..<1, y: 0, theme[.border])
        assertStyle(grid, x: 1..<16, y: 0, theme[.title])
        // Selected rows: the focused pane's in `selected`, the other pane's in `selectedUnfocused`.
        assertStyle(grid, x: 1..<47, y: 11, theme[.selected])
        assertStyle(grid, x: 1..<47, y: 2, theme[.selectedUnfocused])
        // Score bands on unselected rows.
        assertStyle(grid, x: 10..<12, y: 12, theme[.scoreMid])
        assertStyle(grid, x: 10..<12, y: 15, theme[.scoreLow])
        assertStyle(grid, x: 10..<12, y: 17, theme[.scoreHigh])
        assertStyle(grid, x: 0..<6, y: 23, theme[.statusLive])
    }

    @Test func fullDashboardAt120x40() {
        assertGrid(render(F.state(width: 120, height: 40)), """
            ┌1 Campaigns (5)───────────────────────────────────────────────────────┐┌3 Delivery stats (all)────────────────────────┐
            │STATUS      NAME          TODAY WHY     14 DAYS          LEADS CREDITS││30d: 376 leads · 752 cr · avg 79.0            │
            │▶ active    Solar inst…   12/25         ▄▂▅▂▅▅█▆█▆▄▆▄▇   1,204   2,408││22│                ▂▂              █▂▂▂       │
            │‖ paused    東京 SaaS …    0/20 user     ▄█▅ ▇▄█ ▂▇▄ ▅     310     620││  │                ██              ████   ▁▁ ▇│
            │‖ paused    🚀 Growth …    3/50 credits ▄█ ▄█ ▄█            88     176││  │  ▁  ▄  ▁  ▄ ▇▇ ██   ▁    ▇▇ ▁▁▇████▄▄ ██ █│
            │· draft     Draft: fin…    0/10                              0       0││  │  █  █  █  █ ██ ██   █    ██ █████████▃██ █│
            │✓ completed Nepal SaaS…    0/25                            500   1,000││11│  █  █  █▂▂█ ██▂██   █ ██ ██▂████████████▂█│
            │                                                                      ││  │  █▄▄█  ████▇█████▇▇▇█ ██▇█████████████████│
            │                                                                      ││  │  ████▇▇██████████████▄████████████████████│
            │                                                                      ││  │▆▆█████████████████████████████████████████│
            │                                                                      ││ 0└───────────────────────────────────────────│
            │                                                                      ││   04-08                                 05-07│
            │                                                                      ││credits▁▁▆▃▆▆▂▆▄▄▆▃▆▄▄█▃▃▃▆▂▄▄▃▆▄▆▆▆████▆▅▅▇▄▇│
            │                                                                      ││score  ▇▇▇▆▇▇▇▇▇▇▇▇▇▇▇▇▇▆▆▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇│
            └──────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────┘
            ┌2 Live lead feed (12)─────────────────────────────────────────────────┐┌4 Credits─────────────────────────────────────┐
            │     AGE SCR FB NAME       TITLE      COMPANY    GEOGRAPHY  EMAIL     ││█████████████████████░░░░░░░░░░░░░ 1,240/2,000│
            │      1m  92    Raj Sharma Founder    TechCorp … Kathmandu… valid     ││used     760 this period                      │
            │      4m  77    山田 太郎  代表取締役 株式会社…  Tokyo, Ja… valid     ││burn     32.0/day (7d avg)                    │
            │      9m  65    Zoë 👩💻 … CTO 🚀     Café Déjà… Paris, Fr… accept-all││runs out after period end                     │
            │     15m  58    محمد العلي المدير ال… شركة دبي   Dubai, UAE unknown   ││period   ends 2026-06-01 (24d)                │
            │     22m  45    EveRED Sm… Line Brea… Bob gnp.e… ZeroWidth… valid     │└──────────────────────────────────────────────┘
            │     30m  81    Mallory    VP Sales   Trentlink… Berlin, G… no email  │┌5 Feedback────────────────────────────────────┐
            │     45m  88 +  Anna Müll… Head of G… Sonnenkra… Munich, G… valid     ││good 24  bad 8  rate 10.3%                    │
            │      1h  71 -  Lars Jens… COO        Nordlicht… Copenhage… valid     ││personalisation: collecting 32/50             │
            │      2h  95    Priya Pat… Founder &… Greenfiel… London, UK valid     ││█████████████████████████████░░░░░░░░░░░░░░░░░│
            │      3h  63    Tomás Gar… Director … Solaria SL Madrid, S… valid     ││bounced 2 · wrong person 1 · not ICP 4        │
            │      5h  84    Kim Min-j… Growth Le… 서울 솔라  Seoul, So… valid     ││no intent 1 · duplicate 0 · other 0           │
            │      1d  52    Olivia Br… Procureme… Brown & S… Leeds, UK  valid     ││                                              │
            │                                                                      ││                                              │
            │                                                                      ││                                              │
            │                                                                      ││                                              │
            │                                                                      ││                                              │
            │                                                                      ││                                              │
            │                                                                      ││                                              │
            │                                                                      ││                                              │
            │                                                                      ││                                              │
            │                                                                      ││                                              │
            └──────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────┘
            ● live │ updated 3s ago │ API 117/120 │ ?:help /:filter p:pause +/-:rate s:suppress q:quit                              
            """)
    }

    @Test func fullDashboardAt160x48() {
        assertGrid(render(F.state(width: 160, height: 48)), """
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
            ● live │ updated 3s ago │ API 117/120 │ ?:help /:filter p:pause +/-:rate s:suppress q:quit                                                                      
            """)
    }

    /// From 180 columns the feed spans the screen (a terminal scrolls whole rows), and the
    /// campaigns, stats, credits and feedback panes share the top.
    @Test func wideDashboardAt200x50() {
        assertGrid(render(F.state(width: 200, height: 50)), """
            ┌1 Campaigns (5)───────────────────────────────────────────────────────────────────────────────────┐┌3 Delivery stats (all)──────────────────────────┐┌4 Credits───────────────────────────────────────┐
            │STATUS      NAME                                      TODAY WHY     14 DAYS          LEADS CREDITS││30d: 376 leads · 752 cr · avg 79.0              ││██████████████████████░░░░░░░░░░░░░░ 1,240/2,000│
            │▶ active    Solar installers DE                       12/25         ▄▂▅▂▅▅█▆█▆▄▆▄▇   1,204   2,408││22│                                 ██          ││used     760 this period                        │
            │‖ paused    東京 SaaS 創業者                           0/20 user     ▄█▅ ▇▄█ ▂▇▄ ▅     310     620││  │                 ▇               ██▇▇▇      ▃││burn     32.0/day (7d avg)                      │
            │‖ paused    🚀 Growth leads                            3/50 credits ▄█ ▄█ ▄█            88     176││  │                 █               █████   ▂  █││runs out after period end                       │
            │· draft     Draft: fintech CFOs                        0/10                              0       0││  │     ▁     ▁  ▆  █         ▆▆   ▆█████▁  █  █││period   ends 2026-06-01 (24d)                  │
            │✓ completed Nepal SaaS founders                        0/25                            500   1,000││  │  ▅  █  ▅  █  █  █   ▅▅    ██ ▅▅███████  █  █│└────────────────────────────────────────────────┘
            │                                                                                                  ││  │  █  █  █  █  █  █   ██    ██ █████████▄▄█  █│┌5 Feedback──────────────────────────────────────┐
            │                                                                                                  ││11│  █  █  █  █  █  █   ██ ██ ██ ████████████  █││good 24  bad 8  rate 10.3%                      │
            │                                                                                                  ││  │  █  █  █▇▇█▃▃█▇▇█▃▃▃██ ██▃██▇████████████▇▇█││personalisation: collecting 32/50               │
            │                                                                                                  ││  │  █▇▇█  ███████████████ █████████████████████││███████████████████████████████░░░░░░░░░░░░░░░░░│
            │                                                                                                  ││  │  ████▆▆███████████████▁█████████████████████││bounced 2 · wrong person 1 · not ICP 4          │
            │                                                                                                  ││  │▁▁███████████████████████████████████████████││no intent 1 · duplicate 0 · other 0             │
            │                                                                                                  ││  │█████████████████████████████████████████████││                                                │
            │                                                                                                  ││ 0└─────────────────────────────────────────────││                                                │
            │                                                                                                  ││   04-08                                   05-07││                                                │
            │                                                                                                  ││credits▁▁▆▃▃▆▂▆▆▄▆▃▃▆▄▄█▃▃▃▆▂▄▄▃▆▄▄▆▆▆████▆▅▇▇▄▇││                                                │
            │                                                                                                  ││score  ▇▇▇▆▆▇▇▇▇▇▇▇▇▇▇▇▇▇▆▆▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇││                                                │
            └──────────────────────────────────────────────────────────────────────────────────────────────────┘└────────────────────────────────────────────────┘└────────────────────────────────────────────────┘
            ┌2 Live lead feed (12)─────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐
            │     AGE SCR FB NAME                                         TITLE                                        COMPANY                                      GEOGRAPHY                            EMAIL     │
            │      1m  92    Raj Sharma                                   Founder                                      TechCorp Pvt Ltd                             Kathmandu, Nepal                     valid     │
            │      4m  77    山田 太郎                                    代表取締役                                   株式会社テック                               Tokyo, Japan                         valid     │
            │      9m  65    Zoë 👩💻 Ng                                  CTO 🚀                                       Café Déjà Vu                                 Paris, France                        accept-all│
            │     15m  58    محمد العلي                                   المدير التنفيذي                              شركة دبي                                     Dubai, UAE                           unknown   │
            │     22m  45    EveRED Smith                                 Line Break Tab BellC1                        Bob gnp.exe Ltd                              ZeroWidthIso                         valid     │
            │     30m  81    Mallory                                      VP Sales                                     Trentlink Co                                 Berlin, Germany                      no email  │
            │     45m  88 +  Anna Müller                                  Head of Growth                               Sonnenkraft AG                               Munich, Germany                      valid     │
            │      1h  71 -  Lars Jensen                                  COO                                          Nordlicht ApS                                Copenhagen, Denmark                  valid     │
            │      2h  95    Priya Patel                                  Founder & CEO                                Greenfield Energy                            London, UK                           valid     │
            │      3h  63    Tomás García                                 Director of Ops                              Solaria SL                                   Madrid, Spain                        valid     │
            │      5h  84    Kim Min-jun                                  Growth Lead                                  서울 솔라                                    Seoul, South Korea                   valid     │
            │      1d  52    Olivia Brown                                 Procurement Manager                          Brown & Sons                                 Leeds, UK                            valid     │
            │                                                                                                                                                                                                      │
            │                                                                                                                                                                                                      │
            │                                                                                                                                                                                                      │
            │                                                                                                                                                                                                      │
            │                                                                                                                                                                                                      │
            │                                                                                                                                                                                                      │
            │                                                                                                                                                                                                      │
            │                                                                                                                                                                                                      │
            │                                                                                                                                                                                                      │
            │                                                                                                                                                                                                      │
            │                                                                                                                                                                                                      │
            │                                                                                                                                                                                                      │
            │                                                                                                                                                                                                      │
            │                                                                                                                                                                                                      │
            │                                                                                                                                                                                                      │
            └──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
            ● live │ updated 3s ago │ API 117/120 │ ?:help /:filter p:pause +/-:rate s:suppress q:quit                                                                                                              
            """)
    }

    @Test func noControlCharacterOrEscapeReachesAnyCell() {
        for (width, height) in [(60, 18), (80, 24), (120, 40), (160, 48), (250, 70)] {
            var state = F.state(width: width, height: height)
            #expect(forbiddenScalars(in: render(state)).isEmpty)
            for i in 0..<F.leads.count {
                state.selectedLeadID = F.leads[i].id
                state.modal = .leadCard
                let grid = render(state)
                let bad = forbiddenScalars(in: grid)
                #expect(bad.isEmpty, "\(F.leads[i].id) at \(width)x\(height): \(bad.map { String($0.scalar.value, radix: 16) })")
            }
        }
    }

    @Test func columnsStayAlignedWithWideAndHostileText() {
        let grid = render(F.state(width: 160, height: 48))
        // Every row of the feed ends with its border in column 95, and each cell's widths add up.
        for y in 19..<46 {
            #expect(grid[95, y].text == "│", "row \(y)")
            var x = 0
            while x < grid.width {
                let w = Int(grid[x, y].width)
                #expect(w == 1 || w == 2, "row \(y) col \(x)")
                if w == 2 { #expect(grid[x + 1, y].width == 0) }
                x += max(1, w)
            }
        }
    }

    @Test func tooSmallScreenSaysWhatIsNeeded() {
        assertGrid(render(F.state(width: 50, height: 20)), """
                                                              
                                                              
                                                              
                                                              
                                                              
                                                              
                                                              
                                                              
                            Terminal too small                
                          need 60×18, have 50×20              
                  enlarge the window or press q to quit       
                                                              
                                                              
                                                              
                                                              
                                                              
                                                              
                                                              
                                                              
                                                              
            """)
        let grid = render(F.state(width: 59, height: 18))
        #expect(grid.lines[7].trimmingCharacters(in: .whitespaces) == "Terminal too small")
        #expect(grid.lines[8].trimmingCharacters(in: .whitespaces) == "need 60×18, have 59×18")
        #expect(render(F.state(width: 0, height: 0)).lines == [])
        #expect(render(F.state(width: 3, height: 1)).lines == ["Te…"])
    }

    @Test func helpOverlayListsEveryKey() {
        var state = F.state(width: 80, height: 24)
        reduce(&state, .key(.char("?")))
        assertGrid(render(state), """
            ┌ Keys · any key closes ──────────────────────────────────────────────────────┐┐
            │ Move                                   View                                 ││
            │  Tab S-Tab    next / previous pane      Enter        lead card / scope      ││
            │  1–5          focus pane by number      i            campaign details       ││
            │  j ↓ k ↑      down / up                 a            all campaigns          ││
            │  g Home G End first / last row          /            filter: text score>80  ││
            │  PgUp PgDn    page up / down            Esc          clear filter / scope   ││
            │  mouse        click selects, wheel      R            refresh now            ││
            │ Act                                     d            connection details     │┘
            │  p            pause/resume (y/N)        m            mouse on / off         │┐
            │  c            new campaign (form)       N            notifications          ││
            │  e            edit campaign (form)      x            export to CSV / JSONL  ││
            │  E            edit in $EDITOR           :            command prompt         ││
            │  +            rate lead good            ?            this help              ││
            │  -            rate bad, reason 1–6      q Ctrl-C     quit                   ││
            │  n            note on a rating          u            unrated only on / off  │┘
            │  s            suppress email (y/N)      [ ]          stats range 7–90 days  │┐
            │  S            suppress view (y/N)       < >          sort: previous / next  ││
            │  y Y          copy email / menu         r            reverse the sort       ││
            │  o            open LinkedIn                                                 ││
            │  z            undo last rating                                              ││
            └─────────────────────────────────────────────────────────────────────────────┘│
            └──────────────────────────────────────────────┘└──────────────────────────────┘
            ● live │ updated 3s ago │ API 117/120 │ ?:help /:filter p:pause +/-:rate s:supp…
            """)
    }

    @Test func helpOverlayMarksWriteKeysInReadOnlyMode() {
        var state = F.state(width: 80, height: 24, readOnly: true)
        reduce(&state, .key(.char("?")))
        assertGrid(render(state), """
            ┌ Keys · any key closes ──────────────────────────────────────────────────────┐┐
            │ Read-only: keys marked * are disabled                                       ││
            │ Move                                   View                                 ││
            │  Tab S-Tab    next / previous pane      Enter        lead card / scope      ││
            │  1–5          focus pane by number      i            campaign details       ││
            │  j ↓ k ↑      down / up                 a            all campaigns          ││
            │  g Home G End first / last row          /            filter: text score>80  ││
            │  PgUp PgDn    page up / down            Esc          clear filter / scope   ││
            │  mouse        click selects, wheel      R            refresh now            │┘
            │ Act                                     d            connection details     │┐
            │  p            pause/resume (y/N) *      m            mouse on / off         ││
            │  c            new campaign (form) *     N            notifications          ││
            │  e            edit campaign (form) *    x            export to CSV / JSONL  ││
            │  E            edit in $EDITOR *         :            command prompt         ││
            │  +            rate lead good *          ?            this help              ││
            │  -            rate bad, reason 1–6 *    q Ctrl-C     quit                   │┘
            │  n            note on a rating *        u            unrated only on / off  │┐
            │  s            suppress email (y/N) *    [ ]          stats range 7–90 days  ││
            │  S            suppress view (y/N) *     < >          sort: previous / next  ││
            │  y Y          copy email / menu         r            reverse the sort       ││
            │  o            open LinkedIn                                                 ││
            │  z            undo last rating *                                            ││
            └─────────────────────────────────────────────────────────────────────────────┘┘
            ● live │ updated 3s ago │ API 117/120 │ READ-ONLY │ ?:help /:filter Enter:open …
            """)
    }

    @Test func leadCardShowsEveryFieldSanitized() {
        var state = F.state(width: 80, height: 24)
        for _ in 0..<4 { reduce(&state, .key(.char("j"))) }
        reduce(&state, .key(.enter))
        assertGrid(render(state), """
            ┌1 Campaigns (5)───────────────────────────────┐┌3 Delivery stats (all)────────┐
            │S┌ Lead del_a05 ────────────────────────────────────────────────────────────┐…│
            │▶│ Name        EveRED Smith                                                 │▂│
            │‖│ Title       Line Break Tab BellC1                                        │█│
            │‖│ Company     Bob gnp.exe Ltd (example.com)                                │─│
            │·│ Size        11-50 · SaaS                                                 │7│
            │✓│ Geography   ZeroWidthIso                                                 │▆│
            │ │ Email       a05@example.com (valid)                                      │▇│
            └─│ Phone       —                                                            │─┘
            ┌2│ LinkedIn    https://linkedin.com/in/del_a05                              │─┐
            │ │ Score       45                                                           │0│
            │ │ Campaign    Solar installers DE                                          │ │
            │ │ Delivered   2026-05-07 14:08 UTC                                         │ │
            │ │ Enrichment  email · 2 credits                                            │ │
            │ │ Feedback    none (+ good, - bad)                                         │)│
            │ │ Intent      Evaluating CRM solutions for a growing sales team            │─┘
            │ │                                                                          │─┐
            │ │                                                                          │ │
            │ │                                                                          │ │
            │ │                                                                          │░│
            │ │ Esc close · j/k next · + - rate · n note · s suppress · Y copy · o open  │ │
            │ └──────────────────────────────────────────────────────────────────────────┘ │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
            ● live │ updated 3s ago │ API 117/120 │ ?:help /:filter p:pause +/-:rate s:supp…
            """)
    }

    @Test func confirmDialog() {
        var state = F.state(width: 80, height: 24)
        reduce(&state, .key(.char("p")))
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
            ┌2 Live lead feed (1┌ Confirm ────────────────────────────┐────────────────────┐
            │     AGE SCR FB NAM│ Pause campaign Solar installers DE? │█░░░░░░░ 1,240/2,000│
            │      1m  92    Raj│                                     │60 this period      │
            │      4m  77    山 │ y: yes   N/Esc: no                  │2.0/day (7d avg)    │
            │      9m  65    Zoë└─────────────────────────────────────┘fter period end     │
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
        assertStyle(grid, x: 20..<21, y: 9, Theme.default[.dialogBorder])
        assertStyle(grid, x: 21..<56, y: 10, Theme.default[.dialog])
    }

    @Test func reasonPicker() {
        var state = F.state(width: 80, height: 24)
        reduce(&state, .key(.char("-")))
        assertGrid(render(state), """
            ┌1 Campaigns (5)───────────────────────────────┐┌3 Delivery stats (all)────────┐
            │STATUS      NAME         TODAY WHY     7 DAYS ││30d: 376 leads · 752 cr · avg…│
            │▶ active    Solar ins…   12/25         ▆█▆▄▆▄▇││22│ ▂ ▃ ▂ ▃▁ ▇  ▂   ▁▂▄█▇▇▃▁▄▂│
            │‖ paused    東京 SaaS…    0/20 user    █ ▂▇▄ ▅││  │▁█▅█▄█▇██▇█▆▆█▃█▆██████████│
            │‖ paused    🚀 Growth…    3/50 credits █      ││ 0└───────────────────────────│
            │· draft     Draft┌ Why is this lead bad? ───────────────────┐            05-07│
            │✓ completed Nepal│ Raj Sharma                               │▅▆▄▆▃▆▂▄▆▄▆██▇▅▇▆│
            │                 │ 1  invalid email (bounced)               │▇▇▇▇▆▇▇▇▇▇▇▇▇▇▇▇▇│
            └─────────────────│ 2  wrong person                          │─────────────────┘
            ┌2 Live lead feed │ 3  not ICP                               │─────────────────┐
            │     AGE SCR FB N│ 4  no intent                             │░░░░░ 1,240/2,000│
            │      1m  92    R│ 5  duplicate                             │this period      │
            │      4m  77     │ 6  other                                 │/day (7d avg)    │
            │      9m  65    Z│ n  add a note                            │r period end     │
            │     15m  58    م│                                          │ 2026-06-01 (24d)│
            │     22m  45    E│ 1–6 rate bad · Esc cancel                │─────────────────┘
            │     30m  81    M└──────────────────────────────────────────┘─────────────────┐
            │     45m  88 +  Anna Müller    Sonnenkraft AG ││good 24  bad 8  rate 10.3%    │
            │      1h  71 -  Lars Jensen    Nordlicht ApS  ││collecting 32/50              │
            │      2h  95    Priya Patel    Greenfield Ene…││███████████████████░░░░░░░░░░░│
            │      3h  63    Tomás García   Solaria SL     ││bounced 2 · wrong person 1    │
            │      5h  84    Kim Min-jun    서울 솔라      ││not ICP 4 · no intent 1       │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
            ● live │ updated 3s ago │ API 117/120 │ ?:help /:filter p:pause +/-:rate s:supp…
            """)
    }

    @Test func noteInput() {
        var state = F.state(width: 80, height: 24)
        reduce(&state, .key(.char("-")))
        reduce(&state, .key(.char("n")))
        for c in "Hard bounce" { reduce(&state, .key(.char(c))) }
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
            ┌2 Live le┌ Note ────────────────────────────────────────────────────┐─────────┐
            │     AGE │ > Hard bounce█                                           │240/2,000│
            │      1m │                                                          │iod      │
            │      4m │ Enter save · Esc cancel                                  │ avg)    │
            │      9m └──────────────────────────────────────────────────────────┘ end     │
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

    @Test func monoThemeShowsFocusAndSelectionWithAttributes() {
        let grid = render(F.state(width: 80, height: 24), theme: .mono)
        #expect(grid[1, 11].style == Style(attributes: [.reverse, .bold]))
        #expect(grid[1, 2].style == Style(attributes: [.underline]))
        #expect(grid[0, 9].style == Style(attributes: [.bold]))
        #expect(grid[0, 0].style == Style())
        #expect(grid[1, 9].style.attributes == [.bold, .reverse])
    }
}

@Suite(.serialized) struct SmallScreenHelpTests {
    init() { #expect(TestLocale.ready) }

    @Test func helpShowsEveryKeyAtTheMinimumSize() {
        var state = DashboardFixtures.state(width: 60, height: 18)
        reduce(&state, .key(.char("?")))
        let grid = DashboardView.render(state: state, theme: .default, width: 60, height: 18)
        assertGrid(grid, """
            ┌ Keys · any key closes ───────────────────────────────────┐
            │ Move                s    suppress …    x    export to…   │
            │  Tab… next / pr…    S    suppress …    :    command p…   │
            │  1–5  focus pan…    y Y  copy emai…    ?    this help    │
            │  j ↓… down / up     o    open Link…    q C… quit         │
            │  g H… first / l…    z    undo last…    u    unrated o…   │
            │  PgU… page up /…   View                [ ]  stats ran…   │
            │  mou… click sel…    Ent… lead card…    < >  sort: pre…   │
            │ Act                 i    campaign …    r    reverse t…   │
            │  p    pause/res…    a    all campa…                      │
            │  c    new campa…    /    filter: t…                      │
            │  e    edit camp…    Esc  clear fil…                      │
            │  E    edit in $…    R    refresh n…                      │
            │  +    rate lead…    d    connectio…                      │
            │  -    rate bad,…    m    mouse on …                      │
            │  n    note on a…    N    notificat…                      │
            └──────────────────────────────────────────────────────────┘
            ● live │ updated 3s ago │ API 117/120 │ ?:help /:filter p:p…
            """)
    }

}
