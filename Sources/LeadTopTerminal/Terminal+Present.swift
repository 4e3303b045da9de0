import CNcursesw
import LeadTopRender

extension Terminal {
    /// Shows `grid`: only the runs that differ from the last frame go through ncurses, then one
    /// `doupdate` sends the frame (wrapped in synchronized output where supported).
    public func present(_ grid: CellGrid) {
        let window = leadtop_stdscr()
        let width = Int(leadtop_getmaxx(window)), height = Int(leadtop_getmaxy(window))
        if let last = lastGrid, last.width != grid.width || last.height != grid.height { lastGrid = nil }
        if lastGrid == nil { werase(window) }
        var runs = grid.changedRuns(since: lastGrid)
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
        if synchronizedOutput { Self.writeRaw(SynchronizedOutput.begin) }
        doupdate()
        if synchronizedOutput { Self.writeRaw(SynchronizedOutput.end) }
    }

    private enum PutResult { case done, outOfPairs }

    private func put(_ grid: CellGrid, x: Int, y: Int, screenWidth: Int) -> PutResult {
        let cell = grid[x, y]
        var text = cell.text
        switch cell.width {
        case 0:
            // The right half of a wide character is drawn with it; an orphan one becomes a blank.
            if x > 0, grid[x - 1, y].width == 2 { return .done }
            text = " "
        case 2 where x + 1 >= screenWidth:
            text = " " // a wide character cannot start in the last column
        default: break
        }
        let pair: Int32
        var result = PutResult.done
        switch pairs.pair(fg: colors.colorNumber(cell.style.fg), bg: colors.colorNumber(cell.style.bg)) {
        case .existing(let number): pair = number
        case .allocate(let number):
            init_extended_pair(number, colors.colorNumber(cell.style.fg), colors.colorNumber(cell.style.bg))
            pair = number
        case .full:
            pair = 0
            result = .outOfPairs
        }
        var character = cchar_t()
        let attributes = Self.attributes(cell.style.attributes)
        var scalars = Self.wideCharacters(text)
        if leadtop_setcchar(&character, &scalars, attributes, pair) == ERR {
            // More than one spacing character (an emoji sequence): keep the first.
            scalars = [scalars[0], 0]
            _ = leadtop_setcchar(&character, &scalars, attributes, pair)
        }
        mvwadd_wch(leadtop_stdscr(), Int32(y), Int32(x), &character)
        return result
    }

    /// The cell's text as a NUL-terminated `wchar_t` string of at most 5 code points (what a
    /// `cchar_t` holds). Control characters never reach the terminal: they become a blank.
    static func wideCharacters(_ text: String) -> [wchar_t] {
        var result: [wchar_t] = []
        for scalar in text.unicodeScalars.prefix(5) {
            let value = scalar.value
            if value < 0x20 || (0x7F...0x9F).contains(value) { break }
            result.append(wchar_t(bitPattern: value))
        }
        if result.isEmpty { result = [wchar_t(0x20)] }
        result.append(0)
        return result
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
