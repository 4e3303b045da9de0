/// How many colours the terminal can show; every `Color` is mapped down to this.
public enum ColorDepth: Int, Sendable, Hashable, Comparable {
    case monochrome = 0
    case ansi8 = 8
    case ansi16 = 16
    case palette256 = 256
    /// Direct 24-bit colour (ncurses "direct colour": the colour number is 0xRRGGBB).
    case trueColor = 16_777_216

    public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }

    /// Picks the depth from the environment and what terminfo reports.
    ///
    /// - `NO_COLOR` set to anything non-empty wins (no-color.org).
    /// - True colour needs both the user's word (`COLORTERM=truecolor|24bit`) and a terminfo entry
    ///   in direct-colour mode (`RGB` flag or ≥ 2^24 colours): ncurses cannot send 24-bit colours
    ///   through a palette-based entry such as `tmux-256color`.
    public static func detect(environment: [String: String], hasColors: Bool, colorCount: Int, hasRGBFlag: Bool) -> ColorDepth {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        guard hasColors else { return .monochrome }
        let colorTerm = environment["COLORTERM"]?.lowercased() ?? ""
        let directColor = hasRGBFlag || colorCount >= 1 << 24
        if directColor {
            // A direct-colour entry can always show 24-bit colours; without the user's word fall back
            // to the 256 colours every such terminal also has, sent as RGB values.
            return colorTerm == "truecolor" || colorTerm == "24bit" ? .trueColor : .palette256
        }
        switch colorCount {
        case 256...: return .palette256
        case 16...: return .ansi16
        case 8...: return .ansi8
        default: return .monochrome
        }
    }
}
