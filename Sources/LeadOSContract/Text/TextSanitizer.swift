import Foundation

/// The one gate every string from outside passes before it reaches a cell.
///
/// Removes C0/C1 control characters, whole escape sequences (CSI, OSC, DCS, SOS, PM, APC, and
/// two-byte ESC sequences, payload included), bidi overrides and isolates, and invisible format
/// characters (zero-width spaces, BOM, soft hyphen, tag characters). The zero-width joiner is kept
/// because emoji sequences need it. Tabs, CR, LF and line/paragraph separators become one space so
/// words do not run together. An unterminated string sequence swallows the rest of the text:
/// showing less is safer than letting a payload through.
public enum TextSanitizer {
    public static func sanitize(_ text: String) -> String {
        if isPlainASCII(text) || isAlreadyClean(text) { return text }
        return rebuilt(text)
    }

    /// The text scalar by scalar with everything unsafe removed; `sanitize` without its shortcuts.
    static func rebuilt(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var state = State.normal
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch state {
            case .normal:
                switch v {
                case 0x1B: state = .escape
                case 0x9B: state = .csi
                case 0x90, 0x98, 0x9D, 0x9E, 0x9F: state = .string
                case 0x09, 0x0A, 0x0D, 0x2028, 0x2029: out.append(" ")
                case 0x00...0x1F, 0x7F...0x9F: break
                case 0x200D: out.append(scalar)
                case 0xA0..<0x10000:
                    // BMP: the format characters (Cf) listed by hand, which spares a property
                    // lookup per character of CJK or accented text.
                    if Self.isBMPFormat(v) { break }
                    out.append((0xE000...0xF8FF).contains(v) ? "\u{FFFD}" : scalar)
                default:
                    switch scalar.properties.generalCategory {
                    case .format: break
                    case .surrogate, .privateUse, .unassigned: out.append("\u{FFFD}")
                    default: out.append(scalar)
                    }
                }
            case .escape:
                switch v {
                case 0x5B: state = .csi // [
                case 0x5D, 0x50, 0x58, 0x5E, 0x5F: state = .string // ] P X ^ _
                case 0x20...0x2F: state = .escapeIntermediate
                case 0x1B: state = .escape
                default: state = .normal
                }
            case .escapeIntermediate:
                state = (0x20...0x2F).contains(v) ? .escapeIntermediate : .normal
            case .csi:
                switch v {
                case 0x20...0x3F: break
                case 0x1B: state = .escape
                default: state = .normal // final byte, CAN/SUB or garbage: the sequence ends
                }
            case .string:
                switch v {
                case 0x07, 0x9C, 0x18, 0x1A: state = .normal
                case 0x1B: state = .stringEscape
                default: break
                }
            case .stringEscape:
                state = v == 0x5C ? .normal : (v == 0x1B ? .stringEscape : .string)
            }
        }
        return String(out)
    }

    /// Untrusted text made one bounded line for a message: sanitized like any cell text, then cut
    /// to `max` scalars with "…". Error messages, excerpts of bodies and ids all pass here.
    public static func oneLine(_ text: String, max: Int = 120) -> String {
        let clean = sanitize(text)
        let scalars = clean.unicodeScalars
        guard scalars.count > max else { return clean }
        return String(String.UnicodeScalarView(scalars.prefix(Swift.max(0, max)))) + "…"
    }

    /// A reply body as one bounded line; an empty body says so.
    public static func oneLine(_ data: Data, max: Int = 120) -> String {
        if data.isEmpty { return "(empty body)" }
        return oneLine(String(decoding: data.prefix(max * 4), as: UTF8.self), max: max)
    }

    /// Format characters (general category Cf) of the Basic Multilingual Plane.
    static func isBMPFormat(_ v: UInt32) -> Bool {
        switch v {
        case 0xAD, 0x600...0x605, 0x61C, 0x6DD, 0x70F, 0x890, 0x891, 0x8E2, 0x180E, 0x200B...0x200C, 0x200E...0x200F,
             0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0xFEFF, 0xFFF9...0xFFFB:
            return true
        default:
            return false
        }
    }

    /// Printable ASCII only: the common case, which needs no work.
    @inline(__always)
    public static func isPlainASCII(_ text: String) -> Bool {
        var utf8 = text.utf8
        if let plain = utf8.withContiguousStorageIfAvailable(isPlainASCII) { return plain }
        // A bridged string without contiguous storage: make it native once.
        var copy = text
        copy.makeContiguousUTF8()
        utf8 = copy.utf8
        return utf8.withContiguousStorageIfAvailable(isPlainASCII) ?? false
    }

    @inline(__always)
    static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte < 0x20 || byte >= 0x7F { return false }
        return true
    }

    /// True when sanitizing would return the text unchanged: accented, CJK or emoji text that
    /// holds nothing to remove, which is most text that is not plain ASCII. Checking first spares
    /// building a copy scalar by scalar, which was the largest cost of drawing a frame.
    static func isAlreadyClean(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x20..<0x7F, 0x200D: continue
            case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0xE000...0xF8FF: return false
            case 0xA0..<0x10000: if isBMPFormat(v) { return false }
            default:
                switch scalar.properties.generalCategory {
                case .format, .surrogate, .privateUse, .unassigned: return false
                default: continue
                }
            }
        }
        return true
    }

    private enum State {
        case normal, escape, escapeIntermediate, csi, string, stringEscape
    }
}
