import Foundation
import Testing
import LeadOSContract
import LeadTopCore
@testable import LeadTopRender
import LeadTopTestSupport

/// What a user sees of the connection: a refused key, the details overlay, the demo and mouse marks.
@Suite(.serialized) struct ConnectionScreenTests {
    typealias F = DashboardFixtures

    init() { #expect(TestLocale.ready) }

    static let rejection = KeyRejection(status: 401, redactedKey: "ldo_live_sk_…stuX",
                                        message: "Invalid API key provided: ldo_live_sk_****stuX",
                                        nextCheck: F.now.addingTimeInterval(42))

    /// A first start with a refused key: nothing cached, so every pane says why it is empty.
    static func refusedState() -> AppState {
        var state = AppState(width: 80, height: 24, now: F.now, settings: .init(
            keySource: "api_key in profile \"work\" of ~/.config/leadtop/config.toml", apiURL: "https://api.leados.net"))
        reduce(&state, .sync(.connection(.keyRejected(rejection))))
        reduce(&state, .sync(.pendingWrites(1)))
        return state
    }

    @Test func aRefusedKeyIsSaidOnceOverEmptyPanes() {
        let grid = DashboardView.render(state: Self.refusedState(), theme: .default, width: 80, height: 24)
        assertGrid(grid, """
            ┌1 Campaigns (0)───────────────────────────────┐┌3 Delivery stats (all)────────┐
            │STATUS      NAME         TODAY WHY     7 DAYS ││Nothing loaded: the API key w…│
            │Nothing loaded: the API key was rejected      ││                              │
            │                                              ││                              │
            │                                              ││                              │
            │                                              ││                              │
            │                                              ││                              │
            │┌ ✗ LeadOS rejected the API key ─────────────────────────────────────────────┐│
            └│ Key      ldo_live_sk_…stuX, from api_key in profile "work" of              │┘
            ┌│          ~/.config/leadtop/config.toml                                     │┐
            ││ LeadOS   HTTP 401: Invalid API key provided: ldo_live_sk_****stuX          ││
            ││ Fix      set a valid key there, then press R                               ││
            ││          checking again every minute (next in 42s)                         ││
            ││          1 pending write waits for the key                                 ││
            │└────────────────────────────────────────────────────────────────────────────┘│
            │                                              │└──────────────────────────────┘
            │                                              │┌5 Feedback────────────────────┐
            │                                              ││Nothing loaded: the API key w…│
            │                                              ││                              │
            │                                              ││                              │
            │                                              ││                              │
            │                                              ││                              │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
            ✗ key rejected, check in 42s │ 1 pending │ R:check key d:details ?:help q:quit  
            """)
    }

    @Test func theDetailsShowTheWholeError() {
        var state = F.state(width: 80, height: 24)
        state.settings.apiURL = "http://127.0.0.1:8787"
        state.settings.keySource = "the --api-key flag"
        reduce(&state, .sync(.connection(.offline(since: F.now.addingTimeInterval(-120), reason: "LeadOS error 503",
                                                  nextRetry: F.now.addingTimeInterval(9)))))
        reduce(&state, .sync(.connectionReport(ConnectionReport(failures: [
            .init(channel: "feed", summary: "LeadOS error 503",
                  detail: "LeadOS 503 api_error/service_unavailable: Down for maintenance [req_8fK2p1]",
                  at: F.now.addingTimeInterval(-5), nextRetry: F.now.addingTimeInterval(9)),
            .init(channel: "stats", summary: "connection refused (127.0.0.1:8787)",
                  detail: "cannot reach LeadOS: connection refused (127.0.0.1:8787)", at: F.now.addingTimeInterval(-60), nextRetry: nil),
        ], lastSuccess: F.now.addingTimeInterval(-130)))))
        reduce(&state, .key(.char("d")))
        assertGrid(DashboardView.render(state: state, theme: .default, width: 80, height: 24), """
            ┌1 Campaigns (5)───────────────────────────────┐┌3 Delivery stats (all)────────┐
            │STATUS      NAME         TODAY WHY     7 DAYS ││30d: 376 leads · 752 cr · avg…│
            │▶ active    Solar ins…   12/25         ▆█▆▄▆▄▇││22│ ▂ ▃ ▂ ▃▁ ▇  ▂   ▁▂▄█▇▇▃▁▄▂│
            │‖ paused    東京 SaaS…    0/20 user    █ ▂▇▄ ▅││  │▁█▅█▄█▇██▇█▆▆█▃█▆██████████│
            │‖ paused    🚀 Growth…    3/50 credits █      ││ 0└───────────────────────────│
            │· draft     Draft: fi…    0/10                ││   04-08                 05-07│
            │┌ Connection · R refresh · any key closes ───────────────────────────────────┐│
            ││ LeadOS     http://127.0.0.1:8787                                           ││
            └│ Key from   the --api-key flag                                              │┘
            ┌│ Status     offline since 14:28: LeadOS error 503                           │┐
            ││ Last OK    2026-05-07T14:29:57Z (3s ago)                                   ││
            ││ feed       LeadOS error 503 (at 14:29, retry in 9s)                        ││
            ││            LeadOS 503 api_error/service_unavailable: Down for maintenance  ││
            ││            [req_8fK2p1]                                                    ││
            ││ stats      connection refused (127.0.0.1:8787) (at 14:29)                  ││
            ││            cannot reach LeadOS: connection refused (127.0.0.1:8787)        │┘
            │└────────────────────────────────────────────────────────────────────────────┘┐
            │     45m  88 +  Anna Müller    Sonnenkraft AG ││good 24  bad 8  rate 10.3%    │
            │      1h  71 -  Lars Jensen    Nordlicht ApS  ││collecting 32/50              │
            │      2h  95    Priya Patel    Greenfield Ene…││███████████████████░░░░░░░░░░░│
            │      3h  63    Tomás García   Solaria SL     ││bounced 2 · wrong person 1    │
            │      5h  84    Kim Min-jun    서울 솔라      ││not ICP 4 · no intent 1       │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
            ○ offline since 14:28: LeadOS error 503, retry in 9s │ updated 3s ago │ API 117…
            """)
    }

    @Test func demoAndMouseOffAreMarked() {
        var state = AppState(width: 100, height: 24, now: F.now, settings: .init(isDemo: true, mouse: false))
        reduce(&state, .sync(.connection(.live)))
        var grid = CellGrid(width: 100, height: 1)
        StatusBar.draw(into: &grid, state: state, theme: .default, rect: Rect(x: 0, y: 0, width: 100, height: 1))
        assertGrid(grid, lines: [
            "● live │ DEMO │ mouse off │ ?:help /:filter p:pause +/-:rate s:suppress q:quit                      ",
        ])
        reduce(&state, .key(.char("?")))
        let help = DashboardView.render(state: state, theme: .default, width: 100, height: 24)
        #expect(help.lines.contains { $0.contains("Demo: simulated data from a built-in LeadOS simulator") })
    }
}
