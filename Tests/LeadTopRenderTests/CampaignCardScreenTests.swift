import Foundation
import Testing
import LeadOSContract
import LeadTopCore
@testable import LeadTopRender
import LeadTopTestSupport

/// `i` on a campaign, on the whole screen: targeting, score, enrichment, caps, status with its
/// reason, dates and totals; a draft says whether the balance covers its first lead.
@Suite(.serialized) struct CampaignCardScreenTests {
    typealias F = DashboardFixtures

    init() { #expect(TestLocale.ready) }

    func render(_ state: AppState) -> CellGrid {
        DashboardView.render(state: state, theme: .mono, width: state.width, height: state.height)
    }

    @Test func aPausedCampaignAt80x24() {
        var state = F.state(width: 80, height: 24)
        reduce(&state, .key(.char("1")))
        reduce(&state, .key(.char("j")))
        reduce(&state, .key(.char("i")))
        #expect(state.modal == .campaignCard(campaignID: "camp_tokyo02"))
        assertGrid(render(state), """
            ┌1 Campaigns (5)───────────────────────────────┐┌3 Delivery stats (all)────────┐
            │STATUS      NAME         TODAY WHY     7 DAYS ││30d: 376 leads · 752 cr · avg…│
            │▶ active    Solar ins…   12/25         ▆█▆▄▆▄▇││22│ ▂ ▃ ▂ ▃▁ ▇  ▂   ▁▂▄█▇▇▃▁▄▂│
            │‖┌ Campaign camp_tokyo02 ───────────────────────────────────────────────────┐█│
            │‖│ Name          東京 SaaS 創業者                                           │─│
            │·│ Status        paused (by you)                                            │7│
            │✓│ Job titles    Founder                                                    │▆│
            │ │ Industries    any                                                        │▇│
            └─│ Company sizes any                                                        │─┘
            ┌2│ Geographies   any                                                        │─┐
            │ │ Min score     60                                                         │0│
            │ │ Enrichment    email · up to 2 credits a lead                             │ │
            │ │ Daily cap     0 of 20 today                                              │ │
            │ │ Total cap     none                                                       │ │
            │ │ Delivered     310 leads · 620 credits                                    │)│
            │ │ Created       2026-04-17 14:30 UTC                                       │─┘
            │ │ Updated       2026-04-17 14:30 UTC                                       │─┐
            │ │                                                                          │ │
            │ │ p resume · Esc close                                                     │ │
            │ └──────────────────────────────────────────────────────────────────────────┘░│
            │      3h  63    Tomás García   Solaria SL     ││bounced 2 · wrong person 1    │
            │      5h  84    Kim Min-jun    서울 솔라      ││not ICP 4 · no intent 1       │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
            ● live │ updated 3s ago │ API 117/120 │ ?:help /:filter p:pause +/-:rate s:supp…
            """)
    }

    @Test func aDraftAt160x48SaysWhetherItCanLaunch() {
        var state = F.state(width: 160, height: 48)
        reduce(&state, .key(.char("1")))
        for _ in 0..<3 { reduce(&state, .key(.char("j"))) }
        reduce(&state, .key(.char("i")))
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
            │                                       ┌ Campaign camp_draft04 ───────────────────────────────────────────────────────┐                                  05-07│
            │                                       │ Name          Draft: fintech CFOs                                            │▃▆▆▄▄█▃▃▃▃▆▆▂▂▄▄▃▆▆▄▄▆▆▆▆█████▆▆▅▅▇▇▄▄▇│
            │                                       │ Status        draft                                                          │▇▇▇▇▇▇▇▇▆▆▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇│
            └───────────────────────────────────────│ Job titles    Founder                                                        │───────────────────────────────────────┘
            ┌2 Live lead feed (12)──────────────────│ Industries    any                                                            │───────────────────────────────────────┐
            │     AGE SCR FB NAME             TITLE │ Company sizes any                                                            │████████░░░░░░░░░░░░░░░░░░░ 1,240/2,000│
            │      1m  92    Raj Sharma       Founde│ Geographies   any                                                            │d                                      │
            │      4m  77    山田 太郎        代表取│ Min score     60                                                             │vg)                                    │
            │      9m  65    Zoë 👩💻 Ng      CTO 🚀│ Enrichment    email · up to 2 credits a lead                                 │nd                                     │
            │     15m  58    محمد العلي       المدير│ Daily cap     0 of 10 today                                                  │1 (24d)                                │
            │     22m  45    EveRED Smith     Line B│ Total cap     none                                                           │───────────────────────────────────────┘
            │     30m  81    Mallory          VP Sal│ Delivered     0 leads · 0 credits                                            │───────────────────────────────────────┐
            │     45m  88 +  Anna Müller      Head o│ Created       2026-03-28 14:30 UTC                                           │.3%                                    │
            │      1h  71 -  Lars Jensen      COO   │ Updated       2026-03-28 14:30 UTC                                           │ting 32/50                             │
            │      2h  95    Priya Patel      Founde│ Launch        1,240 credits left: enough to start                            │█████████████████░░░░░░░░░░░░░░░░░░░░░░│
            │      3h  63    Tomás García     Direct│                                                                              │n 1 · not ICP 4 · no intent 1          │
            │      5h  84    Kim Min-jun      Growth│ p launch · Esc close                                                         │                                       │
            │      1d  52    Olivia Brown     Procur└──────────────────────────────────────────────────────────────────────────────┘                                       │
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
