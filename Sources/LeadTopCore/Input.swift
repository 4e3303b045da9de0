/// A key press, already decoded by the terminal module into something the keymap can match.
public enum Key: Sendable, Hashable {
    /// A printable character (letters, digits, punctuation, any Unicode scalar the user typed).
    case char(Character)
    /// A control chord such as Ctrl-C, given by its lower-case letter.
    case ctrl(Character)
    case enter, esc, tab, backtab, backspace, delete
    case up, down, left, right
    case pageUp, pageDown, home, end, insert
    /// F1…F63.
    case function(Int)

    /// The value of an ASCII digit `0`–`9`, nil for anything else (keycap emoji included).
    static func digit(_ c: Character) -> Int? {
        guard let ascii = c.asciiValue, ascii >= 48, ascii <= 57 else { return nil }
        return Int(ascii - 48)
    }
}

public enum MouseButton: Sendable, Hashable {
    case left, middle, right
}

/// A mouse report at cell (`x`, `y`), 0-based from the top-left corner.
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

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind; self.x = x; self.y = y
    }
}
