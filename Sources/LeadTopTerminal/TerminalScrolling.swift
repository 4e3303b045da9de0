import CNcursesw
import LeadTopRender

/// The terminal's own row scrolling, read from terminfo: a scroll region (`csr`) and insert- or
/// delete-line (`il`/`il1`, `dl`/`dl1`), with the cursor and colours saved around them (`sc`,
/// `sgr0`, `rc`) so ncurses' idea of both stays true. A terminal lacking any of them gets plain
/// redraws.
///
/// ncurses itself would scroll only when whole screen lines move (its `idlok` hash of lines), and
/// the feed shares its rows with the credits and feedback panes, so the dashboard says what moved.
struct TerminalScrolling {
    private let changeRegion: String
    private let cursorAddress: String
    private let insertLines: String?
    private let insertLine: String?
    private let deleteLines: String?
    private let deleteLine: String?
    private let save: String
    private let restore: String
    private let resetAttributes: String

    /// nil when the terminal cannot scroll a band of rows.
    init?() {
        guard let csr = Self.capability("csr"), let cup = Self.capability("cup"),
              let sc = Self.capability("sc"), let rc = Self.capability("rc") else { return nil }
        changeRegion = csr; cursorAddress = cup; save = sc; restore = rc
        insertLines = Self.capability("il"); insertLine = Self.capability("il1")
        deleteLines = Self.capability("dl"); deleteLine = Self.capability("dl1")
        resetAttributes = Self.capability("sgr0") ?? ""
        guard insertLines != nil || insertLine != nil, deleteLines != nil || deleteLine != nil else { return nil }
    }

    private static func capability(_ name: String) -> String? {
        leadtop_tigetstr(name).map { String(cString: $0) }
    }

    private static func fill(_ capability: String, _ a: Int, _ b: Int = 0) -> String {
        leadtop_tiparm2(capability, Int32(a), Int32(b)).map { String(cString: $0) } ?? ""
    }

    /// The bytes that move rows `top ..< bottom` of a screen `screenHeight` rows high by `count`:
    /// save the cursor, default colours (blank rows take the current background), scroll region,
    /// cursor to its top row, insert or delete lines there, full-screen region again, restore.
    func sequence(for scroll: RowScroll, screenHeight: Int) -> String {
        let n = Int(scroll.count.magnitude)
        var lines = ""
        if scroll.count > 0 {
            lines = insertLines.map { Self.fill($0, n) } ?? String(repeating: insertLine ?? "", count: n)
        } else {
            lines = deleteLines.map { Self.fill($0, n) } ?? String(repeating: deleteLine ?? "", count: n)
        }
        return save + resetAttributes
            + Self.fill(changeRegion, scroll.top, scroll.bottom - 1)
            + Self.fill(cursorAddress, scroll.top, 0)
            + lines
            + Self.fill(changeRegion, 0, screenHeight - 1)
            + restore
    }
}

extension Terminal {
    /// Moves the band on the terminal and in ncurses' two screens (what is shown, and what will
    /// be), so the runs drawn after it are compared with what the terminal really holds.
    func scroll(_ scroll: RowScroll, using scrolling: TerminalScrolling, screenHeight: Int) {
        // Straight to the terminal, as the synchronized-output markers are: ncurses' own buffer
        // is empty between frames (each `doupdate` flushes it), and `putp` would go through C's
        // stdout buffer, which nothing flushes before the frame.
        Self.writeRaw(scrolling.sequence(for: scroll, screenHeight: screenHeight))
        Self.shift(leadtop_curscr(), scroll, screenHeight: screenHeight)
        Self.shift(leadtop_stdscr(), scroll, screenHeight: screenHeight)
    }

    /// `wscrl` within the band, with the window's cursor, region and scrolling put back after (a
    /// window left scrolling would scroll when the bottom-right cell is drawn).
    private static func shift(_ window: UnsafeMutablePointer<WINDOW>?, _ scroll: RowScroll, screenHeight: Int) {
        let y = leadtop_getcury(window), x = leadtop_getcurx(window)
        wmove(window, Int32(scroll.top), 0)
        wsetscrreg(window, Int32(scroll.top), Int32(scroll.bottom - 1))
        scrollok(window, true)
        wscrl(window, Int32(-scroll.count))
        scrollok(window, false)
        wsetscrreg(window, 0, Int32(screenHeight - 1))
        wmove(window, y, x)
    }
}
