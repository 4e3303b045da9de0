import Foundation
import LeadOSContract
import LeadTopCore
@testable import LeadTopRender
import LeadTopTestSupport
import Testing

/// Panes copied from the last frame when their inputs are unchanged: whatever happened in
/// between, the frame must be exactly the whole render of the state.
@Suite struct PaneReuseTests {
    typealias F = DashboardFixtures

    init() { #expect(TestLocale.ready) }

    /// One step of a session: keys of every kind, news from the engine, the clock, a resize, a
    /// theme switch.
    static func randomStep(_ random: inout ClockDemandTests.Seeded, state: AppState) -> (Action?, switchTheme: Bool) {
        let keys: [Key] = [.down, .up, .tab, .backtab, .enter, .esc, .pageDown, .pageUp, .home, .end, .left, .right]
            + "jkJKgG12345?/xsSoupPi+-zd:".map(Key.char)
        switch Int.random(in: 0..<14, using: &random) {
        case 0..<7: return (.key(keys[Int.random(in: 0..<keys.count, using: &random)]), false)
        case 7:
            var campaigns = state.campaigns.isEmpty ? F.campaigns : state.campaigns
            let i = Int.random(in: 0..<campaigns.count, using: &random)
            campaigns[i].leadsDeliveredToday = Int.random(in: 0...500, using: &random)
            if Bool.random(using: &random) { campaigns[i].name += "!" }
            return (.sync(.campaigns(campaigns)), false)
        case 8:
            var summary = F.feedbackSummary
            summary.good = Int.random(in: 0...99, using: &random)
            return (.sync(.feedbackSummary(summary)), false)
        case 9:
            var stats = F.stats
            stats.data[29].delivered = Int.random(in: 0...99, using: &random)
            return (.sync(.stats(stats)), false)
        case 10:
            let statuses: [ConnectionStatus] = [
                .live, .degraded(reason: "HTTP 503", nextRetry: nil),
                .keyRejected(KeyRejection(status: 401, redactedKey: "ldo_live_sk_…abcd", message: "bad key", nextCheck: nil)),
            ]
            return (.sync(.connection(statuses[Int.random(in: 0..<statuses.count, using: &random)])), false)
        case 11:
            let sizes = [(120, 40), (200, 50), (80, 24), (60, 15)]
            let size = sizes[Int.random(in: 0..<sizes.count, using: &random)]
            return (.resize(width: size.0, height: size.1), false)
        case 12: return (.tick(now: state.now.addingTimeInterval(Double.random(in: 0...90, using: &random))), false)
        default: return (nil, true)
        }
    }

    @Test func framesOverTheLastOneEqualWholeRenders() {
        var random = ClockDemandTests.Seeded(state: 11)
        var reused = 0
        for run in 0..<20 {
            var state = F.state(width: 120, height: 40)
            var theme = Theme.default
            var memo = PaneMemo()
            // The two grids the dashboard alternates between: it draws into the frame before last.
            var last = CellGrid(width: 0, height: 0)
            var grid = CellGrid(width: 0, height: 0)
            for step in 0..<60 {
                let (action, switchTheme) = Self.randomStep(&random, state: state)
                if let action { _ = reduce(&state, action) }
                if switchTheme { theme = theme == .default ? .mono : .default }
                swap(&grid, &last)
                if grid.width != state.layout.width || grid.height != state.layout.height {
                    grid = CellGrid(width: state.layout.width, height: state.layout.height)
                }
                let before = memo
                if step % 9 == 8, grid.width == last.width, grid.height == last.height {
                    // A clock-only frame: a copy of the last one, as the dashboard makes it.
                    grid.copyCells(from: last)
                    memo.copiedLast()
                    continue
                }
                DashboardView.render(state: state, theme: theme, into: &grid, over: last, memo: &memo)
                let whole = DashboardView.render(state: state, theme: theme, width: state.layout.width, height: state.layout.height)
                let same = grid == whole
                #expect(same, "run \(run) step \(step) after \(String(describing: action)):\n\(gridDifference(grid, expected: whole.lines) ?? "styles differ")")
                if !same { return }
                if before.last.campaigns != nil, before.last.campaigns == memo.last.campaigns { reused += 1 }
            }
        }
        // The runs did exercise reuse, not only whole renders.
        #expect(reused > 100, "\(reused) of 1,200 frames reused the campaigns pane")
    }

    /// A pane changed and changed back across a clock-only frame (a copy of the last one): the
    /// grid drawn into then holds the changed pane, which `copiedLast` records.
    @Test func aClockOnlyCopyIsRecorded() {
        let a = F.state(width: 120, height: 40)
        var b = a
        reduce(&b, .key(.char("1"))) // focus moves to campaigns: their border and title change
        var memo = PaneMemo()
        var last = CellGrid(width: 120, height: 40), grid = CellGrid(width: 120, height: 40)
        DashboardView.render(state: a, theme: .default, into: &grid, over: last, memo: &memo)
        swap(&grid, &last)
        DashboardView.render(state: b, theme: .default, into: &grid, over: last, memo: &memo)
        swap(&grid, &last)
        grid.copyCells(from: last)
        memo.copiedLast()
        swap(&grid, &last)
        DashboardView.render(state: a, theme: .default, into: &grid, over: last, memo: &memo)
        let whole = DashboardView.render(state: a, theme: .default, width: 120, height: 40)
        let same = grid == whole
        #expect(same, "\(gridDifference(grid, expected: whole.lines) ?? "styles differ")")
    }

    @Test func movingThroughTheFeedRedrawsTheFeedAlone() {
        var state = F.state(width: 200, height: 50)
        var memo = PaneMemo()
        var last = CellGrid(width: 200, height: 50)
        DashboardView.render(state: state, theme: .default, into: &last, over: last, memo: &memo)
        reduce(&state, .key(.down))
        // Over a last frame whose campaigns, stats and feedback panes were blanked, a reused
        // pane shows as blank: only the feed and what reads the clock are drawn.
        var blanked = last
        for rect in [state.layout.campaigns, state.layout.stats, state.layout.feedback] { blanked.fill(rect) }
        var grid = CellGrid(width: 200, height: 50)
        DashboardView.render(state: state, theme: .default, into: &grid, over: blanked, memo: &memo)
        let whole = DashboardView.render(state: state, theme: .default, width: 200, height: 50)
        for y in 0..<50 {
            for x in 0..<200 {
                let inReused = [state.layout.campaigns, state.layout.stats, state.layout.feedback].contains { $0.contains(x: x, y: y) }
                if inReused { #expect(grid[x, y] == .blank) } else { #expect(grid[x, y] == whole[x, y]) }
            }
        }
        // The frame after: the grid drawn into is the first one, which holds those panes already,
        // so they are not even copied (blanked there too, they stay blank).
        reduce(&state, .key(.up))
        var first = last
        for rect in [state.layout.campaigns, state.layout.stats, state.layout.feedback] { first.fill(rect) }
        DashboardView.render(state: state, theme: .default, into: &first, over: grid, memo: &memo)
        let wholeAgain = DashboardView.render(state: state, theme: .default, width: 200, height: 50)
        for rect in [state.layout.campaigns, state.layout.stats, state.layout.feedback] {
            #expect((rect.y..<rect.maxY).allSatisfy { y in (rect.x..<rect.maxX).allSatisfy { first[$0, y] == .blank } })
        }
        #expect(first.line(30) == wholeAgain.line(30))
    }
}
