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
        /// Each text copied, and what the screen says about its clipboard.
        let copies = Mutex<[String]>([])
        let clipboard = Mutex<ClipboardSupport>(.unknown)
        func copyToClipboard(_ text: String) -> ClipboardSupport {
            copies.withLock { $0.append(text) }
            return clipboard.withLock { $0 }
        }
    }

    /// Records every request of the session, in order; the test answers by posting updates.
    final class ScriptedEngine: SyncDriver {
        enum Call: Equatable {
            case enqueue(WriteCommand), refreshNow, statsScope(String?), loadFeed(FeedRequest), start, stop, retire
            case collectEmails(FeedFilter)
            case statsRange(StatsRange), withdraw(WriteCommand)
        }
        let calls = Mutex<[Call]>([])
        /// What `retire` was given, for the test to call when it chooses.
        let retirement = Mutex<(receiverClosed: @Sendable () -> Void, finished: @Sendable (Int) -> Void)?>(nil)
        func start() { calls.withLock { $0.append(.start) } }
        func stop() { calls.withLock { $0.append(.stop) } }
        func retire(receiverClosed: @escaping @Sendable () -> Void, finished: @escaping @Sendable (Int) -> Void) {
            calls.withLock { $0.append(.retire) }
            retirement.withLock { $0 = (receiverClosed, finished) }
        }
        func enqueue(_ command: WriteCommand) { calls.withLock { $0.append(.enqueue(command)) } }
        func refreshNow() { calls.withLock { $0.append(.refreshNow) } }
        func setStatsScope(campaignID: String?) { calls.withLock { $0.append(.statsScope(campaignID)) } }
        func loadFeedPage(_ request: FeedRequest) { calls.withLock { $0.append(.loadFeed(request)) } }
        func collectEmails(matching filter: FeedFilter) { calls.withLock { $0.append(.collectEmails(filter)) } }
        func setStatsRange(_ range: StatsRange) { calls.withLock { $0.append(.statsRange(range)) } }
        func withdraw(_ command: WriteCommand) { calls.withLock { $0.append(.withdraw(command)) } }
        var recorded: [Call] { calls.withLock { $0 } }
    }

    struct Harness {
        let screen = ScriptedScreen()
        let engine = ScriptedEngine()
        let session: DashboardSession

        init(width: Int = 80, height: Int = 24, state: AppState? = nil) {
            session = DashboardSession(
                state: state ?? F.state(width: width, height: height), theme: .mono, screen: screen,
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

    /// Frames after clock events alone redraw only the clock's parts over the last frame; each
    /// must be the whole render of the state, before and after a key, a dialog and a resize.
    @Test func framesAfterTicksEqualWholeRenders() {
        let h = Harness(width: 120, height: 40)
        func expectWhole(_ label: String) {
            let state = h.session.currentState
            let whole = DashboardView.render(state: state, theme: .mono, width: state.width, height: state.height)
            #expect(h.grid == whole, "\(label)")
        }
        expectWhole("first")
        for (index, seconds) in [1.0, 2, 65, 4_000, 90_000].enumerated() {
            // A poll reply that only moves the refresh age waits for the loop's clock event.
            h.session.post(.sync(.refreshed(.feed, at: F.now.addingTimeInterval(seconds - 1))), wake: false)
            #expect(h.session.handle(.clock(now: F.now.addingTimeInterval(seconds))))
            #expect(h.session.currentState.now == F.now.addingTimeInterval(seconds))
            #expect(h.session.currentState.lastRefresh[.feed] == F.now.addingTimeInterval(seconds - 1))
            expectWhole("tick \(index)")
            #expect(h.grid.line(h.session.currentState.height - 1).contains("updated 1s ago"))
            if index == 1 { h.press(.char("j")); expectWhole("key") }
            if index == 2 { h.press(.char("?")); expectWhole("help") }
            if index == 3 { h.press(.esc); #expect(h.session.handle(.resize(width: 100, height: 30))); expectWhole("resize") }
        }
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

    /// Opens profiles with scripted engines, keeping each one's sink so the test can speak for it.
    final class ScriptedOpener: ProfileOpener {
        let opened = Mutex<[(name: String, engine: ScriptedEngine, sink: @Sendable (SyncUpdate) -> Void)]>([])
        func open(profile: String, sink: @escaping @Sendable (SyncUpdate) -> Void) throws -> OpenedProfile {
            guard profile != "broken" else { throw ProfileOpenError.stillSending(profile: profile) }
            let engine = ScriptedEngine()
            opened.withLock { $0.append((profile, engine, sink)) }
            return OpenedProfile(engine: engine, account: ProfileAccount(
                name: profile, keySource: "api_key in profile \"\(profile)\"", apiURL: "https://\(profile).example"))
        }
    }

    /// `:profile other`: the old engine retires, the new one starts once the old receiver is
    /// closed, the screen starts afresh on the new account, a write made afterwards goes to the new
    /// engine only, and what the old engine still says is dropped.
    @Test func profileSwitchMovesTheScreenAndEveryLaterWriteToTheNewEngine() {
        var state = F.state(width: 80, height: 24)
        state.settings.profile = "work"
        state.profileNames = ["broken", "other", "work"]
        let h = Harness(state: state)
        let oldSink = h.session.syncSink()
        let opener = ScriptedOpener()
        h.session.profileOpener = opener
        #expect(h.grid.line(23) == "● live │ profile work │ updated 3s ago │ API 117/120 │ ?:help /:filter p:pause …")

        for key in [Key.char(":")] + "profile broken".map { Key.char($0) } + [.enter] { h.press(key) }
        #expect(h.engine.recorded == [])
        #expect(h.session.currentState.message?.text
            == "Profile broken not opened: profile broken is still sending the writes queued for it; try again in a few seconds")

        for key in [Key.char(":")] + "profile other".map { Key.char($0) } + [.enter] { h.press(key) }
        let new = opener.opened.withLock { $0 }
        #expect(new.map(\.name) == ["other"])
        #expect(h.engine.recorded == [.retire])
        #expect(new[0].engine.recorded == [])
        h.engine.retirement.withLock { $0 }?.receiverClosed()
        #expect(new[0].engine.recorded == [.start])

        // The old engine's last words describe the old account: dropped.
        oldSink(.campaigns(F.campaigns))
        new[0].sink(.connection(.live))
        #expect(h.session.handle(.wake))
        #expect(h.session.currentState.campaigns == [])
        assertGrid(h.grid, """
            ┌1 Campaigns (0)───────────────────────────────┐┌3 Delivery stats (all)────────┐
            │STATUS      NAME         TODAY WHY     7 DAYS ││Waiting for stats…            │
            │No campaigns yet                              ││                              │
            │                                              ││                              │
            │                                              ││                              │
            │                                              ││                              │
            │                                              ││                              │
            │                                              ││                              │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
            ┌2 Live lead feed (0)──────────────────────────┐┌4 Credits─────────────────────┐
            │     AGE SCR FB NAME           COMPANY        ││Waiting for balance…          │
            │Waiting for leads…                            ││                              │
            │                                              ││                              │
            │                                              ││                              │
            │                                              ││                              │
            │                                              │└──────────────────────────────┘
            │                                              │┌5 Feedback────────────────────┐
            │                                              ││Waiting for feedback summary… │
            │                                              ││                              │
            │                                              ││                              │
            │                                              ││                              │
            │                                              ││                              │
            └──────────────────────────────────────────────┘└──────────────────────────────┘
            ● live │ profile other │ Profile other: https://other.example                   
            """)

        new[0].sink(.campaigns(F.campaigns))
        #expect(h.session.handle(.wake))
        h.press(.char("1"), .char("p"), .char("y"))
        #expect(new[0].engine.recorded == [.start, .enqueue(.pause(campaignID: "camp_solar01"))])
        #expect(h.engine.recorded == [.retire])

        h.engine.retirement.withLock { $0 }?.finished(2)
        #expect(h.session.handle(.wake))
        #expect(h.session.currentState.message?.text == "2 writes for profile work stay queued; they go out when it is opened again")
        #expect(h.session.currentEngine === new[0].engine)
    }

    @Test func anExportsOutcomeComesBackThroughTheMailboxToTheStatusBar() {
        let h = Harness()
        let session = h.session
        // No exporter here: the interpreter says so the way an exporter reports, as a posted action.
        session.effects = EffectInterpreter(engine: h.engine, screen: h.screen, post: { session.post($0) })
        h.press(.char(":"))
        for c in "export /tmp/x.csv" { h.press(.char(c)) }
        h.press(.enter)
        #expect(h.session.currentState.exportRunning)
        #expect(h.session.handle(.wake))
        #expect(h.session.currentState.exportRunning == false)
        #expect(h.session.currentState.message?.text == "Export to /tmp/x.csv failed: exporting is not available here")
        #expect(h.grid.lines.last == Self.statusLine("Export to /tmp/x.csv failed: exporting …"))
        #expect(h.engine.recorded == [])
    }

    @Test func quitEndsTheLoopAndSendsNothing() {
        let h = Harness()
        #expect(h.press(.char("q")) == false)
        #expect(h.engine.recorded == [])
    }
}
