import Benchmark
import BenchmarkWorld
import LeadTopCore
import LeadTopRender
import Synchronization

/// One frame as the dashboard draws it: the screen rendered into the reused cell grid (panes
/// whose inputs did not change copied from the last frame, as the dashboard does), the
/// previous frame kept (as the terminal keeps it), and the diff computed as the terminal asks for it
/// (band scrolls looked for, then the changed runs). Each
/// frame moves the feed selection by one row, so every frame has a small real change.
///
/// The same account is drawn with all 100,000 leads and with only the newest 1,000: the two must
/// cost the same, because drawing reads only the visible rows.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
        timeUnits: .microseconds,
        warmupIterations: 50,
        maxDuration: .seconds(3),
        maxIterations: 5_000
    )
    for (width, height) in [(80, 24), (200, 50)] {
        for leads in [1_000, 100_000] {
            Benchmark("Frame \(width)x\(height) \(leads / 1_000)k leads 1k campaigns") { benchmark in
                let loop = FrameLoop.shared(width: width, height: height, leads: leads)
                benchmark.startMeasurement()
                for _ in benchmark.scaledIterations { loop.frame() }
                benchmark.stopMeasurement()
            } setup: {
                _ = FrameLoop.shared(width: width, height: height, leads: leads)
            }
        }
    }
}

/// The UI loop's drawing half, kept between iterations so each measures one steady-state frame.
/// Only the benchmark thread touches an instance.
final class FrameLoop: @unchecked Sendable {
    private static let world = BenchmarkWorld(leadCount: 100_000, campaignCount: 1_000)
    private static let loops = Mutex<[String: FrameLoop]>([:])

    private let states: (AppState, AppState)
    private var grid: CellGrid
    private var previous: CellGrid
    private var memo = PaneMemo()
    private var flip = false

    static func shared(width: Int, height: Int, leads: Int) -> FrameLoop {
        let key = "\(width)x\(height)/\(leads)"
        if let loop = loops.withLock({ $0[key] }) { return loop }
        let loop = FrameLoop(width: width, height: height, leads: leads)
        loops.withLock { $0[key] = loop }
        return loop
    }

    private init(width: Int, height: Int, leads: Int) {
        let first = Self.world.state(width: width, height: height, leadLimit: leads)
        var second = first
        _ = reduce(&second, .key(.down))
        precondition(first.leads.count == leads && first.campaigns.count == 1_000, "the account is not the size measured")
        precondition(first.selectedLeadID != second.selectedLeadID, "the selection did not move")
        states = (first, second)
        grid = CellGrid(width: width, height: height)
        DashboardView.render(state: first, theme: .default, into: &grid, over: grid, memo: &memo)
        previous = grid
    }

    /// Keep the last frame, draw the next state into the frame before it (as the dashboard does,
    /// so no grid is copied; panes whose inputs did not change are copied from the last frame),
    /// diff the two.
    func frame() {
        flip.toggle()
        swap(&previous, &grid)
        DashboardView.render(state: flip ? states.1 : states.0, theme: .default, into: &grid, over: previous, memo: &memo)
        blackHole(grid.frameDiff(since: previous))
    }
}
