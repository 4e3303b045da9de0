import CWidth

/// One grapheme cluster as it will sit in the grid, with the columns it takes (1 or 2).
public struct DisplayCluster: Sendable, Hashable {
    public var text: String
    public var width: Int
    public init(text: String, width: Int) { self.text = text; self.width = width }
}

/// Display widths and truncation of sanitized text.
///
/// A cluster's width is `wcwidth` of its first scalar (what ncursesw computes for a cell whose
/// other scalars ride along as combining characters), except that a flag (two regional
/// indicators) takes 2. Clusters of width 0 (a stray combining mark or joiner) are dropped and
/// unprintable ones become U+FFFD, so every cell's width is known and columns stay aligned.
/// Needs a UTF-8 locale (`leadtop_ensure_utf8_locale`).
public enum DisplayText {
    public static let ellipsis = DisplayCluster(text: "…", width: 1)

    /// One-character strings for every ASCII byte, so drawing ASCII creates no strings.
    static let asciiStrings: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    /// Sanitizes and splits text into clusters.
    public static func clusters(_ raw: String) -> [DisplayCluster] {
        let text = TextSanitizer.sanitize(raw)
        if TextSanitizer.isPlainASCII(text) {
            return text.utf8.map { DisplayCluster(text: asciiStrings[Int($0)], width: 1) }
        }
        var result: [DisplayCluster] = []
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if let cluster = cluster(character) { result.append(cluster) }
        }
        return result
    }

    static func cluster(_ character: Character) -> DisplayCluster? {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return nil }
        if first.value >= 0x20 && first.value < 0x7F && scalars.count == 1 {
            return DisplayCluster(text: String(character), width: 1)
        }
        if (0x1F1E6...0x1F1FF).contains(first.value) {
            return DisplayCluster(text: String(character), width: scalars.count >= 2 ? 2 : 1)
        }
        let w = Int(leadtop_wcwidth(first.value))
        if w < 0 { return DisplayCluster(text: "\u{FFFD}", width: 1) }
        if w == 0 { return nil }
        return DisplayCluster(text: String(character), width: min(w, 2))
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
