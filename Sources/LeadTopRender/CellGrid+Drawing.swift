import LeadOSContract
import LeadTopCore

/// Drawing primitives. Every string goes through `DisplayText` (and so the sanitizer) here, so no
/// pane can put raw API text into a cell.
extension CellGrid {
    /// Sets one cell, blanking the other half of any wide character it overwrites.
    public mutating func set(x: Int, y: Int, _ cell: Cell) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let old = self[x, y]
        if old.width == 1 { self[x, y] = cell; return }
        if old.width == 0, x > 0, self[x - 1, y].width == 2 { self[x - 1, y] = Cell(.space, style: self[x - 1, y].style) }
        if old.width == 2, x + 1 < width { self[x + 1, y] = Cell(.space, style: self[x + 1, y].style) }
        self[x, y] = cell
    }

    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        // Straight into the buffer: every frame fills the whole screen and each pane, and going
        // through the checked subscript cell by cell was one of the top costs of a frame.
        let width = self.width
        cells.withUnsafeMutableBufferPointer { buffer in
            for y in y0..<y1 {
                for index in (y * width + x0)..<(y * width + x1) { buffer[index] = cell }
            }
        }
    }

    /// Changes the style of every cell in a rectangle, keeping the text.
    public mutating func restyle(_ rect: Rect, _ transform: (inout Style) -> Void) {
        for y in max(0, rect.y)..<min(height, rect.maxY) where rect.x < width {
            for x in max(0, rect.x)..<min(width, rect.maxX) {
                var cell = self[x, y]
                transform(&cell.style)
                self[x, y] = cell
            }
        }
    }

    /// Draws text at (x, y), cut with `…` to `maxWidth` columns. Returns the columns used.
    @discardableResult
    public mutating func draw(_ text: String, x: Int, y: Int, maxWidth: Int, style: Style) -> Int {
        let limit = min(maxWidth, width - x)
        guard limit > 0, y >= 0, y < height else { return 0 }
        if TextSanitizer.isPlainASCII(text) { return putASCII(text, x: x, y: y, limit: limit, style: style) }
        return put(DisplayText.fit(text, maxWidth: limit), x: x, y: y, style: style)
    }

    /// Draws text in a field of exactly `width` columns, aligned left or right, padded with spaces.
    public mutating func draw(_ text: String, in field: Rect, alignRight: Bool = false, style: Style) {
        guard field.width > 0, field.height > 0 else { return }
        let start: Int, used: Int
        if TextSanitizer.isPlainASCII(text) {
            used = min(text.utf8.count, field.width)
            start = alignRight ? field.maxX - used : field.x
            putASCII(text, x: start, y: field.y, limit: field.width, style: style)
        } else {
            let clusters = DisplayText.fit(text, maxWidth: field.width)
            used = clusters.reduce(0) { $0 + $1.width }
            start = alignRight ? field.maxX - used : field.x
            put(clusters, x: start, y: field.y, style: style)
        }
        // Pad the rest of the field (a wide character cut at the edge can leave one column).
        let blank = Cell(.space, style: style)
        fillRow(y: field.y, from: field.x, to: start, with: blank)
        fillRow(y: field.y, from: start + used, to: field.maxX, with: blank)
    }

    /// Sets the cells `from ..< to` of row `y` to `cell` (clipped to the grid), blanking the other
    /// half of any wide character cut at either end, as `set` does cell by cell.
    mutating func fillRow(y: Int, from: Int, to: Int, with cell: Cell) {
        let x0 = max(0, from), x1 = min(width, to)
        guard y >= 0, y < height, x0 < x1 else { return }
        let row = y * width
        let width = self.width
        cells.withUnsafeMutableBufferPointer { buffer in
            Self.releaseEdges(buffer, row: row, x0: x0, x1: x1, width: width)
            for index in (row + x0)..<(row + x1) { buffer[index] = cell }
        }
    }

    /// Before cells `x0 ..< x1` of a row are overwritten: a wide character of which only one half
    /// is overwritten loses its other half too, so no half character is left on screen.
    @inline(__always)
    static func releaseEdges(_ buffer: UnsafeMutableBufferPointer<Cell>, row: Int, x0: Int, x1: Int, width: Int) {
        if buffer[row + x0].width == 0, x0 > 0, buffer[row + x0 - 1].width == 2 {
            buffer[row + x0 - 1] = Cell(.space, style: buffer[row + x0 - 1].style)
        }
        if buffer[row + x1 - 1].width == 2, x1 < width {
            buffer[row + x1] = Cell(.space, style: buffer[row + x1].style)
        }
    }

    /// The common case without allocating clusters: printable ASCII, one cell per byte, written
    /// straight into the row.
    @discardableResult
    mutating func putASCII(_ text: String, x: Int, y: Int, limit: Int, style: Style) -> Int {
        let count = text.utf8.count
        let cut = count > limit
        let shown = cut ? limit - 1 : count
        // Clip as `set` would: columns left of the grid are skipped, those past it dropped.
        let used = shown + (cut ? 1 : 0)
        let x0 = max(0, x), x1 = min(width, x + used)
        guard y >= 0, y < height, x0 < x1 else { return used }
        let row = y * width
        let width = self.width
        var text = text
        text.withUTF8 { bytes in
            cells.withUnsafeMutableBufferPointer { buffer in
                Self.releaseEdges(buffer, row: row, x0: x0, x1: x1, width: width)
                for column in x0..<x1 {
                    let offset = column - x
                    let content = offset < shown ? CellText(ascii: bytes[offset]) : DisplayText.ellipsis.content
                    buffer[row + column] = Cell(content, width: 1, style: style)
                }
            }
        }
        return used
    }

    @discardableResult
    mutating func put(_ clusters: [DisplayCluster], x: Int, y: Int, style: Style) -> Int {
        var cx = x
        for c in clusters {
            guard cx + c.width <= width else { break }
            set(x: cx, y: y, Cell(c.content, width: UInt8(c.width), style: style))
            if c.width == 2 { set(x: cx + 1, y: y, Cell(.empty, width: 0, style: style)) }
            cx += c.width
        }
        return cx - x
    }
}
