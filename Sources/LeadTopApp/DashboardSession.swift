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
    private var theme: Theme
    private let screen: any DashboardScreen
    private let mailbox = Mutex<[Action]>([])
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
    /// waits for the next wake-up (the clock ticks every second): a poll that brought nothing new
    /// only moves the status bar's age and rate budget, which the tick's frame draws anyway.
    public func post(_ action: Action, wake: Bool = true) {
        mailbox.withLock { $0.append(action) }
        if wake { screen.requestRender(fullRedraw: false) }
    }

    /// Reduces one event (a wake-up takes every posted action). False once the user has quit.
    public func handle(_ event: TerminalEvent) -> Bool {
        switch event {
        case .wake:
            let pending = mailbox.withLock { actions -> [Action] in
                defer { actions.removeAll(keepingCapacity: true) }
                return actions
            }
            for action in pending {
                if trace.isEnabled { trace.record(action) }
                apply(action)
            }
        case .key(let key):
            trace.record("key")
            apply(.key(key))
        case .mouse(let mouse):
            apply(.mouse(mouse))
        case .resize(let width, let height):
            apply(.resize(width: width, height: height))
        case .signal:
            break
        }
        return !quitRequested
    }

    /// Draws the state into the frame before last, which is kept between frames (no allocation).
    public func frame(width: Int, height: Int) -> CellGrid {
        swap(&grid, &spare)
        if grid.width != width || grid.height != height { grid = CellGrid(width: width, height: height) }
        DashboardView.render(state: state, theme: theme, into: &grid)
        return grid
    }

    /// Called after each frame reached the terminal (tracing).
    public func framePresented() {
        trace.record("frame", "leads=\(state.leads.count)")
    }

    private func apply(_ action: Action) {
        for effect in reduce(&state, action) {
            switch effect {
            case .quit: quitRequested = true
            case .switchTheme(let name): switchTheme(to: name)
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
}
