import CNcursesw
import LeadTopRender

/// Whether the terminal can scroll a band of rows, read from terminfo: a scroll region (`csr`)
/// and insert- or delete-line (`il`/`il1`, `dl`/`dl1`). A terminal lacking them gets plain
/// redraws, since a band move would only cost bytes there.
///
/// ncurses scrolls by itself only where whole screen lines moved (its hash of lines), and the
/// feed shares its rows with the credits and feedback panes, so the dashboard says what moved.
enum TerminalScrolling {
    /// True when terminfo has a scroll region and both insert- and delete-line.
    static func isSupported() -> Bool {
        let has = { (name: String) in leadtop_tigetstr(name) != nil }
        return has("csr") && (has("il") || has("il1")) && (has("dl") || has("dl1"))
    }
}

extension Terminal {
    /// Moves the band in the frame ncurses will show and lets ncurses send it: the band's rows,
    /// whole, are the previous frame's rows moved, which ncurses' line hashing recognises and
    /// sends as a scroll region and a reverse index or insert-line (its own bookkeeping of the
    /// screen stays true, which writing the scroll ourselves would break). The runs drawn after
    /// it then repair what the move got wrong beside the band (other panes on the same rows).
    func scroll(_ scroll: RowScroll, screenHeight: Int) {
        Self.shift(leadtop_stdscr(), scroll, screenHeight: screenHeight)
        wnoutrefresh(leadtop_stdscr())
        doupdate()
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
