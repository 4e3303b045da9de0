import Foundation
import LeadTopCore
import TOMLKit

/// The parsed contents of `config.toml`. Every field is optional; profiles override the top level.
///
/// ```toml
/// default_profile = "work"
/// theme = "nord"
/// allow_insecure_http = false
/// [poll]                       # seconds; 0 turns a poller off
/// feed = 2
/// [profiles.work]
/// api_key_command = "pass show leados"
/// api_url = "https://api.leados.net"
/// ```
public struct ConfigFile: Sendable {
    public struct Settings: Sendable, Hashable {
        public var apiKey: String?
        public var apiKeyCommand: String?
        public var apiURL: String?
        public var theme: String?
        public var allowInsecureHTTP: Bool?
        public var poll: [String: Double] = [:]
        public var webhookPort: Int?
        public var webhookPublicURL: String?
        /// Capture the mouse at start (`m` toggles it at run time).
        public var mouse: Bool?
    }

    /// Keys a profile (or the top level) may set.
    static let settingsKeys = ["api_key", "api_key_command", "api_url", "theme", "allow_insecure_http", "poll",
                               "webhook_port", "webhook_public_url", "mouse"]
    /// Keys only the top level may set.
    static let topLevelKeys = ["default_profile", "profiles", "keys", "notify", "rating"]
    static let pollKeys = Resource.allCases.map(\.name)

    public var path: String
    public var defaultProfile: String?
    public var base = Settings()
    public var profiles: [String: Settings] = [:]
    /// `[keys]`: action name → key names, in file order, with the line of each.
    public var keys: [(action: String, keys: [String], line: Int?)] = []
    /// `[notify]`: nothing notifies without it.
    public var notify = NotifyRules()
    /// `[rating] advance`: after a rating, select the next unrated lead (nil: the default, on).
    public var ratingAdvance: Bool?
    /// Unknown keys, each with its file, line and the nearest known key: typos are reported, not
    /// silently ignored (a wrong type stays an error).
    public var warnings: [String] = []

    /// Parses TOML text; `path` is only used in error messages.
    public init(text: String, path: String) throws(ConfigError) {
        self.path = path
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let line = error.source.begin.line
            throw .syntax(path: path, line: line, column: error.source.begin.column,
                          key: Self.keyOnLine(line, in: text), message: error.description)
        } catch {
            throw .syntax(path: path, line: 0, column: 0, key: nil, message: String(describing: error))
        }
        let locate = { (key: String, section: String?) in Self.line(of: key, section: section, in: text) }
        var warnings: [String] = []
        func checkKeys(_ table: TOMLTable, known: [String], section: String?) {
            for key in table.keys.sorted() where !known.contains(key) {
                let at = locate(key, section).map { "\(path):\($0)" } ?? path
                let suggestion = NearestName.suggest(key, among: known).map { ": did you mean `\($0)`?" } ?? " (ignored)"
                warnings.append("\(at): unknown key `\(Self.qualified(key, section))`\(suggestion)")
            }
        }
        checkKeys(table, known: Self.topLevelKeys + Self.settingsKeys, section: nil)
        if let poll = table["poll"]?.table { checkKeys(poll, known: Self.pollKeys, section: "poll") }
        if let notify = table["notify"]?.table { checkKeys(notify, known: Self.notifyKeys, section: "notify") }
        if let rating = table["rating"]?.table { checkKeys(rating, known: Self.ratingKeys, section: "rating") }
        for name in (table["profiles"]?.table?.keys ?? []).sorted() {
            guard let profile = table["profiles"]?.table?[name]?.table else { continue }
            checkKeys(profile, known: Self.settingsKeys, section: "profiles.\(name)")
            if let poll = profile["poll"]?.table { checkKeys(poll, known: Self.pollKeys, section: "profiles.\(name).poll") }
        }
        self.warnings = warnings
        if let value = table["keys"] {
            guard let keysTable = value.table else {
                throw .invalidValue(path: path, line: locate("keys", nil), key: "keys", expected: "a table such as [keys] pause = \"P\"")
            }
            for action in keysTable.keys {
                let line = locate(action, "keys")
                let value = keysTable[action]
                if let one = value?.string {
                    keys.append((action, [one], line))
                } else if let many = value?.array, many.allSatisfy({ $0.string != nil }) {
                    keys.append((action, many.compactMap(\.string), line))
                } else {
                    throw .invalidValue(path: path, line: line, key: "keys.\(action)", expected: "a key name or a list of key names")
                }
            }
            keys.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        }
        if let value = table["notify"] {
            guard let notifyTable = value.table else {
                throw .invalidValue(path: path, line: locate("notify", nil), key: "notify", expected: "a table such as [notify] bell = true")
            }
            notify = try Self.notifyRules(notifyTable, path: path, locate: locate)
        }
        if let value = table["rating"] {
            ratingAdvance = try Self.ratingAdvance(value, path: path, locate: locate)
        }
        defaultProfile = try Self.string(table, "default_profile", section: nil, path: path, locate: locate)
        base = try Self.settings(table, section: nil, path: path, locate: locate)
        if let profilesValue = table["profiles"] {
            guard let profilesTable = profilesValue.table else {
                throw .invalidValue(path: path, line: locate("profiles", nil), key: "profiles", expected: "a table of [profiles.NAME] tables")
            }
            for name in profilesTable.keys {
                guard let p = profilesTable[name]?.table else {
                    throw .invalidValue(path: path, line: locate(name, "profiles"), key: "profiles.\(name)", expected: "a table")
                }
                profiles[name] = try Self.settings(p, section: "profiles.\(name)", path: path, locate: locate)
            }
        }
    }

    private static func settings(_ t: TOMLTable, section: String?, path: String,
                                 locate: (String, String?) -> Int?) throws(ConfigError) -> Settings {
        var s = Settings()
        s.apiKey = try string(t, "api_key", section: section, path: path, locate: locate)
        s.apiKeyCommand = try string(t, "api_key_command", section: section, path: path, locate: locate)
        s.apiURL = try string(t, "api_url", section: section, path: path, locate: locate)
        s.theme = try string(t, "theme", section: section, path: path, locate: locate)
        if let v = t["allow_insecure_http"] {
            guard let b = v.bool else {
                throw .invalidValue(path: path, line: locate("allow_insecure_http", section),
                                    key: qualified("allow_insecure_http", section), expected: "true or false")
            }
            s.allowInsecureHTTP = b
        }
        if let v = t["poll"] {
            let pollSection = qualified("poll", section)
            guard let poll = v.table else {
                throw .invalidValue(path: path, line: locate("poll", section), key: pollSection, expected: "a table")
            }
            for key in poll.keys {
                let value = poll[key]
                guard let seconds = value?.double ?? value?.int.map(Double.init), seconds >= 0, seconds <= 86_400 else {
                    throw .invalidValue(path: path, line: locate(key, pollSection), key: "\(pollSection).\(key)",
                                        expected: "a number of seconds between 0 and 86400")
                }
                s.poll[key] = seconds
            }
        }
        if let v = t["webhook_port"] {
            guard let port = v.int, (0...65_535).contains(port) else {
                throw .invalidValue(path: path, line: locate("webhook_port", section),
                                    key: qualified("webhook_port", section), expected: "a port number 0–65535")
            }
            s.webhookPort = port
        }
        s.webhookPublicURL = try string(t, "webhook_public_url", section: section, path: path, locate: locate)
        if let v = t["mouse"] {
            guard let b = v.bool else {
                throw .invalidValue(path: path, line: locate("mouse", section), key: qualified("mouse", section), expected: "true or false")
            }
            s.mouse = b
        }
        return s
    }

    private static func string(_ t: TOMLTable, _ key: String, section: String?, path: String,
                               locate: (String, String?) -> Int?) throws(ConfigError) -> String? {
        guard let v = t[key] else { return nil }
        guard let s = v.string else {
            throw .invalidValue(path: path, line: locate(key, section), key: qualified(key, section), expected: "a string")
        }
        return s
    }

    private static func qualified(_ key: String, _ section: String?) -> String {
        section.map { "\($0).\(key)" } ?? key
    }

    /// The 1-based line where `key = …` appears inside `[section]` (or before any table when nil).
    /// TOMLKit does not keep source positions of values, so errors about a value find it here.
    static func line(of key: String, section: String?, in text: String) -> Int? {
        var current: String? = nil
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                current = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] ")).replacingOccurrences(of: "\"", with: "")
                continue
            }
            if current == section, keyOnLine(line) == key { return index + 1 }
            if current == nil, let section, keyOnLine(line) == "\(section).\(key)" { return index + 1 }
        }
        if let section, let dot = section.lastIndex(of: ".") {
            return self.line(of: String(section[section.index(after: dot)...]), section: String(section[..<dot]), in: text)
        }
        return section == nil ? nil : self.line(of: section!, section: nil, in: text)
    }

    static func keyOnLine(_ number: Int, in text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard number >= 1, number <= lines.count else { return nil }
        return keyOnLine(lines[number - 1].trimmingCharacters(in: .whitespaces))
    }

    private static func keyOnLine(_ line: String) -> String? {
        guard let eq = line.firstIndex(of: "="), !line.hasPrefix("#") else { return nil }
        let key = line[..<eq].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\"", with: "")
        return key.isEmpty ? nil : key
    }
}
