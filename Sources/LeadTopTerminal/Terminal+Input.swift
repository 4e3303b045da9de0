import LeadTopCore
import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Terminal {
    /// Reads everything ncurses has (stdin is non-blocking here) and decodes it.
    func readInput() -> [TerminalEvent] {
        let window = leadtop_stdscr()
        var events: [TerminalEvent] = []
        // wint_t is unsigned on glibc and signed on Darwin; the conversions below take either.
        var code: wint_t = 0
        while true {
            let status = wget_wch(window, &code)
            if status == ERR { break }
            let raw: RawInput
            if status == KEY_CODE_YES {
                switch Int32(truncatingIfNeeded: code) {
                case KEY_RESIZE:
                    if let event = syncSize(force: true) { events.append(event) }
                    continue
                case KEY_MOUSE:
                    var report = MEVENT()
                    guard getmouse(&report) == OK else { continue }
                    raw = .mouse(buttonState: report.bstate, x: report.x, y: report.y)
                default:
                    raw = .keyCode(Int32(truncatingIfNeeded: code))
                }
            } else {
                raw = .character(UInt32(truncatingIfNeeded: code))
            }
            if let event = InputDecoder.decode(raw) { events.append(event) }
        }
        return events
    }

    /// Brings ncurses to the terminal's real size after SIGWINCH (or KEY_RESIZE) and returns the
    /// resize event when the size the application knows about changed.
    func syncSize(force: Bool = false) -> TerminalEvent? {
        var size = winsize()
        let window = leadtop_stdscr()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 {
            let rows = Int32(size.ws_row), cols = Int32(size.ws_col)
            if rows != leadtop_getmaxy(window) || cols != leadtop_getmaxx(window) {
                resize_term(rows, cols)
            }
        }
        let current = (width: Int(leadtop_getmaxx(window)), height: Int(leadtop_getmaxy(window)))
        guard force || current != reportedSize else { return nil }
        reportedSize = current
        invalidate()
        return .resize(width: current.width, height: current.height)
    }
}
