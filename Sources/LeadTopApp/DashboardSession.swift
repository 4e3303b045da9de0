import Foundation
import LeadTopCore
import LeadTopRender
import Synchronization

/// The single owner of the dashboard's state. It lives on the UI thread: key presses are reduced
/// there directly, and everything from background threads (sync updates, clock ticks) is posted
/// to a mailbox and reduced in one batch when the loop wakes, so a burst becomes one frame.
///
/// The terminal loop calls `handle` for each event and `frame` to draw; a test calls the same
/// two with a scripted screen and engine, so keys, the reducer, the effects and the grid are
/// exercised together without a terminal.
public final class DashboardSession: @unchecked Sendable {
    // Invariant: `state`, `grid`, `spare` and `quitRequested` are touched only by the thread that
    // calls `handle` and `frame` (the UI thread).
    private var state: AppState
    private var grid = CellGrid(width: 0, height: 0)
    /// The frame before the last, drawn into next. The terminal keeps the last frame to diff
    /// against, so drawing into that one would first copy the whole grid (a tenth of a frame).
    private var spare = CellGrid(width: 0, height: 0)
    private var quitRequested = false
    /// True while nothing but the clock has moved since the last frame (ticks, and poll replies
    /// that only move the refresh age or rate budget): the next frame redraws only what reads
    /// the clock over the last one, which makes an idle second cost a fraction of a frame.
    private var onlyClockMoved = false
    /// The clock of the last frame, which the clock's parts of the next one are compared with.
    private var lastFrameNow: Date?
    /// What `grid` and `spare` hold in the panes that are drawn only when their inputs change.
    private var paneMemo = PaneMemo()
    private var theme: Theme
    private let screen: any DashboardScreen
    private let mailbox = Mutex<[Posted]>([])
    /// Counts profile switches. An engine's updates carry the generation it was started in, and
    /// those of an engine switched away from are dropped: they describe the old account.
    private var generation = 0
    /// What the current profile's engine needs kept open (its state directory's lock, its store).
    public var profileResources: [any Sendable] = []
    /// Runs the user's editor on a campaign document (`E`); nil where there is none.
    public var editCampaign: (@Sendable (CampaignEditorRequest) -> CampaignEditorOutcome)?
    /// Opens another profile for `:profile`; nil where profiles cannot be switched.
    public var profileOpener: (any ProfileOpener)?

    /// An action in the mailbox, with the generation of the engine that sent it (nil: not an engine's).
    private struct Posted {
        var action: Action
        var generation: Int?
    }
    private let trace: DashboardTrace
    /// Carries out effects; set before the first event (the engine needs the session to exist
    /// first, as the place its updates are posted to).
    public var effects: EffectInterpreter?
    /// Finds a theme by name or path for `:theme` (the same lookup as `--theme`).
    public var loadTheme: (@Sendable (String) -> Result<Theme, ThemeLoadFailure>)?

    public init(state: AppState, theme: Theme, screen: any DashboardScreen, trace: DashboardTrace) {
        self.state = state
        self.theme = theme
        self.screen = screen
        self.trace = trace
    }

    /// The state as the last event left it (UI thread only).
    public var currentState: AppState { state }

    /// Safe from any thread: queues an action and wakes the UI loop. With `wake: false` the action
    /// waits for the next wake-up: a poll that brought nothing new only moves the refresh age,
    /// which the clock ticks every second for while it is shown, and otherwise only moves when
    /// it will be shown (the loop may then wake once for nothing).
    public func post(_ action: Action, wake: Bool = true) {
        post(Posted(action: action, generation: nil), wake: wake)
    }

    /// Where an engine started now sends its updates (the current profile's engine at start).
    public func syncSink() -> @Sendable (SyncUpdate) -> Void {
        sink(generation: 0)
    }

    private func sink(generation: Int) -> @Sendable (SyncUpdate) -> Void {
        { [weak self] update in
            self?.post(Posted(action: .sync(update), generation: generation), wake: update.needsFrame)
        }
    }

    private func post(_ posted: Posted, wake: Bool) {
        mailbox.withLock { $0.append(posted) }
        if wake { screen.requestRender(fullRedraw: false) }
    }

    /// The engine of the profile on screen (UI thread only).
    public var currentEngine: (any SyncDriver)? { effects?.engine }

    /// Reduces one event (a wake-up takes every posted action). False once the user has quit.
    public func handle(_ event: TerminalEvent) -> Bool {
        switch event {
        case .wake:
            takePosted()
        case .key(let key):
            trace.record("key")
            apply(.key(key))
        case .mouse(let mouse):
            apply(.mouse(mouse))
        case .resize(let width, let height):
            apply(.resize(width: width, height: height))
        case .signal:
            break
        case .clock(let now):
            // What was posted without a wake-up (poll replies that only move the refresh age)
            // is taken now, before the tick that draws it.
            takePosted()
            if trace.isEnabled { trace.record(.tick(now: now)) }
            apply(.tick(now: now))
        }
        return !quitRequested
    }

    /// Reduces every posted action of the current engine, in order.
    private func takePosted() {
        let pending = mailbox.withLock { posted -> [Posted] in
            defer { posted.removeAll(keepingCapacity: true) }
            return posted
        }
        for posted in pending where posted.generation.map({ $0 == generation }) ?? true {
            if trace.isEnabled { trace.record(posted.action) }
            apply(posted.action)
        }
    }

    /// Draws the state into the frame before last, which is kept between frames (no allocation).
    /// When only the clock moved, that frame becomes a copy of the last one with the clock's
    /// parts redrawn; otherwise panes whose inputs did not change are left or copied (`PaneMemo`).
    public func frame(width: Int, height: Int) -> CellGrid {
        let clockOnly = onlyClockMoved && grid.width == width && grid.height == height
            && DashboardView.clockPartsSuffice(state, width: width, height: height)
        onlyClockMoved = true
        swap(&grid, &spare)
        if grid.width != width || grid.height != height { grid = CellGrid(width: width, height: height) }
        if clockOnly {
            grid.copyCells(from: spare)
            paneMemo.copiedLast()
            DashboardView.renderClockParts(state: state, theme: theme, into: &grid, since: lastFrameNow)
        } else {
            DashboardView.render(state: state, theme: theme, into: &grid, over: spare, memo: &paneMemo)
        }
        lastFrameNow = state.now
        return grid
    }

    /// Actions after which only the clock's parts of the screen can differ.
    static func movesOnlyTheClock(_ action: Action) -> Bool {
        switch action {
        case .tick, .sync(.refreshed), .sync(.rateLimit): true
        default: false
        }
    }

    /// When the screen next changes by the clock alone (`DashboardView.nextClockChange`), for
    /// the loop to sleep until then (UI thread only).
    public func nextClockChange() -> Date? {
        DashboardView.nextClockChange(state: state)
    }

    /// Called after each frame reached the terminal (tracing).
    public func framePresented() {
        trace.record("frame", "leads=\(state.leads.count)")
    }

    private func apply(_ action: Action) {
        if !Self.movesOnlyTheClock(action) { onlyClockMoved = false }
        for effect in reduce(&state, action) {
            switch effect {
            case .quit: quitRequested = true
            case .switchTheme(let name): switchTheme(to: name)
            case .switchProfile(let name): switchProfile(to: name)
            case .editCampaignInEditor(let request): editInEditor(request)
            default: effects?.perform(effect) { [weak self] action in self?.post(action) }
            }
        }
    }

    /// `:theme`: the next frame is drawn in the new theme; a theme that does not load leaves the
    /// current one and says why.
    private func switchTheme(to name: String) {
        guard let loadTheme else {
            apply(.themeSwitched(name: name, failure: "Themes cannot be switched here"))
            return
        }
        switch loadTheme(name) {
        case .success(let loaded):
            theme = loaded
            screen.requestRender(fullRedraw: true)
            apply(.themeSwitched(name: name, failure: nil))
        case .failure(let failure):
            apply(.themeSwitched(name: name, failure: failure.message))
        }
    }

    /// `:profile NAME`: opens the profile, moves the screen and every later key to it, and
    /// retires the old engine, which still sends the old account's queued writes, to it only.
    /// The new engine starts once the old one's webhook receiver has let go of its port.
    private func switchProfile(to name: String) {
        guard let profileOpener, var effects else {
            apply(.profileSwitchFailed(name: name, reason: "profiles cannot be switched here"))
            return
        }
        let next = generation + 1
        let opened: OpenedProfile
        do {
            opened = try profileOpener.open(profile: name, sink: sink(generation: next))
        } catch {
            apply(.profileSwitchFailed(name: name, reason: String(describing: error)))
            return
        }
        generation = next
        let old = effects.engine
        let oldResources = profileResources
        let oldName = state.settings.profile ?? "default"
        effects.engine = opened.engine
        effects.exporter = opened.exporter
        self.effects = effects
        profileResources = opened.resources
        apply(.profileSwitched(opened.account))
        screen.requestRender(fullRedraw: true)
        let started = opened.engine
        old.retire(receiverClosed: { started.start() }, finished: { [weak self] left in
            // The old profile's lock and store are let go only now, when nothing more is sent.
            withExtendedLifetime(oldResources) {}
            self?.post(.profileRetired(name: oldName, leftQueued: left))
        })
    }

    /// `E`: the terminal goes to the editor until it exits (as with `git commit`), then what it
    /// left is reduced like any other event.
    private func editInEditor(_ request: CampaignEditorRequest) {
        guard let editCampaign else {
            apply(.campaignEditorClosed(request, .failed("no editor here")))
            return
        }
        var outcome = CampaignEditorOutcome.cancelled
        screen.runOutside { outcome = editCampaign(request) }
        screen.requestRender(fullRedraw: true)
        apply(.campaignEditorClosed(request, outcome))
    }
}
