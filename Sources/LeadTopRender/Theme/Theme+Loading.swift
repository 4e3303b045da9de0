import Foundation
import LeadTopCore
import TOMLKit

/// A theme file that cannot be used, with the file, line and key at fault.
public struct ThemeError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var message: String

    public init(path: String, line: Int?, message: String) {
        self.path = path; self.line = line; self.message = message
    }

    public var description: String {
        line.map { "\(path):\($0): \(message)" } ?? "\(path): \(message)"
    }
}

extension Theme {
    /// Parses a theme file's contents. `path` only names the file in errors; reading it is the
    /// caller's job. Roles the file leaves out come from `fallback` (the default theme).
    public static func parse(path: String, contents: String, fallback: Theme = .default) throws(ThemeError) -> Theme {
        try parseReportingUnknownKeys(path: path, contents: contents, fallback: fallback).theme
    }

    /// Parses a theme file and lists its unknown keys as warnings (file, line, the nearest known
    /// key): a typo is reported, not silently ignored, and the rest of the theme still applies.
    /// A wrong value stays an error.
    public static func parseReportingUnknownKeys(path: String, contents: String, fallback: Theme = .default)
        throws(ThemeError) -> (theme: Theme, warnings: [String]) {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: contents)
        } catch let error as TOMLParseError {
            throw ThemeError(path: path, line: error.source.begin.line, message: "not valid TOML: \(error.description)")
        } catch {
            throw ThemeError(path: path, line: nil, message: "not valid TOML: \(error)")
        }

        var name = (path as NSString).lastPathComponent.replacingOccurrences(of: ".toml", with: "")
        var styles: [ThemeRole: Style] = [:]
        var unknown: [String] = []
        // Line numbers are found in one pass: looking each key up in the whole file from inside the
        // sort's comparator took a quarter of a second, at every start.
        let keyLines = lineNumbers(in: contents)
        for key in table.keys.sorted(by: { keyLines[$0] ?? 0 < keyLines[$1] ?? 0 }) {
            guard let value = table[key] else { continue }
            let line = keyLines[key]
            if key == "name" {
                guard let text = value.string else {
                    throw ThemeError(path: path, line: line, message: "key \"name\" must be a string")
                }
                name = text
                continue
            }
            guard let (role, part) = splitKey(key) else { unknown.append(key); continue }
            var style = styles[role] ?? fallback.raw(role)
            switch part {
            case "fg", "bg":
                guard let color = color(value) else {
                    throw ThemeError(path: path, line: line, message:
                        "key \"\(key)\": \(describe(value)) is not a colour (use a name, #rrggbb or 0–255)")
                }
                if part == "fg" { style.fg = color } else { style.bg = color }
            default:
                style.attributes = try attributes(value, key: key, path: path, line: line)
            }
            styles[role] = style
        }
        let warnings = unknown.map { key in
            let at = keyLines[key].map { "\(path):\($0)" } ?? path
            let suggestion = NearestName.suggest(key, among: knownKeys).map { ": did you mean `\($0)`?" }
                ?? " (ignored; keys are <role>_fg, <role>_bg or <role>_attrs)"
            return "\(at): unknown key `\(key)`\(suggestion)"
        }
        return (Theme(name: name, styles: styles, fallback: fallback), warnings)
    }

    /// Every key a theme file may set.
    static let knownKeys: [String] = ["name"] + ThemeRole.allCases.flatMap { role in
        ["fg", "bg", "attrs"].map { "\(role.key)_\($0)" }
    }

    private static func splitKey(_ key: String) -> (ThemeRole, String)? {
        for part in ["fg", "bg", "attrs"] where key.hasSuffix("_" + part) {
            guard let role = ThemeRole.byKey[String(key.dropLast(part.count + 1))] else { return nil }
            return (role, part)
        }
        return nil
    }

    private static func color(_ value: TOMLValueConvertible) -> Color? {
        if let n = value.int { return (0...255).contains(n) ? .indexed(UInt8(n)) : nil }
        return value.string.flatMap(Color.init(parsing:))
    }

    private static func attributes(_ value: TOMLValueConvertible, key: String, path: String, line: Int?) throws(ThemeError) -> TextAttributes {
        var words: [String] = []
        if let text = value.string {
            words = text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        } else if let array = value.array {
            for item in array {
                guard let word = item.string else {
                    throw ThemeError(path: path, line: line, message: "key \"\(key)\": attributes must be strings")
                }
                words.append(word)
            }
        } else {
            throw ThemeError(path: path, line: line, message: "key \"\(key)\": attributes must be a list such as [\"bold\", \"reverse\"]")
        }
        var result: TextAttributes = []
        for word in words {
            guard let attribute = TextAttributes.names[word.lowercased()] else {
                throw ThemeError(path: path, line: line, message:
                    "key \"\(key)\": \"\(word)\" is not an attribute (use bold, dim, reverse, underline, italic)")
            }
            result.insert(attribute)
        }
        return result
    }

    private static func describe(_ value: TOMLValueConvertible) -> String {
        if let s = value.string { return "\"\(s)\"" }
        if let n = value.int { return String(n) }
        return "a \(value.tomlValue.type)"
    }

    /// The 1-based line where a top-level key is set; TOMLKit does not report positions of values.
    /// The line (1-based) of the first `key =` or `"key" =` of each top-level key.
    static func lineNumbers(in contents: String) -> [String: Int] {
        var result: [String: Int] = [:]
        for (i, line) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let t = line.drop(while: { $0 == " " || $0 == "\t" })
            let key: Substring
            let rest: Substring
            if t.first == "\"" {
                guard let close = t.dropFirst().firstIndex(of: "\"") else { continue }
                key = t[t.index(after: t.startIndex)..<close]
                rest = t[t.index(after: close)...]
            } else {
                let end = t.firstIndex(where: { $0 == " " || $0 == "\t" || $0 == "=" }) ?? t.endIndex
                key = t[..<end]
                rest = t[end...]
            }
            guard !key.isEmpty, rest.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("="),
                  result[String(key)] == nil else { continue }
            result[String(key)] = i + 1
        }
        return result
    }

    static func lineOf(_ key: String, in contents: String) -> Int? {
        for (i, line) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let t = line.drop(while: { $0 == " " || $0 == "\t" })
            for candidate in [key, "\"\(key)\""] where t.hasPrefix(candidate) {
                if t.dropFirst(candidate.count).drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("=") { return i + 1 }
            }
        }
        return nil
    }
}
