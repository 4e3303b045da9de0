import Foundation
import LeadTopCore
import LeadTopRender
import LeadTopRuntime
import LeadTopTerminal
import Synchronization

/// The single owner of the dashboard's state. It lives on the UI thread: key presses are reduced
/// there directly, and everything from background threads (sync updates, clock ticks) is posted
/// to a mailbox and reduced in one batch when the loop wakes, so a burst becomes one frame.
final class DashboardSession: @unchecked Sendable {
    // Invariant: `state`, `grid`, `spare` and `quitRequested` are touched only by the thread inside `run()`.
    private var state: AppState
    private var grid = CellGrid(width: 0, height: 0)
    /// The frame before the last, drawn into next. The terminal keeps the last frame to diff
    /// against, so drawing into that one would first copy the whole grid (a tenth of a frame).
    private var spare = CellGrid(width: 0, height: 0)
    private var quitRequested = false
    private let theme: Theme
    private let app: TerminalApp
    private let mailbox = Mutex<[Action]>([])
    private let trace: DashboardTrace
    /// Performs effects; set before `run()`.
    var performEffect: @Sendable (Effect) -> Void = { _ in }

    init(state: AppState, theme: Theme, app: TerminalApp, trace: DashboardTrace) {
        self.state = state
        self.theme = theme
        self.app = app
        self.trace = trace
    }

    /// Safe from any thread: queues an action and wakes the UI loop. With `wake: false` the action
    /// waits for the next wake-up (the clock ticks every second): a poll that brought nothing new
    /// only moves the status bar's age and rate budget, which the tick's frame draws anyway.
    func post(_ action: Action, wake: Bool = true) {
        mailbox.withLock { $0.append(action) }
        if wake { app.requestRender() }
    }

    /// Runs the terminal loop until the user quits, a signal arrives or the terminal goes away.
    func run() throws -> TerminalApp.ExitReason {
        try app.run(
            render: { [self] width, height in
                if width != state.width || height != state.height { apply(.resize(width: width, height: height)) }
                swap(&grid, &spare)
                if grid.width != width || grid.height != height { grid = CellGrid(width: width, height: height) }
                DashboardView.render(state: state, theme: theme, into: &grid)
                return grid
            },
            handle: { [self] event in
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
            },
            framePresented: { [self] in trace.record("frame", "leads=\(state.leads.count)") })
    }

    private func apply(_ action: Action) {
        for effect in reduce(&state, action) {
            if effect == .quit { quitRequested = true } else { performEffect(effect) }
        }
    }
}
