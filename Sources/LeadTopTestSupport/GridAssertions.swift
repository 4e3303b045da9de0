import Testing
import LeadTopRender

/// Whole-screen assertions in the style of ratatui's buffer tests: compare every line and, on a
/// mismatch, report each differing line with expected and actual side by side.
public func assertGrid(_ grid: CellGrid, lines expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    if let message = gridDifference(grid, expected: expected) {
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
}

/// The same, with the expected screen as one multi-line literal.
public func assertGrid(_ grid: CellGrid, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    assertGrid(grid, lines: expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
               sourceLocation: sourceLocation)
}

/// nil when the grid shows exactly `expected`, otherwise a per-line report.
public func gridDifference(_ grid: CellGrid, expected: [String]) -> String? {
    let actual = grid.lines
    var report: [String] = []
    if actual.count != expected.count {
        report.append("height: expected \(expected.count) lines, grid has \(actual.count)")
    }
    for i in 0..<max(actual.count, expected.count) {
        let a = i < actual.count ? actual[i] : "<missing>"
        let e = i < expected.count ? expected[i] : "<missing>"
        if a != e {
            report.append("line \(i):\n  expected: |\(e)|\n  actual:   |\(a)|")
        }
    }
    guard !report.isEmpty else { return nil }
    return "grid differs (\(report.count) problem(s)):\n" + report.joined(separator: "\n")
        + "\nwhole grid:\n" + actual.map { "|\($0)|" }.joined(separator: "\n")
}

/// Every cell in columns `xs` of row `y` has `style`.
public func assertStyle(_ grid: CellGrid, x xs: Range<Int>, y: Int, _ style: Style,
                        sourceLocation: SourceLocation = #_sourceLocation) {
    let wrong = xs.filter { grid[$0, y].style != style }
    if !wrong.isEmpty {
        Issue.record(Comment(rawValue: "row \(y): columns \(wrong.map(String.init).joined(separator: ",")) have other styles, "
            + "e.g. \(grid[wrong[0], y].style) instead of \(style)"), sourceLocation: sourceLocation)
    }
}

/// A grid pre-filled with `x`, so a widget that draws too little or too much shows it.
public func prefilledGrid(width: Int, height: Int) -> CellGrid {
    CellGrid(width: width, height: height, fill: Cell(text: "x"))
}

/// Scalars that must never reach a terminal cell: C0/C1 controls (ESC among them), DEL,
/// bidi overrides and isolates, and invisible format characters other than the emoji joiner.
public func forbiddenScalars(in grid: CellGrid) -> [(x: Int, y: Int, scalar: Unicode.Scalar)] {
    var found: [(Int, Int, Unicode.Scalar)] = []
    for y in 0..<grid.height {
        for x in 0..<grid.width {
            for s in grid[x, y].text.unicodeScalars where isForbidden(s) { found.append((x, y, s)) }
        }
    }
    return found
}

public func isForbidden(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x00...0x1F, 0x7F...0x9F: return true
    case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
    case 0x200D: return false
    default: return s.properties.generalCategory == .format
    }
}
