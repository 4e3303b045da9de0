/// A colour as a theme names it; the terminal maps it down to what it can show
/// (truecolor → 256 → 16 → none).
public enum Color: Sendable, Hashable {
    /// The terminal's own default foreground or background.
    case `default`
    /// One of the 16 ANSI colours (0–7 normal, 8–15 bright).
    case ansi(UInt8)
    /// An entry of the 256-colour palette.
    case indexed(UInt8)
    case rgb(UInt8, UInt8, UInt8)

    /// The colour as one number, kind in the top byte and value below: how a `Style` stores it,
    /// so cells compare as plain memory. Every colour has exactly one code.
    var code: UInt32 {
        switch self {
        case .default: 0
        case .ansi(let n): 1 << 24 | UInt32(n)
        case .indexed(let n): 2 << 24 | UInt32(n)
        case .rgb(let r, let g, let b): 3 << 24 | UInt32(r) << 16 | UInt32(g) << 8 | UInt32(b)
        }
    }

    init(code: UInt32) {
        let value = UInt8(truncatingIfNeeded: code)
        switch code >> 24 {
        case 1: self = .ansi(value)
        case 2: self = .indexed(value)
        case 3: self = .rgb(UInt8(truncatingIfNeeded: code >> 16), UInt8(truncatingIfNeeded: code >> 8), value)
        default: self = .default
        }
    }
}

/// Text attributes a cell can carry.
public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let reverse = TextAttributes(rawValue: 1 << 2)
    public static let underline = TextAttributes(rawValue: 1 << 3)
    public static let italic = TextAttributes(rawValue: 1 << 4)
}

/// Foreground, background and attributes of a cell.
///
/// Stored as three 32-bit numbers with no padding between them, so a row of cells can be
/// compared with one `memcmp` (the frame diff) and equal styles are equal bytes.
public struct Style: Sendable, Hashable {
    private var fgCode: UInt32
    private var bgCode: UInt32
    private var attributeBits: UInt32

    public var fg: Color {
        get { Color(code: fgCode) }
        set { fgCode = newValue.code }
    }
    public var bg: Color {
        get { Color(code: bgCode) }
        set { bgCode = newValue.code }
    }
    public var attributes: TextAttributes {
        get { TextAttributes(rawValue: UInt8(truncatingIfNeeded: attributeBits)) }
        set { attributeBits = UInt32(newValue.rawValue) }
    }

    public init(fg: Color = .default, bg: Color = .default, attributes: TextAttributes = []) {
        fgCode = fg.code; bgCode = bg.code; attributeBits = UInt32(attributes.rawValue)
    }

    public static let plain = Style()
}
