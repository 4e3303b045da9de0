import Foundation

/// A horizontal stretch of cells in one row that differs from the previous frame.
public struct CellRun: Sendable, Hashable {
    public let y: Int
    public let x: Int
    public let count: Int

    public init(y: Int, x: Int, count: Int) {
        self.y = y; self.x = x; self.count = count
    }

    /// One past the last column of the run.
    public var endX: Int { x + count }
}

extension CellGrid {
    /// The runs of cells that must be sent to the terminal to turn `previous` into `self`.
    ///
    /// With no previous frame, or one of another size, every row is one full run. A run never starts
    /// on the continuation half of a wide character nor ends between its halves, because a terminal
    /// can only draw a wide character whole. Runs separated by fewer than `joinGap` unchanged cells
    /// are joined: rewriting a couple of cells is cheaper than moving the cursor.
    public func changedRuns(since previous: CellGrid?, joinGap: Int = 3) -> [CellRun] {
        guard let previous, previous.width == width, previous.height == height else {
            guard width > 0 else { return [] }
            return (0..<height).map { CellRun(y: $0, x: 0, count: width) }
        }
        guard width > 0, height > 0 else { return [] }
        var runs: [CellRun] = []
        cells.withUnsafeBufferPointer { cells in
            previous.cells.withUnsafeBufferPointer { previous in
                for y in 0..<height {
                    let row = y * width
                    // Most rows of most frames are unchanged: one memcmp skips them.
                    if Self.sameCells(cells, row, previous, row, count: width) { continue }
                    var current: (start: Int, end: Int)?
                    var x = 0
                    while x < width {
                        if cells[row + x] == previous[row + x] {
                            x += 1
                            continue
                        }
                        var start = x
                        var end = x + 1
                        // Pull in the leading half of a wide character whose continuation changed.
                        while start > 0, cells[row + start].width == 0 || previous[row + start].width == 0 {
                            start -= 1
                            if cells[row + start].width > 0 && previous[row + start].width > 0 { break }
                        }
                        // Push out over the continuation of a wide character, old or new.
                        while end < width, cells[row + end].width == 0 || previous[row + end].width == 0 {
                            end += 1
                        }
                        if let open = current, start - open.end < joinGap {
                            current = (open.start, max(open.end, end))
                        } else {
                            if let open = current { runs.append(CellRun(y: y, x: open.start, count: open.end - open.start)) }
                            current = (start, end)
                        }
                        x = end
                    }
                    if let open = current { runs.append(CellRun(y: y, x: open.start, count: open.end - open.start)) }
                }
            }
        }
        return runs
    }

    /// Whether `count` cells from `a[aStart]` equal those from `b[bStart]`: one `memcmp` when a
    /// cell is plain bytes, cell by cell otherwise.
    @inline(__always)
    static func sameCells(_ a: UnsafeBufferPointer<Cell>, _ aStart: Int, _ b: UnsafeBufferPointer<Cell>, _ bStart: Int,
                          count: Int) -> Bool {
        guard count > 0, let aBase = a.baseAddress, let bBase = b.baseAddress else { return true }
        if Cell.hasPlainLayout {
            return memcmp(aBase + aStart, bBase + bStart, count * MemoryLayout<Cell>.stride) == 0
        }
        for i in 0..<count where a[aStart + i] != b[bStart + i] { return false }
        return true
    }
}
