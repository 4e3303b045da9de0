/// Key names as users write them in `[keys]` and read them in the help: `P`, `+`, `ctrl-r`,
/// `enter`, `esc`, `tab`, `shift-tab`, `up`, `pgdn`, `f5`, `space`.
public enum KeyName {
    static let named: [(String, Key)] = [
        ("enter", .enter), ("esc", .esc), ("tab", .tab), ("shift-tab", .backtab), ("backspace", .backspace),
        ("delete", .delete), ("up", .up), ("down", .down), ("left", .left), ("right", .right),
        ("pgup", .pageUp), ("pgdn", .pageDown), ("home", .home), ("end", .end), ("insert", .insert),
        ("space", .char(" ")),
    ]
    static let aliases: [String: Key] = ["return": .enter, "escape": .esc, "backtab": .backtab, "s-tab": .backtab,
                                         "pageup": .pageUp, "pagedown": .pageDown]

    /// Parses one key name; nil when it names no key.
    public static func parse(_ text: String) -> Key? {
        guard !text.isEmpty else { return nil }
        if text.count == 1, let c = text.first, !c.isWhitespace, c.unicodeScalars.allSatisfy({ $0.value >= 0x21 }) {
            return .char(c)
        }
        let lower = text.lowercased()
        if let key = named.first(where: { $0.0 == lower })?.1 ?? aliases[lower] { return key }
        for prefix in ["ctrl-", "c-", "^"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            guard rest.count == 1, let c = rest.first, c.isASCII, c.isLetter else { return nil }
            return .ctrl(c)
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...63).contains(n) { return .function(n) }
        return nil
    }

    /// The name shown in the help and README: `p`, `Ctrl-C`, `Enter`, `S-Tab`, `↓`, `PgDn`.
    public static func display(_ key: Key) -> String {
        switch key {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .ctrl(let c): "Ctrl-\(c.uppercased())"
        case .enter: "Enter"
        case .esc: "Esc"
        case .tab: "Tab"
        case .backtab: "S-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .insert: "Insert"
        case .function(let n): "F\(n)"
        }
    }
}
