import Foundation

/// Colour names and notations accepted in theme files.
extension Color {
    static let names: [String: Color] = {
        var names: [String: Color] = ["default": .default, "none": .default]
        let base = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
        for (i, name) in base.enumerated() {
            names[name] = .ansi(UInt8(i))
            names["bright-" + name] = .ansi(UInt8(i + 8))
        }
        names["gray"] = .ansi(8); names["grey"] = .ansi(8)
        return names
    }()

    /// Parses `red`, `bright-blue`, `default`, `#rrggbb` or a palette index `0`–`255`.
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let named = Color.names[t] { self = named; return }
        if t.hasPrefix("#") {
            let hex = t.dropFirst()
            guard hex.count == 6, hex.allSatisfy(\.isHexDigit), let v = UInt32(hex, radix: 16) else { return nil }
            self = .rgb(UInt8(v >> 16), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF))
            return
        }
        if let n = Int(t), (0...255).contains(n) { self = .indexed(UInt8(n)); return }
        return nil
    }
}

extension TextAttributes {
    static let names: [String: TextAttributes] = [
        "bold": .bold, "dim": .dim, "reverse": .reverse, "underline": .underline, "italic": .italic,
    ]
}
