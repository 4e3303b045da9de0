import LeadTopRender

/// Maps theme colours to what the terminal can show and to ncurses colour numbers. Pure.
public struct ColorMapper: Sendable, Hashable {
    public let depth: ColorDepth
    /// The terminfo entry is in direct-colour mode: colour numbers ≥ 8 are 0xRRGGBB values.
    public let directColor: Bool

    public init(depth: ColorDepth, directColor: Bool) {
        self.depth = depth; self.directColor = directColor
    }

    /// `color` reduced to the depth: rgb → nearest of the 256 palette → nearest of the 16 (or 8)
    /// ANSI colours → the terminal default when there are no colours at all.
    public func downsample(_ color: Color) -> Color {
        switch (depth, color) {
        case (_, .default), (.monochrome, _): return .default
        case (.trueColor, _): return color
        case (.palette256, .rgb(let r, let g, let b)):
            return .indexed(XtermPalette.nearest256((Int(r), Int(g), Int(b))))
        case (.palette256, _): return color
        case (.ansi16, .ansi), (.ansi8, .ansi(0..<8)): return color
        case (.ansi8, .ansi(let n)): return .ansi(n & 7)
        case (.ansi16, .indexed(let n)) where n < 16: return .ansi(n)
        case (.ansi8, .indexed(let n)) where n < 16: return .ansi(n & 7)
        case (_, .indexed(let n)):
            return .ansi(XtermPalette.nearestANSI(XtermPalette.rgb(n), count: depth == .ansi8 ? 8 : 16))
        case (_, .rgb(let r, let g, let b)):
            return .ansi(XtermPalette.nearestANSI((Int(r), Int(g), Int(b)), count: depth == .ansi8 ? 8 : 16))
        }
    }

    /// The ncurses colour number for `color`; -1 is the terminal's default (`use_default_colors`).
    public func colorNumber(_ color: Color) -> Int32 {
        switch downsample(color) {
        case .default: return -1
        case .ansi(let n) where !directColor || n < 8: return Int32(n)
        case .indexed(let n) where !directColor: return Int32(n)
        case .ansi(let n), .indexed(let n): return Self.packed(XtermPalette.rgb(n))
        case .rgb(let r, let g, let b): return Self.packed((Int(r), Int(g), Int(b)))
        }
    }

    /// Direct-colour terminfo entries treat numbers below 8 as ANSI colours, so the darkest blues
    /// are nudged to 0x000008, which looks the same.
    private static func packed(_ c: XtermPalette.RGB) -> Int32 {
        max(8, Int32(c.r << 16 | c.g << 8 | c.b))
    }
}
