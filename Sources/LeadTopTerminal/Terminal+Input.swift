import LeadTopCore
import CNcursesw
import CWideCurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Terminal {
    /// Reads everything ncurses has (stdin is non-blocking here) and decodes it.
    func readInput() -> [TerminalEvent] {
        var events: [TerminalEvent] = []
        var code: UInt32 = 0
        while true {
            let status = leadtop_get_wide_character(&code)
            if status == ERR { break }
            let raw: RawInput
            if status == KEY_CODE_YES {
                switch Int32(bitPattern: code) {
                case KEY_RESIZE:
                    if let event = syncSize(force: true) { events.append(event) }
                    continue
                case KEY_MOUSE:
                    var report = MEVENT()
                    guard getmouse(&report) == OK else { continue }
                    raw = .mouse(buttonState: report.bstate, x: report.x, y: report.y)
                default:
                    raw = .keyCode(Int32(bitPattern: code))
                }
            } else {
                raw = .character(code)
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
