import Foundation
import Testing
import LeadOSContract
import LeadTopCore
@testable import LeadTopRender
import LeadTopTestSupport

/// The copy menu (`Y`) and the bulk suppression confirmation (`S`), as whole screens.
@Suite(.serialized) struct HandOnScreenTests {
    typealias F = DashboardFixtures

    init() { #expect(TestLocale.ready) }

    func render(_ state: AppState) -> CellGrid {
        DashboardView.render(state: state, theme: .default, width: state.width, height: state.height)
    }

    func menu(width: Int, height: Int, keys: [Key]) -> AppState {
        var state = F.state(width: width, height: height)
        for key in keys { reduce(&state, .key(key)) }
        return state
    }

    @Test func copyMenuAt80x24() {
        let state = menu(width: 80, height: 24, keys: [.char("Y")])
        #expect(state.modal == .copyMenu(leadID: "del_a01", fromCard: false))
        assertGrid(render(state), """
            ┌1 Campaigns (5)───────────────────────────────┐┌3 Delivery stats (all)────────┐
            │STATUS      NAME         TODAY WHY     7 DAYS ││30d: 376 leads · 752 cr · avg…│
            │▶ active    Solar ins…   12/25         ▆█▆▄▆▄▇││22│ ▂ ▃ ▂ ▃▁ ▇  ▂   ▁▂▄█▇▇▃▁▄▂│
            │‖ paused    東京 SaaS…    0/20 user    █ ▂▇▄ ▅││  │▁█▅█▄█▇██▇█▆▆█▃█▆██████████│
            │‖ paused    🚀 Growth…    3/50 credits █      ││ 0└───────────────────────────│
            │· draft     Draft: fi…    0/10                ││   04-08                 05-07│
            │✓ complet┌ Copy to the clipboard ───────────────────────────────────┐▆▄▆██▇▅▇▆│
            │         │ Raj Sharma                                               │▇▇▇▇▇▇▇▇▇│
            └─────────│                                                          │─────────┘
            ┌2 Live le│ e  email         a01@example.com                         │─────────┐
            │     AGE │ p  phone         —                                       │240/2,000│
            │      1m │ l  LinkedIn URL  https://linkedin.com/in/del_a01         │iod      │
            │      4m │ j  the whole lead as JSON                                │ avg)    │
            │      9m │ v  vCard (contacts)                                      │ end     │
            │     15m │                                                          │-01 (24d)│
            │     22m │ e p l j v or 1–5 copy · Esc cancel                       │─────────┘
            │     30m └──────────────────────────────────────────────────────────┘─────────┐
            │     45m  88 +  Anna Müller    Sonnenkraft AG ││good 24  bad 8  rate 10.3%    │
            │      1h  71 -  Lars Jensen    Nordlicht ApS  ││collecting 32/50              │
            │      2h  95    Priya Patel    Greenfield Ene…││███████████████████░░░░░░░░░░░│
            │      3h  63    Tomás García   Solaria SL     ││bounced 2 · wrong person 1    │
            │      5h  84    Kim Min-jun    서울 솔라      ││not ICP 4 · no intent 1       │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
            ● live │ updated 3s ago │ API 117/120 │ ?:help /:filter p:pause +/-:rate s:supp…
            """)
    }

    @Test func copyMenuOverTheLeadCardAt160x48() {
        // A lead without email: its row shows a dash.
        let state = menu(width: 160, height: 48, keys: [.char("G"), .char("k"), .char("k"), .char("k"), .char("k"), .char("k"),
                                                        .char("k"), .enter, .char("Y")])
        #expect(state.modal == .copyMenu(leadID: "del_a06", fromCard: true))
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
            │                                         ┌ Lead del_a06 ────────────────────────────────────────────────────────────┐█████████████████████████████████████████│
            │                                         │ Name        Mallory                                                      │─────────────────────────────────────────│
            │                                         │ Title       VP Sales                                                     │                                    05-07│
            │                                         │ Company     Trentlink Co                                                 │▆▃▃▆▆▄▄█▃▃▃▃▆▆▂▂▄▄▃▆▆▄▄▆▆▆▆█████▆▆▅▅▇▇▄▄▇│
            │                                         │ Size        11-50 · SaaS                                                 │▇▇▇▇▇▇▇▇▇▇▆▆▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇▇│
            └─────────────────────────────────────────│ Geography   Berlin, Germany                                              │─────────────────────────────────────────┘
            ┌2 Live lead feed (12)────────────────────│ Email ┌ Copy to the clipboard ───────────────────────────────────┐       │─────────────────────────────────────────┐
            │     AGE SCR FB NAME             TITLE   │ Phone │ Mallory                                                  │       │██████████░░░░░░░░░░░░░░░░░░░ 1,240/2,000│
            │      1m  92    Raj Sharma       Founder │ Linked│                                                          │       │iod                                      │
            │      4m  77    山田 太郎        代表取締│ Score │ e  email         —                                       │       │ avg)                                    │
            │      9m  65    Zoë 👩💻 Ng      CTO 🚀  │ Campai│ p  phone         —                                       │       │ end                                     │
            │     15m  58    محمد العلي       المدير ا│ Delive│ l  LinkedIn URL  https://linkedin.com/in/del_a06         │       │-01 (24d)                                │
            │     22m  45    EveRED Smith     Line Bre│ Enrich│ j  the whole lead as JSON                                │       │─────────────────────────────────────────┘
            │     30m  81    Mallory          VP Sales│ Feedba│ v  vCard (contacts)                                      │       │─────────────────────────────────────────┐
            │     45m  88 +  Anna Müller      Head of │ Intent│                                                          │       │10.3%                                    │
            │      1h  71 -  Lars Jensen      COO     │       │ e p l j v or 1–5 copy · Esc cancel                       │       │ecting 32/50                             │
            │      2h  95    Priya Patel      Founder │       └──────────────────────────────────────────────────────────┘       │███████████████████░░░░░░░░░░░░░░░░░░░░░░│
            │      3h  63    Tomás García     Director│                                                                          │son 1 · not ICP 4 · no intent 1          │
            │      5h  84    Kim Min-jun      Growth L│                                                                          │                                         │
            │      1d  52    Olivia Brown     Procurem│                                                                          │                                         │
            │                                         │ Esc close · j/k next · + - rate · n note · s suppress · Y copy · o open  │                                         │
            │                                         └──────────────────────────────────────────────────────────────────────────┘                                         │
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

    @Test func bulkSuppressionConfirmationAt80x24() {
        var state = F.state(width: 80, height: 24)
        state.modal = .confirm(.suppressMany(BulkSuppression(source: .file("~/bounces.txt"),
                                                             emails: (0..<1_204).map { "a\($0)@x.io" }, badLines: 3)))
        assertGrid(render(state), """
            ┌1 Campaigns (5)───────────────────────────────┐┌3 Delivery stats (all)────────┐
            │STATUS      NAME         TODAY WHY     7 DAYS ││30d: 376 leads · 752 cr · avg…│
            │▶ active    Solar ins…   12/25         ▆█▆▄▆▄▇││22│ ▂ ▃ ▂ ▃▁ ▇  ▂   ▁▂▄█▇▇▃▁▄▂│
            │‖ paused    東京 SaaS…    0/20 user    █ ▂▇▄ ▅││  │▁█▅█▄█▇██▇█▆▆█▃█▆██████████│
            │‖ paused    🚀 Growth…    3/50 credits █      ││ 0└───────────────────────────│
            │· draft     Draft: fi…    0/10                ││   04-08                 05-07│
            │✓ completed Nepal Saa…    0/25                ││credits▁▆▃▄▆▄▅▆▄▆▃▆▂▄▆▄▆██▇▅▇▆│
            │                                              ││score  ▇▇▆▇▇▇▇▇▇▇▆▇▇▇▇▇▇▇▇▇▇▇▇│
            └─────┌ Confirm ─────────────────────────────────────────────────────────┐─────┘
            ┌2 Liv│ Suppress 1,204 addresses in every campaign?                      │─────┐
            │     │ From ~/bounces.txt                                               │2,000│
            │     │ 2 batches of at most 1,000 · 3 lines are not addresses (skipped) │     │
            │     │                                                                  │)    │
            │     │ y: yes   N/Esc: no                                               │     │
            │     └──────────────────────────────────────────────────────────────────┘(24d)│
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
}
