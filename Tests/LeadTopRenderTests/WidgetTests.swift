import Foundation
import Testing
import LeadTopCore
@testable import LeadTopRender
import LeadTopTestSupport

@Suite(.serialized) struct WidgetTests {
    init() { #expect(TestLocale.ready) }

    @Test func blockDrawsBorderTitleAndClearsItsInside() {
        var grid = prefilledGrid(width: 14, height: 5)
        let inner = Block.draw(into: &grid, Rect(x: 1, y: 1, width: 12, height: 3), title: "Campaigns and more",
                               focused: true, theme: .default)
        #expect(inner == Rect(x: 2, y: 2, width: 10, height: 1))
        assertGrid(grid, """
            xxxxxxxxxxxxxx
            x┌Campaigns…┐x
            x│          │x
            x└──────────┘x
            xxxxxxxxxxxxxx
            """)
        assertStyle(grid, x: 1..<2, y: 1, Theme.default[.borderFocused])
        assertStyle(grid, x: 2..<12, y: 1, Theme.default[.titleFocused])
        // Too small to draw: nothing changes.
        var tiny = prefilledGrid(width: 3, height: 1)
        #expect(Block.draw(into: &tiny, Rect(x: 0, y: 0, width: 3, height: 1), title: "T", focused: false, theme: .default) == .zero)
        assertGrid(tiny, lines: ["xxx"])
    }

    @Test func sparklineScalesToTheLargestValue() {
        #expect(Sparkline.text([0, 1, 2, 3, 4, 5, 6, 7, 8]) == " ▁▂▃▄▅▆▇█")
        #expect(Sparkline.text([1, 100]) == "▁█")
        #expect(Sparkline.text([50], maxValue: 100) == "▄")
        #expect(Sparkline.text([]) == "")
        #expect(Sparkline.text([0, 0]) == "  ")
    }

    @Test func gaugeFillsInProportion() {
        var grid = prefilledGrid(width: 12, height: 1)
        Gauge.draw(into: &grid, x: 1, y: 0, width: 10, ratio: 0.62, fill: Style(fg: .ansi(2)), empty: Style(fg: .ansi(8)))
        assertGrid(grid, lines: ["x██████░░░░x"])
        assertStyle(grid, x: 1..<7, y: 0, Style(fg: .ansi(2)))
        assertStyle(grid, x: 7..<11, y: 0, Style(fg: .ansi(8)))
        Gauge.draw(into: &grid, x: 1, y: 0, width: 10, ratio: .nan, fill: .plain, empty: .plain)
        assertGrid(grid, lines: ["x░░░░░░░░░░x"])
        Gauge.draw(into: &grid, x: 1, y: 0, width: 10, ratio: 7, fill: .plain, empty: .plain)
        assertGrid(grid, lines: ["x██████████x"])
    }

    @Test func barChartHasAxisLabelsAndEighths() {
        var grid = prefilledGrid(width: 14, height: 6)
        BarChart.draw(into: &grid, Rect(x: 1, y: 0, width: 12, height: 5), values: [0, 2, 4, 8, 16, 1],
                      labels: ["05-01", "05-02", "05-03", "05-04", "05-05", "05-06"], barStyle: .plain, axisStyle: .plain)
        assertGrid(grid, """
            x16│      ██ x
            x 8│     ▄██ x
            x  │  ▃▆▆███▂x
            x 0└─────────x
            x   05-01    x
            xxxxxxxxxxxxxx
            """)
    }

    /// Equal bars with a one-column gap once there is room; the newest bar and its date at the right edge.
    @Test func barChartBarsAreEqualAndEndAtTheRightEdge() {
        var grid = prefilledGrid(width: 18, height: 6)
        BarChart.draw(into: &grid, Rect(x: 1, y: 0, width: 16, height: 5), values: [2, 4, 6, 8],
                      labels: ["05-01", "05-02", "05-03", "05-04"], barStyle: .plain, axisStyle: .plain)
        assertGrid(grid, """
            x8│        ▂▂  ██x
            x4│    ▄▄  ██  ██x
            x │▆▆  ██  ██  ██x
            x0└──────────────x
            x  05-01    05-04x
            xxxxxxxxxxxxxxxxxx
            """)
    }

    @Test func columnsKeepPriorityAndShareTheRest() {
        let specs = [ColumnSpec("A", width: 4, priority: 0), ColumnSpec("B", width: 5, flex: 1, priority: 1),
                     ColumnSpec("C", width: 6, priority: 3), ColumnSpec("D", width: 3, flex: 1, max: 5, priority: 2)]
        #expect(Columns.widths(specs, available: 9) == [4, 0, 0, 4])
        #expect(Columns.widths(specs, available: 14) == [4, 5, 0, 3])
        #expect(Columns.widths(specs, available: 30) == [4, 12, 6, 5])
        #expect(Columns.origins([4, 0, 6], x: 2) == [2, 7, 7])
    }

    @Test func wrapBreaksAtSpaces() {
        let lines = LeadCard.wrap("Evaluating CRM solutions for a growing team", width: 16)
            .map { $0.map(\.text).joined() }
        #expect(lines == ["Evaluating CRM", "solutions for a", "growing team"])
        #expect(LeadCard.wrap("山田太郎山田太郎山田", width: 6).map { $0.map(\.text).joined() } == ["山田太", "郎山田", "太郎山", "田"])
    }
}

@Suite(.serialized) struct StatusBarTests {
    typealias F = DashboardFixtures

    init() { #expect(TestLocale.ready) }

    func bar(_ state: AppState, width: Int = 100) -> CellGrid {
        var grid = CellGrid(width: width, height: 1)
        StatusBar.draw(into: &grid, state: state, theme: .default, rect: Rect(x: 0, y: 0, width: width, height: 1))
        return grid
    }

    @Test func liveWithAgeRateLimitAndHints() {
        assertGrid(bar(F.state()), lines: [
            "● live │ updated 3s ago │ API 117/120 │ ?:help /:filter p:pause +/-:rate s:suppress q:quit          ",
        ])
    }

    @Test func degradedShowsReasonAndNextRetry() {
        var state = F.state()
        reduce(&state, .sync(.connection(.degraded(reason: "rate limited", nextRetry: F.now.addingTimeInterval(12)))))
        reduce(&state, .sync(.pendingWrites(2)))
        reduce(&state, .sync(.rateLimit(remaining: 3, limit: 120)))
        let grid = bar(state)
        assertGrid(grid, lines: [
            "◐ degraded: rate limited, retry in 12s │ updated 3s ago │ API 3/120 │ 2 pending │ ?:help /:filter p…",
        ])
        assertStyle(grid, x: 0..<37, y: 0, Theme.default[.statusDegraded])
        assertStyle(grid, x: 70..<79, y: 0, Theme.default[.warning].on(Theme.default[.statusBar].bg))
    }

    @Test func offlineAndStaleCache() {
        var state = F.state()
        reduce(&state, .sync(.connection(.offline(
            since: F.now.addingTimeInterval(-600), reason: "connection refused (127.0.0.1:8787)",
            nextRetry: F.now.addingTimeInterval(9)))))
        reduce(&state, .sync(.loadedFromCache(at: F.now)))
        assertGrid(bar(state, width: 130), lines: [
            "○ offline since 14:20: connection refused (127.0.0.1:8787), retry in 9s │ cached data │ API 117/120 │ ?:help /:filter p:pause +/-…",
        ])
        reduce(&state, .sync(.refreshed(.feed, at: F.now)))
        #expect(bar(state, width: 130).line(0).hasPrefix(
            "○ offline since 14:20: connection refused (127.0.0.1:8787), retry in 9s │ updated 0s ago │"))
    }

    @Test func readOnlyMarkerAndErrorMessageReplaceHints() {
        var state = F.state(readOnly: true)
        reduce(&state, .key(.char("p")))
        let grid = bar(state, width: 90)
        assertGrid(grid, lines: [
            "● live │ updated 3s ago │ API 117/120 │ READ-ONLY │ Read-only mode: pause/resume is disab…",
        ])
        assertStyle(grid, x: 40..<49, y: 0, Theme.default[.error].on(Theme.default[.statusBar].bg))
        assertStyle(grid, x: 52..<90, y: 0, Theme.default[.error].on(Theme.default[.statusBar].bg))
    }

    @Test func refusalMessagesFromTheAPIAreSanitized() {
        var state = F.state()
        reduce(&state, .key(.char("+")))
        reduce(&state, .sync(.writeSettled(.refused(.feedback(leadID: "del_a01", .init(rating: .good)), status: 422,
                                                    code: "parameter_invalid", message: "bad\u{1B}[2J\u{1B}]0;x\u{7}\nthing"))))
        let grid = bar(state, width: 120)
        #expect(forbiddenScalars(in: grid).isEmpty)
        #expect(grid.line(0).contains("Rating of Raj Sharma refused (422): bad thing"))
    }

    @Test func filterPromptTakesOverTheBar() {
        var state = F.state()
        reduce(&state, .key(.char("/")))
        for c in "score>80 東京" { reduce(&state, .key(.char(c))) }
        assertGrid(bar(state, width: 80), lines: [
            "/score>80 東京█  Enter apply · Esc cancel · score>80 score<50 text              ",
        ])
    }
}

@Suite struct GridAssertionTests {
    @Test func aDifferenceNamesEachWrongLine() {
        var grid = prefilledGrid(width: 4, height: 3)
        grid.draw("ab", x: 0, y: 1, maxWidth: 4, style: .plain)
        #expect(gridDifference(grid, expected: ["xxxx", "abxx", "xxxx"]) == nil)
        #expect(gridDifference(grid, expected: ["xxxx", "abcx", "xxxx"]) == """
            grid differs (1 problem(s)):
            line 1:
              expected: |abcx|
              actual:   |abxx|
            whole grid:
            |xxxx|
            |abxx|
            |xxxx|
            """)
        #expect(gridDifference(grid, expected: ["xxxx"])?.hasPrefix("grid differs (3 problem(s)):\nheight: expected 1 lines, grid has 3") == true)
    }

    @Test func forbiddenScalarsAreFound() {
        var grid = CellGrid(width: 3, height: 1)
        grid[1, 0] = Cell(text: "\u{1B}")
        grid[2, 0] = Cell(text: "\u{202E}")
        #expect(forbiddenScalars(in: grid).map(\.x) == [1, 2])
        #expect(!isForbidden("\u{200D}"))
    }
}

@Suite(.serialized) struct ThemedRenderTests {
    init() { #expect(TestLocale.ready) }

    @Test func lightThemePaintsEveryCellOnItsBackground() throws {
        let theme = try Theme.parse(path: "themes/light.toml", contents: String(
            contentsOf: ThemeTests.themesFolder.appendingPathComponent("light.toml"), encoding: .utf8))
        let state = DashboardFixtures.state(width: 80, height: 24)
        let grid = DashboardView.render(state: state, theme: theme, width: 80, height: 24)
        let defaults = (0..<24).flatMap { y in (0..<80).filter { grid[$0, y].style.bg == .default }.map { ($0, y) } }
        #expect(defaults.isEmpty, "\(defaults.prefix(5))")
        #expect(grid[0, 0].style == Style(fg: .rgb(0xaf, 0xb8, 0xc1), bg: .rgb(0xff, 0xff, 0xff)))
        #expect(grid[1, 11].style == Style(fg: .rgb(0xff, 0xff, 0xff), bg: .rgb(0x09, 0x69, 0xda)))
    }
}
