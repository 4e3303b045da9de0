import LeadTopRender
import Testing

@Suite("Grid diff")
struct GridDiffTests {
    /// A grid from rows of ASCII, where `W` marks a wide character and `_` its continuation.
    func grid(_ rows: [String], style: Style = .plain) -> CellGrid {
        var grid = CellGrid(width: rows[0].count, height: rows.count)
        for (y, row) in rows.enumerated() {
            for (x, character) in row.enumerated() {
                switch character {
                case "W": grid[x, y] = Cell(text: "漢", width: 2, style: style)
                case "_": grid[x, y] = Cell(text: "", width: 0, style: style)
                default: grid[x, y] = Cell(text: String(character), style: style)
                }
            }
        }
        return grid
    }

    @Test("no previous frame: every row in full")
    func firstFrame() {
        let frame = grid(["abc", "def"])
        #expect(frame.changedRuns(since: nil) == [CellRun(y: 0, x: 0, count: 3), CellRun(y: 1, x: 0, count: 3)])
    }

    @Test("a frame of another size is redrawn in full")
    func sizeChange() {
        let old = grid(["abc", "def"]), new = grid(["abcd", "defg"])
        #expect(new.changedRuns(since: old) == [CellRun(y: 0, x: 0, count: 4), CellRun(y: 1, x: 0, count: 4)])
    }

    @Test("identical frames: nothing to send")
    func identical() {
        #expect(grid(["abc", "def"]).changedRuns(since: grid(["abc", "def"])).isEmpty)
    }

    @Test("one changed cell is one run of one")
    func oneCell() {
        #expect(grid(["abcdef", "ghijkl"]).changedRuns(since: grid(["abcdef", "ghiXkl"])) == [CellRun(y: 1, x: 3, count: 1)])
    }

    @Test("a style change counts as a change")
    func styleChange() {
        var new = grid(["abc"])
        new[1, 0].style = Style(fg: .ansi(1))
        #expect(new.changedRuns(since: grid(["abc"])) == [CellRun(y: 0, x: 1, count: 1)])
    }

    @Test("changes close together join, distant ones stay apart")
    func joining() {
        let old = grid(["aaaaaaaaaaaaaaaa"])
        #expect(grid(["bbaabaaaaaaaaaab"]).changedRuns(since: old) == [CellRun(y: 0, x: 0, count: 5), CellRun(y: 0, x: 15, count: 1)])
        #expect(grid(["baaabaaaaaaaaaaa"]).changedRuns(since: old, joinGap: 0) == [CellRun(y: 0, x: 0, count: 1), CellRun(y: 0, x: 4, count: 1)])
    }

    @Test("a changed wide character is sent with its continuation")
    func wideCharacterChanged() {
        let old = grid(["abW_cd"])
        var new = old
        new[2, 0] = Cell(text: "字", width: 2)
        #expect(new.changedRuns(since: old) == [CellRun(y: 0, x: 2, count: 2)])
    }

    @Test("a change in the continuation half pulls in the leading half")
    func continuationChanged() {
        let old = grid(["abW_cd"])
        var new = old
        new[3, 0] = Cell(text: "", width: 0, style: Style(bg: .ansi(4)))
        #expect(new.changedRuns(since: old) == [CellRun(y: 0, x: 2, count: 2)])
    }

    @Test("a wide character replaced by two narrow ones, and the reverse")
    func wideAndNarrowSwap() {
        let wide = grid(["abW_cdefgh"]), narrow = grid(["abxycdefgh"])
        #expect(narrow.changedRuns(since: wide) == [CellRun(y: 0, x: 2, count: 2)])
        #expect(wide.changedRuns(since: narrow) == [CellRun(y: 0, x: 2, count: 2)])
        // A wide character moving one column right touches three columns.
        let shifted = grid(["abcW_defgh"])
        #expect(shifted.changedRuns(since: wide) == [CellRun(y: 0, x: 2, count: 3)])
    }

    @Test("an empty grid has no runs")
    func empty() {
        #expect(CellGrid(width: 0, height: 3).changedRuns(since: nil).isEmpty)
    }
}
