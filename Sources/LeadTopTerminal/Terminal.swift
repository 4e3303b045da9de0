import CNcursesw
import CWidth
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LeadTopCore
import LeadTopRender

/// The ncursesw screen: opened with clear errors instead of ncurses' `exit`, restored exactly once.
///
/// Not thread-safe: open, present, read and restore it from the one UI thread (`TerminalApp`
/// does). Other threads reach the loop only through `TerminalApp.requestRender()`.
public final class Terminal {
    /// What the terminal can show, decided once at open.
    public let colors: ColorMapper
    /// Frames are wrapped in DEC 2026 synchronized output.
    public let synchronizedOutput: Bool
    /// Whether copies reach the clipboard (OSC 52), decided once at open.
    public let clipboard: ClipboardSupport

    private let screen: OpaquePointer
    private var restored = false
    var pairs: ColorPairCache
    /// The terminal can scroll a band of rows (see `TerminalScrolling`).
    let canScroll: Bool
    /// The last frame handed to ncurses; nil forces the next frame to be drawn in full.
    var lastGrid: CellGrid?
    var reportedSize: (width: Int, height: Int)

    /// Opens the terminal on stdin/stdout: UTF-8 locale, alternate screen, hidden cursor, no echo,
    /// keypad and mouse decoding, 25 ms escape delay, colours.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, mouse: Bool = true) throws {
        guard isatty(STDIN_FILENO) == 1 else { throw TerminalError.notATerminal(stream: "standard input") }
        guard isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal(stream: "standard output") }
        guard leadtop_ensure_utf8_locale() == 1 else { throw TerminalError.noUTF8Locale }
        guard let term = environment["TERM"], !term.isEmpty else { throw TerminalError.termNotSet }
        Self.repairLeftoverRawMode()
        var shellModes = termios()
        let haveShellModes = tcgetattr(STDIN_FILENO, &shellModes) == 0

        guard let screen = newterm(term, leadtop_stdout(), leadtop_stdin()) else {
            throw TerminalError.unknownTerminal(term)
        }
        self.screen = screen
        set_term(screen)

        cbreak()
        noecho()
        nonl()
        let window = leadtop_stdscr()
        keypad(window, true)
        nodelay(window, true)
        intrflush(window, false)
        curs_set(0)
        set_escdelay(25)

        let hasColors = has_colors()
        if hasColors {
            start_color()
            use_default_colors()
        }
        // Direct colour needs the int-valued colour calls of ncurses 6.1 (macOS's own 5.7 lacks them).
        let directColor = leadtop_has_extended_colors() != 0 && (tigetflag("RGB") > 0 || leadtop_colors() >= 1 << 24)
        let depth = ColorDepth.detect(
            environment: environment, hasColors: hasColors, colorCount: Int(leadtop_colors()), hasRGBFlag: directColor)
        colors = ColorMapper(depth: depth, directColor: directColor)
        pairs = ColorPairCache(capacity: hasColors ? Int(leadtop_color_pairs()) - 1 : 0)

        // LEADTOP_SCROLL=0 turns band scrolls off (a terminal that mishandles scroll regions).
        canScroll = environment["LEADTOP_SCROLL"] != "0" && TerminalScrolling.isSupported()
        let sync = tigetstr("Sync")
        let hasSync = sync != nil && Int(bitPattern: sync) != -1
        synchronizedOutput = SynchronizedOutput.isSupported(environment: environment, hasSyncCapability: hasSync)
        let setSelection = tigetstr("Ms")
        clipboard = Clipboard.support(environment: environment,
                                      hasMsCapability: setSelection != nil && Int(bitPattern: setSelection) != -1)

        Self.captureMouse(mouse)
        // Report presses and releases as they come instead of waiting to combine them into clicks.
        mouseinterval(0)

        reportedSize = (Int(leadtop_getmaxx(window)), Int(leadtop_getmaxy(window)))
        if haveShellModes { CrashRestore.install(shellModes: shellModes) }
        StderrCapture.begin(environment: environment)
    }

    deinit { restore() }

    /// Takes clicks and the wheel from the terminal, or leaves the mouse to it (so a drag selects
    /// text without Shift).
    func setMouseCapture(_ on: Bool) { Self.captureMouse(on) }

    private static func captureMouse(_ on: Bool) {
        var buttons: mmask_t = 0
        if on {
            buttons = leadtop_button_pressed(4) | leadtop_button_pressed(5)
            for b in Int32(1)...3 { buttons |= leadtop_button_pressed(b) | leadtop_button_released(b) }
        }
        mousemask(buttons, nil)
    }

    /// The current size in columns and rows.
    public var size: (width: Int, height: Int) { reportedSize }

    /// Leaves the alternate screen, shows the cursor and gives the shell its terminal modes back.
    /// Safe to call any number of times.
    public func restore() {
        guard !restored else { return }
        restored = true
        if synchronizedOutput { Self.writeRaw(SynchronizedOutput.end) }
        set_term(screen)
        endwin()
        delscreen(screen)
        CrashRestore.uninstall()
        StderrCapture.end()
    }

    /// Forgets what is on screen so the next `present` repaints everything (for Ctrl-L, or after
    /// something else wrote to the terminal).
    public func invalidate() {
        lastGrid = nil
        clearok(leadtop_curscr(), true)
    }

    static func writeRaw(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { write(STDOUT_FILENO, $0.baseAddress! + offset, $0.count - offset) }
            if n > 0 { offset += n } else if n < 0 && errno == EINTR { continue } else { return }
        }
    }

    /// A previous run killed with SIGKILL leaves the terminal without echo or line editing, and
    /// ncurses would save that as "the shell's modes" and hand it back at exit. Put the basics back
    /// first so the next exit leaves a usable shell.
    private static func repairLeftoverRawMode() {
        var modes = termios()
        guard tcgetattr(STDIN_FILENO, &modes) == 0 else { return }
        let lineModes = tcflag_t(ICANON | ECHO)
        guard modes.c_lflag & lineModes == 0 else { return }
        modes.c_lflag |= tcflag_t(ICANON | ECHO | ECHOE | ECHOK | ISIG | IEXTEN)
        modes.c_iflag |= tcflag_t(ICRNL)
        modes.c_oflag |= tcflag_t(OPOST | ONLCR)
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &modes)
    }
}
