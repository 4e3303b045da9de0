/// DEC private mode 2026: the terminal holds a frame back until it is complete, so a redraw never
/// shows half-painted. Terminals that do not know the mode ignore it, but it is only sent where it
/// is known to work.
enum SynchronizedOutput {
    static let begin = "\u{1B}[?2026h"
    static let end = "\u{1B}[?2026l"

    private static let programs: Set<String> = ["WezTerm", "iTerm.app", "ghostty", "vscode", "contour", "rio"]
    private static let termPrefixes = ["xterm-kitty", "foot", "contour", "xterm-ghostty", "wezterm", "alacritty"]

    /// True when terminfo advertises the `Sync` capability or the terminal is one known to support
    /// the mode. `LEADTOP_SYNC_OUTPUT=0|1` overrides both.
    static func isSupported(environment: [String: String], hasSyncCapability: Bool) -> Bool {
        switch environment["LEADTOP_SYNC_OUTPUT"] {
        case "0": return false
        case "1": return true
        default: break
        }
        if hasSyncCapability { return true }
        if let program = environment["TERM_PROGRAM"], programs.contains(program) { return true }
        let term = environment["TERM"] ?? ""
        return termPrefixes.contains { term.hasPrefix($0) }
    }
}
