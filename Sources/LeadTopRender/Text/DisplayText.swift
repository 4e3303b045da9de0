import LeadOSContract
import CWidth

/// What one grid cell shows: a spacing character plus any combining marks that ride on it, with
/// the columns it takes (1 or 2).
public struct DisplayCluster: Sendable, Hashable {
    public var content: CellText
    public var width: Int
    public init(_ content: CellText, width: Int) { self.content = content; self.width = width }
    public init(text: String, width: Int) { self.init(CellText(text), width: width) }
    /// The content as a string, for labels and tests.
    public var text: String { content.string }
}

/// Display widths and truncation of sanitized text.
///
/// Text is laid out the way a terminal lays it out: scalar by scalar, with `wcwidth`. Every scalar
/// of width 1 or 2 starts a cell; width-0 scalars (combining marks, viramas) ride on the cell
/// before them. A grapheme such as the Devanagari conjunct "र्न" therefore takes two cells, as it
/// does in the terminal, and never loses its second letter. Zero-width joiners and variation
/// selectors are dropped: terminals disagree on whether "👩‍💻" is 2 or 4 columns wide, but all of
/// them draw "👩💻" in 4, so the columns stay aligned everywhere. Unprintable scalars become U+FFFD.
/// Needs a UTF-8 locale (`leadtop_ensure_utf8_locale`).
public enum DisplayText {
    public static let ellipsis = DisplayCluster(text: "…", width: 1)

    /// Sanitizes and splits text into clusters.
    public static func clusters(_ raw: String) -> [DisplayCluster] {
        let text = TextSanitizer.sanitize(raw)
        if TextSanitizer.isPlainASCII(text) {
            return text.utf8.map { DisplayCluster(CellText(ascii: $0), width: 1) }
        }
        var result: [DisplayCluster] = []
        result.reserveCapacity(text.utf8.count)
        var marks = 0
        for scalar in text.unicodeScalars {
            if isJoinerOrSelector(scalar.value) { continue }
            if scalar.value >= 0x20 && scalar.value < 0x7F {
                result.append(DisplayCluster(CellText(ascii: UInt8(scalar.value)), width: 1))
                marks = 0
                continue
            }
            let w = Int(leadtop_wcwidth(scalar.value))
            if w > 0 {
                result.append(DisplayCluster(CellText(scalar), width: min(w, 2)))
                marks = 0
            } else if w == 0 {
                // A combining mark joins the cell before it (ncurses keeps up to four per cell).
                guard !result.isEmpty, marks < maxMarksPerCell else { continue }
                result[result.count - 1].content.append(scalar)
                marks += 1
            } else {
                result.append(DisplayCluster(CellText("\u{FFFD}"), width: 1))
                marks = 0
            }
        }
        return result
    }

    /// Combining marks kept on one cell; ncursesw's `cchar_t` holds a spacing character and four more.
    static let maxMarksPerCell = 4

    /// ZWJ and variation selectors: they ask the terminal to merge or restyle glyphs, which
    /// terminals do differently, so they are left out.
    static func isJoinerOrSelector(_ value: UInt32) -> Bool {
        value == 0x200D || (0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value)
    }

    /// Columns the text takes once sanitized.
    public static func width(_ raw: String) -> Int {
        let text = TextSanitizer.sanitize(raw)
        if TextSanitizer.isPlainASCII(text) { return text.utf8.count }
        return clusters(text).reduce(0) { $0 + $1.width }
    }

    /// The clusters that fit in `maxWidth` columns, ending in `…` when something was cut.
    /// Never splits a cluster; the result may be one column short when a wide character would
    /// straddle the edge.
    public static func fit(_ raw: String, maxWidth: Int) -> [DisplayCluster] {
        guard maxWidth > 0 else { return [] }
        let all = clusters(raw)
        var total = 0
        for c in all { total += c.width }
        if total <= maxWidth { return all }
        var out: [DisplayCluster] = []
        var used = 0
        for c in all {
            if used + c.width > maxWidth - 1 { break }
            out.append(c); used += c.width
        }
        out.append(ellipsis)
        return out
    }

    /// `fit` as a string, for labels and tests.
    public static func truncate(_ raw: String, maxWidth: Int) -> String {
        fit(raw, maxWidth: maxWidth).map(\.text).joined()
    }
}
