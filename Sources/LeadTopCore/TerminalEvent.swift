import Foundation

/// Everything the terminal loop hands to the application, free of any ncurses type.
public enum TerminalEvent: Sendable, Hashable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal now has this many columns and rows; the next frame is drawn in full.
    case resize(width: Int, height: Int)
    /// Background work asked for a render (`TerminalApp.requestRender()`); delivered once per burst.
    case wake
    /// SIGINT, SIGTERM or SIGHUP arrived. The loop ends after delivering it.
    case signal(Int32)
    /// The loop's clock interval passed; `now` is the wall-clock time.
    case clock(now: Date)
}
