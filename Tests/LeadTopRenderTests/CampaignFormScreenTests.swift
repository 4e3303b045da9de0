import Foundation
import Testing
import LeadOSContract
import LeadTopCore
@testable import LeadTopRender
import LeadTopTestSupport

/// The campaign form on the whole screen: empty, filled, and with LeadOS's 422 on a field, at
/// 80×24 and 160×48.
@Suite(.serialized) struct CampaignFormScreenTests {
    typealias F = DashboardFixtures

    init() { #expect(TestLocale.ready) }

    func render(_ state: AppState) -> CellGrid {
        DashboardView.render(state: state, theme: .mono, width: state.width, height: state.height)
    }

    func type(_ state: inout AppState, _ text: String) {
        for c in text { reduce(&state, .key(.char(c))) }
    }

    @Test func anEmptyFormAt80x24() {
        var state = F.state(width: 80, height: 24)
        reduce(&state, .key(.char("c")))
        assertGrid(render(state), """
            ┌1 Campaigns (5)───────────────────────────────┐┌3 Delivery stats (all)────────┐
            │STATUS      NAME         TODAY WHY     7 DAYS ││30d: 376 leads · 752 cr · avg…│
            │▶ active    Solar ins…   12/25         ▆█▆▄▆▄▇││22│ ▂ ▃ ▂ ▃▁ ▇  ▂   ▁▂▄█▇▇▃▁▄▂│
            │‖┌ New campaign ────────────────────────────────────────────────────────────┐█│
            │‖│▸Name          █                                                          │─│
            │·│ Job titles    required, comma-separated                                  │7│
            │✓│ Industries    any (comma-separated)                                      │▆│
            │ │ Company sizes any                                                        │▇│
            └─│ Geographies   any (comma-separated)                                      │─┘
            ┌2│ Min score     60                                                         │─┐
            │ │ Enrichment    email  up to 2 credits a lead                              │0│
            │ │ Daily cap     25                                                         │ │
            │ │ Total cap     none                                                       │ │
            │ │ Start         active (starts delivering now)                             │ │
            │ │                                                                          │)│
            │ │                                                                          │─┘
            │ │                                                                          │─┐
            │ │ Tab ↓ next · ↑ back · ←→ choose · Space tick · Enter save · Esc cancel   │ │
            │ └──────────────────────────────────────────────────────────────────────────┘ │
            │      2h  95    Priya Patel    Greenfield Ene…││███████████████████░░░░░░░░░░░│
            │      3h  63    Tomás García   Solaria SL     ││bounced 2 · wrong person 1    │
            │      5h  84    Kim Min-jun    서울 솔라      ││not ICP 4 · no intent 1       │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
            ● live │ updated 3s ago │ API 117/120 │ ?:help /:filter p:pause +/-:rate s:supp…
            """)
    }

    @Test func aFilledFormOnTheCompanySizesAt80x24() {
        var state = F.state(width: 80, height: 24)
        reduce(&state, .key(.char("c")))
        type(&state, "Nordic CFOs")
        reduce(&state, .key(.tab))
        type(&state, "CFO, Head of Finance")
        reduce(&state, .key(.tab))
        type(&state, "Fintech")
        reduce(&state, .key(.tab))
        for key in [Key.right, .right, .char(" "), .right, .char(" "), .right, .right, .right, .right] { reduce(&state, .key(key)) }
        assertGrid(render(state), """
            ┌1 Campaigns (5)───────────────────────────────┐┌3 Delivery stats (all)────────┐
            │STATUS      NAME         TODAY WHY     7 DAYS ││30d: 376 leads · 752 cr · avg…│
            │▶ active    Solar ins…   12/25         ▆█▆▄▆▄▇││22│ ▂ ▃ ▂ ▃▁ ▇  ▂   ▁▂▄█▇▇▃▁▄▂│
            │‖┌ New campaign ────────────────────────────────────────────────────────────┐█│
            │‖│ Name          Nordic CFOs                                                │─│
            │·│ Job titles    CFO, Head of Finance                                       │7│
            │✓│ Industries    Fintech                                                    │▆│
            │ │▸Company sizes ‹■201-500 □501-1000 □1001-5000 □5001-10000 □10001+         │▇│
            └─│ Geographies   any (comma-separated)                                      │─┘
            ┌2│ Min score     60                                                         │─┐
            │ │ Enrichment    email  up to 2 credits a lead                              │0│
            │ │ Daily cap     25                                                         │ │
            │ │ Total cap     none                                                       │ │
            │ │ Start         active (starts delivering now)                             │ │
            │ │                                                                          │)│
            │ │                                                                          │─┘
            │ │                                                                          │─┐
            │ │ Tab ↓ next · ↑ back · ←→ choose · Space tick · Enter save · Esc cancel   │ │
            │ └──────────────────────────────────────────────────────────────────────────┘ │
            │      2h  95    Priya Patel    Greenfield Ene…││███████████████████░░░░░░░░░░░│
            │      3h  63    Tomás García   Solaria SL     ││bounced 2 · wrong person 1    │
            │      5h  84    Kim Min-jun    서울 솔라      ││not ICP 4 · no intent 1       │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
            ● live │ updated 3s ago │ API 117/120 │ ?:help /:filter p:pause +/-:rate s:supp…
            """)
    }

    @Test func aRefusedEditWithTheErrorOnItsFieldAt160x48() {
        var state = F.state(width: 160, height: 48)
        reduce(&state, .key(.char("1")))
        reduce(&state, .key(.char("e")))
        for _ in 0..<7 { reduce(&state, .key(.down)) }
        reduce(&state, .key(.backspace))
        reduce(&state, .key(.backspace))
        type(&state, "900")
        reduce(&state, .key(.enter))
        reduce(&state, .sync(.writeSettled(.refused(
            .updateCampaign(campaignID: "camp_solar01", CampaignPatch(dailyLeadCap: 900)), status: 422,
            code: "parameter_invalid", message: "daily_lead_cap is above your plan's 500", param: "daily_lead_cap"))))
        assertGrid(render(state), """
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
            │                                        ┌ Edit Solar installers DE ──────────────────────────────────────────────────┐▇▇▇▇▇▇▇▇▇▆▆▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇│
            └────────────────────────────────────────│ Name          Solar installers DE                                          │────────────────────────────────────────┘
            ┌2 Live lead feed (12)───────────────────│ Job titles    Founder                                                      │────────────────────────────────────────┐
            │     AGE SCR FB NAME             TITLE  │ Industries    any (comma-separated)                                        │█████████░░░░░░░░░░░░░░░░░░░ 1,240/2,000│
            │      1m  92    Raj Sharma       Founder│ Company sizes any                                                          │od                                      │
            │      4m  77    山田 太郎        代表取 │ Geographies   any (comma-separated)                                        │avg)                                    │
            │      9m  65    Zoë 👩💻 Ng      CTO 🚀 │ Min score     60                                                           │end                                     │
            │     15m  58    محمد العلي       المدير │ Enrichment    email  up to 2 credits a lead                                │01 (24d)                                │
            │     22m  45    EveRED Smith     Line Br│▸Daily cap     900█  ✗ daily_lead_cap is above your plan's 500              │────────────────────────────────────────┘
            │     30m  81    Mallory          VP Sale│ Total cap     none                                                         │────────────────────────────────────────┐
            │     45m  88 +  Anna Müller      Head of│                                                                            │0.3%                                    │
            │      1h  71 -  Lars Jensen      COO    │                                                                            │cting 32/50                             │
            │      2h  95    Priya Patel      Founder│ LeadOS refused it (422): daily_lead_cap is above your plan's 500           │██████████████████░░░░░░░░░░░░░░░░░░░░░░│
            │      3h  63    Tomás García     Directo│ Tab ↓ next · ↑ back · ←→ choose · Space tick · Enter save · Esc cancel     │on 1 · not ICP 4 · no intent 1          │
            │      5h  84    Kim Min-jun      Growth └────────────────────────────────────────────────────────────────────────────┘                                        │
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
            ● live │ updated 3s ago │ API 117/120 │ LeadOS refused it (422): daily_lead_cap is above your plan's 500                                                        
            """)
    }

    @Test func checkedProblemsBesideTheirFieldsAt160x48() {
        var state = F.state(width: 160, height: 48)
        reduce(&state, .key(.char("c")))
        reduce(&state, .key(.enter))
        assertGrid(render(state), """
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
            │                                        ┌ New campaign ──────────────────────────────────────────────────────────────┐▃▃▆▆▄▄█▃▃▃▃▆▆▂▂▄▄▃▆▆▄▄▆▆▆▆█████▆▆▅▅▇▇▄▄▇│
            │                                        │▸Name          █  ✗ 1 to 100 characters                                     │▇▇▇▇▇▇▇▇▇▆▆▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇│
            └────────────────────────────────────────│ Job titles    required, comma-separated  ✗ 1 to 50 titles, separated by …  │────────────────────────────────────────┘
            ┌2 Live lead feed (12)───────────────────│ Industries    any (comma-separated)                                        │────────────────────────────────────────┐
            │     AGE SCR FB NAME             TITLE  │ Company sizes any                                                          │█████████░░░░░░░░░░░░░░░░░░░ 1,240/2,000│
            │      1m  92    Raj Sharma       Founder│ Geographies   any (comma-separated)                                        │od                                      │
            │      4m  77    山田 太郎        代表取 │ Min score     60                                                           │avg)                                    │
            │      9m  65    Zoë 👩💻 Ng      CTO 🚀 │ Enrichment    email  up to 2 credits a lead                                │end                                     │
            │     15m  58    محمد العلي       المدير │ Daily cap     25                                                           │01 (24d)                                │
            │     22m  45    EveRED Smith     Line Br│ Total cap     none                                                         │────────────────────────────────────────┘
            │     30m  81    Mallory          VP Sale│ Start         active (starts delivering now)                               │────────────────────────────────────────┐
            │     45m  88 +  Anna Müller      Head of│                                                                            │0.3%                                    │
            │      1h  71 -  Lars Jensen      COO    │                                                                            │cting 32/50                             │
            │      2h  95    Priya Patel      Founder│                                                                            │██████████████████░░░░░░░░░░░░░░░░░░░░░░│
            │      3h  63    Tomás García     Directo│ Tab ↓ next · ↑ back · ←→ choose · Space tick · Enter save · Esc cancel     │on 1 · not ICP 4 · no intent 1          │
            │      5h  84    Kim Min-jun      Growth └────────────────────────────────────────────────────────────────────────────┘                                        │
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
}
