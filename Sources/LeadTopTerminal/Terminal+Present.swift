import CNcursesw
import CWideCurses
import LeadTopRender

extension Terminal {
    /// Shows `grid`: a band of rows that moved (a new lead at the top of the feed) is scrolled
    /// by the terminal, then only the runs that still differ go through ncurses, and one
    /// `doupdate` sends the frame (wrapped in synchronized output where supported).
    public func present(_ grid: CellGrid) {
        let window = leadtop_stdscr()
        let width = Int(leadtop_getmaxx(window)), height = Int(leadtop_getmaxy(window))
        if let last = lastGrid, last.width != grid.width || last.height != grid.height { lastGrid = nil }
        if lastGrid == nil { werase(window) }
        let diff = grid.frameDiff(since: lastGrid, allowScroll: canScroll && grid.height == height && grid.width == width)
        // A frame that changes no cell (a clock tick between two age changes) writes nothing,
        // not even the synchronized-output brackets.
        if diff.scroll == nil, diff.runs.isEmpty, lastGrid != nil { return }
        if synchronizedOutput { Self.writeRaw(SynchronizedOutput.begin) }
        if let scroll = diff.scroll { self.scroll(scroll, screenHeight: height) }
        var runs = diff.runs
        var repainted = false
        var index = 0
        while index < runs.count {
            let run = runs[index]
            index += 1
            guard run.y < height else { continue }
            cells: for x in run.x..<min(run.endX, width) {
                if put(grid, x: x, y: run.y, screenWidth: width) == .outOfPairs, !repainted {
                    // Every colour pair is taken: start over with an empty cache and repaint all.
                    // A frame needing more pairs than exist gets the default colours for the rest.
                    repainted = true
                    pairs.reset()
                    werase(window)
                    runs = grid.changedRuns(since: nil)
                    index = 0
                    break cells
                }
            }
        }
        lastGrid = grid
        wnoutrefresh(window)
        doupdate()
        if synchronizedOutput { Self.writeRaw(SynchronizedOutput.end) }
    }

    private enum PutResult { case done, outOfPairs }

    private func put(_ grid: CellGrid, x: Int, y: Int, screenWidth: Int) -> PutResult {
        let cell = grid[x, y]
        var text = cell.content
        switch cell.width {
        case 0:
            // The right half of a wide character is drawn with it; an orphan one becomes a blank.
            if x > 0, grid[x - 1, y].width == 2 { return .done }
            text = .space
        case 2 where x + 1 >= screenWidth:
            text = .space // a wide character cannot start in the last column
        default: break
        }
        let pair: Int32
        var result = PutResult.done
        switch pairs.pair(fg: colors.colorNumber(cell.style.fg), bg: colors.colorNumber(cell.style.bg)) {
        case .existing(let number): pair = number
        case .allocate(let number):
            leadtop_init_pair(number, colors.colorNumber(cell.style.fg), colors.colorNumber(cell.style.bg))
            pair = number
        case .full:
            pair = 0
            result = .outOfPairs
        }
        let attributes = Self.attributes(cell.style.attributes)
        if text.count == 1, text[0] >= 0x20, text[0] < 0x7F {
            // Printable ASCII, most of any frame: one character, no splitting.
            leadtop_put_character(Int32(y), Int32(x), text[0], UInt(attributes), pair)
            return result
        }
        let columns = text == .space ? 1 : Int(cell.width)
        for glyph in Self.glyphs(text.scalars, columns: columns, scalarWidth: { Int(wcwidth(wchar_t(bitPattern: $0))) }) {
            guard x + glyph.offset < screenWidth else { break }
            leadtop_put_cell(Int32(y), Int32(x + glyph.offset), glyph.scalars, UInt(attributes), pair)
        }
        return result
    }

    /// One `cchar_t`'s worth of text: a spacing character and up to four combining marks,
    /// NUL-terminated, drawn `offset` columns into the cell.
    struct Glyph: Equatable {
        var offset: Int
        var scalars: [wchar_t]
    }

    /// Splits a cell's text into what ncurses can draw. A `cchar_t` holds one spacing character,
    /// but a grapheme cluster may have several (Indic conjuncts such as "र्न", flags): when their
    /// widths add up to the cell's, each is drawn in its own column; otherwise the first is drawn
    /// and the rest of the cell blanked, so columns never shift. Control characters end the text.
    static func glyphs(_ text: String, columns: Int, scalarWidth: (UInt32) -> Int) -> [Glyph] {
        glyphs(text.unicodeScalars.map(\.value), columns: columns, scalarWidth: scalarWidth)
    }

    /// `glyphs` over a cell's scalar values.
    static func glyphs(_ values: [UInt32], columns: Int, scalarWidth: (UInt32) -> Int) -> [Glyph] {
        var groups: [(width: Int, scalars: [wchar_t])] = []
        for value in values {
            if value < 0x20 || (0x7F...0x9F).contains(value) { break }
            let width = scalarWidth(value)
            if width == 0 {
                if groups.isEmpty { groups.append((1, [0x20])) }
                if groups[groups.count - 1].scalars.count < 5 { groups[groups.count - 1].scalars.append(wchar_t(bitPattern: value)) }
            } else {
                groups.append((max(1, width), [wchar_t(bitPattern: value)]))
            }
        }
        let blank = [wchar_t(0x20), 0]
        guard let first = groups.first else {
            return (0..<max(1, columns)).map { Glyph(offset: $0, scalars: blank) }
        }
        if groups.count > 1, groups.reduce(0, { $0 + $1.width }) == columns {
            var offset = 0
            return groups.map { group in
                defer { offset += group.width }
                return Glyph(offset: offset, scalars: group.scalars + [0])
            }
        }
        guard first.width <= max(1, columns) else {
            return (0..<max(1, columns)).map { Glyph(offset: $0, scalars: blank) }
        }
        return [Glyph(offset: 0, scalars: first.scalars + [0])]
            + (first.width..<max(1, columns)).map { Glyph(offset: $0, scalars: blank) }
    }

    static func attributes(_ attributes: TextAttributes) -> attr_t {
        var bits = leadtop_a_normal()
        if attributes.contains(.bold) { bits |= leadtop_a_bold() }
        if attributes.contains(.dim) { bits |= leadtop_a_dim() }
        if attributes.contains(.reverse) { bits |= leadtop_a_reverse() }
        if attributes.contains(.underline) { bits |= leadtop_a_underline() }
        if attributes.contains(.italic) { bits |= leadtop_a_italic() }
        return bits
    }
}
