import Foundation
import Synchronization
import Testing
import LeadTopApp
import LeadTopCore
import LeadTopRender
import LeadTopTestSupport

/// Keys through the real reducer and effect interpreter to a scripted engine, the engine's answer
/// back through the mailbox, and the resulting grid: the dashboard's whole loop, without a terminal.
@Suite(.serialized) struct DashboardSessionTests {
    typealias F = DashboardFixtures

    init() { #expect(TestLocale.ready) }

    /// Records what the session asks of its screen.
    final class ScriptedScreen: DashboardScreen {
        let renderRequests = Atomic<Int>(0)
        let mouse = Mutex<[Bool]>([])
        func requestRender(fullRedraw: Bool) { renderRequests.add(1, ordering: .relaxed) }
        func setMouseCapture(_ on: Bool) { mouse.withLock { $0.append(on) } }
        /// Each alert as "bell" and/or the desktop text.
        let alerts = Mutex<[String]>([])
        func alert(bell: Bool, desktop: (title: String, body: String)?) {
            alerts.withLock { $0.append((bell ? "bell " : "") + (desktop.map { "\($0.title): \($0.body)" } ?? "")) }
        }
    }

    /// Records every request of the session, in order; the test answers by posting updates.
    final class ScriptedEngine: SyncDriver {
        enum Call: Equatable {
            case enqueue(WriteCommand), refreshNow, statsScope(String?), loadFeed(FeedRequest)
            case statsRange(StatsRange), withdraw(WriteCommand)
        }
        let calls = Mutex<[Call]>([])
        func enqueue(_ command: WriteCommand) { calls.withLock { $0.append(.enqueue(command)) } }
        func refreshNow() { calls.withLock { $0.append(.refreshNow) } }
        func setStatsScope(campaignID: String?) { calls.withLock { $0.append(.statsScope(campaignID)) } }
        func loadFeedPage(_ request: FeedRequest) { calls.withLock { $0.append(.loadFeed(request)) } }
        func setStatsRange(_ range: StatsRange) { calls.withLock { $0.append(.statsRange(range)) } }
        func withdraw(_ command: WriteCommand) { calls.withLock { $0.append(.withdraw(command)) } }
        var recorded: [Call] { calls.withLock { $0 } }
    }

    struct Harness {
        let screen = ScriptedScreen()
        let engine = ScriptedEngine()
        let session: DashboardSession

        init(width: Int = 80, height: Int = 24) {
            session = DashboardSession(
                state: F.state(width: width, height: height), theme: .mono, screen: screen,
                trace: DashboardTrace(environment: [:]))
            session.effects = EffectInterpreter(engine: engine, screen: screen)
            #expect(session.handle(.resize(width: width, height: height)))
        }

        /// Presses keys as the terminal would deliver them; true while the session runs.
        @discardableResult
        func press(_ keys: Key...) -> Bool {
            keys.allSatisfy { session.handle(.key($0)) }
        }

        var grid: CellGrid { session.frame(width: session.currentState.width, height: session.currentState.height) }
    }

    @Test func aRefusedPauseGoesOutOnceAndRollsBackOnScreen() {
        let h = Harness()
        h.press(.char("1"), .char("p"))
        #expect(h.engine.recorded == [])
        h.press(.char("y"))
        #expect(h.engine.recorded == [.enqueue(.pause(campaignID: "camp_solar01"))])
        #expect(h.grid.line(2) == "│‖ paused    Solar ins…   12/25 user    ▆█▆▄▆▄▇││22│ ▂ ▃ ▂ ▃▁ ▇  ▂   ▁▂▄█▇▇▃▁▄▂│")

        // The engine answers from its own thread: nothing changes until the loop wakes.
        h.session.post(.sync(.writeSettled(.refused(
            .pause(campaignID: "camp_solar01"), status: 409, code: "invalid_campaign_state",
            message: "Campaign is completed."))))
        #expect(h.screen.renderRequests.load(ordering: .relaxed) == 1)
        #expect(h.grid.line(2) == "│‖ paused    Solar ins…   12/25 user    ▆█▆▄▆▄▇││22│ ▂ ▃ ▂ ▃▁ ▇  ▂   ▁▂▄█▇▇▃▁▄▂│")
        #expect(h.session.handle(.wake))
        assertGrid(h.grid, """
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
            ● live │ updated 3s ago │ API 117/120 │ Pause of Solar installers DE refused (4…
            """)
        #expect(h.engine.recorded == [.enqueue(.pause(campaignID: "camp_solar01"))])
    }

    @Test func refreshMouseAndScopeKeysReachTheEngineAndScreen() {
        let h = Harness()
        h.press(.char("R"), .char("m"), .char("1"), .enter)
        let scoped = FeedFilter(campaignID: "camp_solar01")
        #expect(h.engine.recorded == [
            .refreshNow, .statsScope("camp_solar01"),
            .loadFeed(FeedRequest(filter: scoped, offset: 0, limit: 600, generation: 2)),
        ])
        #expect(h.screen.mouse.withLock { $0 } == [false])
    }

    /// `:theme` swaps the session's theme for the next frame and asks for a full redraw; a theme
    /// that does not load leaves the old one and says why.
    @Test func themeCommandSwitchesTheThemeLive() {
        let h = Harness()
        h.session.loadTheme = { name in
            name == "default" ? .success(.default) : .failure(ThemeLoadFailure(message: "no theme named \"\(name)\""))
        }
        let before = h.grid
        #expect(before[0, 0].style == Theme.mono[.border])
        for key in [Key.char(":")] + "theme nope".map { Key.char($0) } + [.enter] { h.press(key) }
        #expect(h.grid[0, 0].style == Theme.mono[.border])
        #expect(h.grid.line(23) == Self.statusLine("no theme named \"nope\""))
        let requests = h.screen.renderRequests.load(ordering: .relaxed)
        for key in [Key.char(":")] + "theme default".map { Key.char($0) } + [.enter] { h.press(key) }
        #expect(h.grid[0, 0].style == Theme.default[.border])
        #expect(h.screen.renderRequests.load(ordering: .relaxed) == requests + 1)
        #expect(h.grid.line(23) == Self.statusLine("Theme default"))
        #expect(h.engine.recorded == [])
    }

    /// The fixture's status bar at 80 columns with `message` in place of the hints.
    static func statusLine(_ message: String) -> String {
        ("● live │ updated 3s ago │ API 117/120 │ " + message).padding(toLength: 80, withPad: " ", startingAt: 0)
    }

    @Test func quitEndsTheLoopAndSendsNothing() {
        let h = Harness()
        #expect(h.press(.char("q")) == false)
        #expect(h.engine.recorded == [])
    }
}
