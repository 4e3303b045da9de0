/// Whole screen rows `top ..< bottom` moved by `count` rows: down (positive, `count` blank rows
/// appear at `top`, as when a lead arrives at the top of the feed) or up (negative, blank rows
/// appear at the bottom). Rows outside the band do not move. A terminal does this with its scroll
/// region and insert-line or delete-line, in a few bytes instead of redrawing every moved cell.
public struct RowScroll: Sendable, Hashable {
    public let top: Int
    public let bottom: Int
    public let count: Int

    public init(top: Int, bottom: Int, count: Int) {
        self.top = top; self.bottom = bottom; self.count = count
    }
}

/// What turns the previous frame into the new one: an optional band scroll, then the runs of
/// cells that still differ from the previous frame as it looks after that scroll.
public struct FrameDiff: Sendable, Hashable {
    public var scroll: RowScroll?
    public var runs: [CellRun]

    public init(scroll: RowScroll? = nil, runs: [CellRun]) {
        self.scroll = scroll; self.runs = runs
    }
}

extension CellGrid {
    /// Cells a scroll must save before it is used: the scroll itself and the cursor moves around
    /// it cost about as many bytes as this many redrawn cells.
    static let scrollCostInCells = 48
    /// The largest band move looked for; a poll brings at most a few leads at once.
    static let maxScroll = 4

    /// The cheapest way from `previous` to `self`: the plain changed runs, or a band scroll plus
    /// the runs left after it, when that sends clearly fewer cells (a new lead shifting every feed
    /// row). The band spans whole rows, because terminals scroll whole rows; cells beside the moved
    /// part (other panes on the same rows) are repaired by the runs. Blank rows a scroll brings in
    /// are `Cell.blank`, as the terminal fills them with its default colours.
    public func frameDiff(since previous: CellGrid?, allowScroll: Bool = true, joinGap: Int = 3) -> FrameDiff {
        let plain = changedRuns(since: previous, joinGap: joinGap)
        guard allowScroll, let previous, previous.width == width, previous.height == height,
              let scroll = bestScroll(from: previous, plain: plain) else {
            return FrameDiff(runs: plain)
        }
        return FrameDiff(scroll: scroll, runs: changedRuns(since: previous.scrolled(scroll), joinGap: joinGap))
    }

    /// This grid as a terminal shows it after `scroll`.
    public func scrolled(_ scroll: RowScroll) -> CellGrid {
        var grid = self
        let top = max(0, scroll.top), bottom = min(height, scroll.bottom)
        for y in top..<max(top, bottom) {
            let source = y - scroll.count
            for x in 0..<width {
                grid.cells[y * width + x] = source >= top && source < bottom ? cells[source * width + x] : .blank
            }
        }
        return grid
    }

    /// The band scroll that saves the most cells, if it saves more than it costs. Only frames that
    /// change many cells on several rows are looked at, so a selection move or a clock tick moving
    /// the ages pays nothing here.
    func bestScroll(from previous: CellGrid, plain: [CellRun]) -> RowScroll? {
        var changedRows = 0, changedCells = 0
        var lastRow = -1
        for run in plain {
            changedCells += run.count
            if run.y != lastRow { changedRows += 1; lastRow = run.y }
        }
        guard changedRows >= 4, changedCells >= 2 * width, height >= 4 else { return nil }
        let unshifted = (0..<height).map { differingCells(row: $0, previous: previous, previousRow: $0) }
        var best: (gain: Int, scroll: RowScroll)?
        for count in (1...Self.maxScroll).flatMap({ [$0, -$0] }) where count.magnitude * 2 <= height {
            if let found = bestBand(count: count, previous: previous, unshifted: unshifted),
               found.gain > (best?.gain ?? Self.scrollCostInCells) {
                best = found
            }
        }
        return best?.scroll
    }

    /// The band `top ..< bottom` that a move by `count` improves most, with the cells it saves.
    /// Rows entering the band are blank; every other band row shows the previous row `count` away.
    /// For each start the best end is read from a running suffix maximum (O(rows) per count).
    private func bestBand(count: Int, previous: CellGrid, unshifted: [Int]) -> (gain: Int, scroll: RowScroll)? {
        let n = Int(count.magnitude)
        // Work in "distance from the side the blank rows enter" so both directions share one loop.
        let row: (Int) -> Int = count > 0 ? { $0 } : { self.height - 1 - $0 }
        let from: (Int) -> Int = count > 0 ? { $0 - n } : { self.height - 1 - ($0 - n) }
        // saving[i]: cells saved on row i when it shows the moved previous row.
        var saving = [Int](repeating: 0, count: height)
        for i in n..<height {
            let y = row(i)
            saving[i] = unshifted[y] - differingCells(row: y, previous: previous, previousRow: from(i))
        }
        // tail[i]: the best sum of saving[i ..< e] over e >= i, and that e.
        var tail = [(sum: Int, end: Int)](repeating: (0, 0), count: height + 1)
        tail[height] = (0, height)
        for i in stride(from: height - 1, through: 0, by: -1) {
            let extended = saving[i] + tail[i + 1].sum
            tail[i] = extended > 0 ? (extended, tail[i + 1].end) : (0, i)
        }
        var best: (gain: Int, start: Int, end: Int)?
        var entering = 0 // cells saved on rows start ..< start+n when they turn blank
        var blankSaving = [Int](repeating: 0, count: height)
        for i in 0..<height {
            blankSaving[i] = unshifted[row(i)] - blankCells(row: row(i))
        }
        for i in 0..<n { entering += blankSaving[i] }
        for start in 0...(height - n) {
            if start > 0 { entering += blankSaving[start + n - 1] - blankSaving[start - 1] }
            // A band must keep at least one moved row; blanking rows alone is no scroll.
            let moved = tail[start + n]
            guard moved.end > start + n else { continue }
            let gain = entering + moved.sum
            if gain > (best?.gain ?? 0) { best = (gain, start, moved.end) }
        }
        guard let best else { return nil }
        let scroll = count > 0
            ? RowScroll(top: best.start, bottom: best.end, count: count)
            : RowScroll(top: height - best.end, bottom: height - best.start, count: count)
        return (best.gain, scroll)
    }

    /// Cells of row `y` that differ from row `previousRow` of `previous`.
    private func differingCells(row y: Int, previous: CellGrid, previousRow: Int) -> Int {
        let a = y * width, b = previousRow * width
        return cells.withUnsafeBufferPointer { cells in
            previous.cells.withUnsafeBufferPointer { previous in
                if Self.sameCells(cells, a, previous, b, count: width) { return 0 }
                var n = 0
                for x in 0..<width where cells[a + x] != previous[b + x] { n += 1 }
                return n
            }
        }
    }

    /// Cells of row `y` that are not blank.
    private func blankCells(row y: Int) -> Int {
        let a = y * width
        var n = 0
        for x in 0..<width where cells[a + x] != .blank { n += 1 }
        return n
    }
}
