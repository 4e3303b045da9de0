import LeadTopCore

/// One terminal cell. A wide character (CJK, most emoji) occupies its cell with `width == 2`, and the
/// cell to its right is a continuation with `width == 0` and empty text.
///
/// Nine 32-bit numbers and no padding (`hasPlainLayout`): equal cells are equal bytes, so the frame
/// diff compares whole rows with `memcmp` and looks at single cells only in rows that changed.
public struct Cell: Sendable, Hashable {
    /// A character with its combining marks, already sanitized; a space for blank.
    public var content: CellText
    private var widthBits: UInt32
    public var style: Style

    public var width: UInt8 {
        get { UInt8(truncatingIfNeeded: widthBits) }
        set { widthBits = UInt32(newValue) }
    }

    public init(_ content: CellText, width: UInt8 = 1, style: Style = .plain) {
        self.content = content; self.widthBits = UInt32(width); self.style = style
    }

    /// True when a cell is its fields and nothing else, so byte equality is cell equality.
    static let hasPlainLayout = MemoryLayout<Cell>.size == 9 * MemoryLayout<UInt32>.size
        && MemoryLayout<Cell>.stride == MemoryLayout<Cell>.size

    public init(text: String, width: UInt8 = 1, style: Style = .plain) {
        self.init(CellText(text), width: width, style: style)
    }

    /// The content as a string, for text captures and tests.
    public var text: String { content.string }

    public static let blank = Cell(.space)
    public static let continuation = Cell(.empty, width: 0)
}

/// The in-memory frame every pane draws into. Nothing draws to the terminal directly: the terminal
/// module diffs successive grids and sends only the cells that changed.
public struct CellGrid: Sendable, Hashable {
    public let width: Int
    public let height: Int
    public internal(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: fill, count: self.width * self.height)
    }

    /// The cell at column `x`, row `y`; reading outside the grid gives a blank.
    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard x >= 0, y >= 0, x < width, y < height else { return .blank }
            return cells[y * width + x]
        }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Makes this grid show what `other` shows, reusing this grid's memory when the sizes match.
    public mutating func copyCells(from other: CellGrid) {
        guard other.width == width, other.height == height else { self = other; return }
        cells.withUnsafeMutableBufferPointer { target in
            other.cells.withUnsafeBufferPointer { source in
                if let to = target.baseAddress, let from = source.baseAddress { to.update(from: from, count: source.count) }
            }
        }
    }

    /// Makes `rect` show what it shows in `other`, a grid of the same size (row by row, one copy
    /// each). A pane is a whole number of cells wide: a wide character never straddles its edge.
    public mutating func copyCells(in rect: Rect, from other: CellGrid) {
        guard other.width == width, other.height == height else { return }
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX), y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        let width = self.width
        cells.withUnsafeMutableBufferPointer { target in
            other.cells.withUnsafeBufferPointer { source in
                guard let to = target.baseAddress, let from = source.baseAddress else { return }
                for y in y0..<y1 { (to + y * width + x0).update(from: from + y * width + x0, count: x1 - x0) }
            }
        }
    }

    /// Row `y` as plain text (continuation cells contribute nothing), for tests and text captures.
    public func line(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var s = ""
        for x in 0..<width { s += cells[y * width + x].text }
        return s
    }

    /// All rows as plain text.
    public var lines: [String] { (0..<height).map(line) }
}
