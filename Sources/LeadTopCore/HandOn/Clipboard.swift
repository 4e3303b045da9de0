/// Text for the terminal's clipboard, and what the status bar calls it once copied.
public struct ClipboardCopy: Sendable, Hashable {
    /// Exactly what goes on the clipboard (base64 inside the OSC 52 sequence, so any text is safe
    /// in the escape sequence; lead text is sanitized before it gets here so a paste cannot carry
    /// escape sequences either).
    public var text: String
    /// `raj@techcorp.io`, `Raj Sharma as a vCard`.
    public var what: String

    public init(text: String, what: String) { self.text = text; self.what = what }
}

/// Whether the terminal takes OSC 52, as far as the terminal module can tell. There is no reply
/// to a clipboard write, so most of the time it cannot know.
public enum ClipboardSupport: Sendable, Hashable {
    /// A terminal known to take OSC 52.
    case supported
    /// tmux: it takes OSC 52 (keeps a buffer and passes it on) only with `set-clipboard on`.
    case tmux
    /// Not known either way: the sequence was sent anyway.
    case unknown
    /// Known not to take it (the Linux console, VTE terminals): nothing was sent.
    case absent(terminal: String)
}
