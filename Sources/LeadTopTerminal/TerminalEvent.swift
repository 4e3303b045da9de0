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
}

/// A decoded key press.
public enum Key: Sendable, Hashable {
    /// A printable character, already combined from its UTF-8 bytes.
    case char(Character)
    /// Control plus a letter, given in lower case (`ctrl("r")` for Ctrl-R). Ctrl-I, Ctrl-M and
    /// Ctrl-H arrive as `.tab`, `.enter` and `.backspace`, as terminals send the same bytes.
    case ctrl(Character)
    case enter, escape, tab, backtab, backspace, delete, insert
    case up, down, left, right
    case pageUp, pageDown, home, end
    /// F1…F63.
    case function(Int)
}

/// A mouse report in zero-based cell coordinates.
public struct MouseEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case press(MouseButton)
        case release(MouseButton)
        case wheelUp
        case wheelDown
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(kind: Kind, x: Int, y: Int) {
        self.kind = kind; self.x = x; self.y = y
    }
}

public enum MouseButton: Sendable, Hashable {
    case left, middle, right
}
