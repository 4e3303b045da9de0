import CWidth
import Testing

/// Checks that a captured dashboard keeps to its columns: each pane row, measured the way the
/// terminal measures it (`wcwidth` per scalar), is exactly as wide as the screen and ends in a
/// border. A character drawn with the wrong width shifts the rest of its row.
enum FrameAlignment {
    static func displayWidth(_ line: String) -> Int {
        _ = leadtop_ensure_utf8_locale()
        return line.unicodeScalars.reduce(0) { $0 + max(0, Int(leadtop_wcwidth($1.value))) }
    }

    static func expectAligned(_ screen: [String], width: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        for (row, line) in screen.dropLast().enumerated() {
            #expect(["┐", "│", "┘"].contains(line.last.map(String.init) ?? ""), "row \(row): \(line)", sourceLocation: sourceLocation)
            #expect(displayWidth(line) == width, "row \(row) is \(displayWidth(line)) columns wide: \(line)", sourceLocation: sourceLocation)
        }
    }
}
