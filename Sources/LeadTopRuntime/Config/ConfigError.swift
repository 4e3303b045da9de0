import Foundation

/// Why the configuration could not be resolved. Messages name the file, line and key involved and
/// never contain an API key.
public enum ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case syntax(path: String, line: Int, column: Int, key: String?, message: String)
    case invalidValue(path: String, line: Int?, key: String, expected: String)
    case unknownProfile(name: String, path: String)
    case missingAPIKey
    case invalidAPIURL(String)
    case keyCommandFailed(command: String, reason: String)
    /// The key cannot be a LeadOS key at all; `source` says where it came from.
    case malformedAPIKey(redacted: String, source: String)
    /// A `[keys]` override that cannot apply (unknown action or key name, a conflict).
    case invalidKeys(path: String, line: Int?, message: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "cannot read \(path): \(reason)"
        case .syntax(let path, let line, let column, let key, let message):
            let keyPart = key.map { " (key \($0))" } ?? ""
            return "\(path):\(line):\(column): invalid TOML\(keyPart): \(message)"
        case .invalidValue(let path, let line, let key, let expected):
            let at = line.map { "\(path):\($0)" } ?? path
            return "\(at): key \(key) must be \(expected)"
        case .unknownProfile(let name, let path):
            return "profile \"\(name)\" is not defined in \(path) (add a [profiles.\(name)] table)"
        case .missingAPIKey:
            return "no API key: pass --api-key, set LEADOS_API_KEY, or add api_key (or api_key_command) to the config file"
        case .invalidAPIURL(let url):
            return "invalid API URL \"\(url)\": expected something like https://api.leados.net"
        case .keyCommandFailed(let command, let reason):
            return "api_key_command \"\(command)\" failed: \(reason)"
        case .invalidKeys(let path, let line, let message):
            return "\(line.map { "\(path):\($0)" } ?? path): [keys] \(message)"
        case .malformedAPIKey(let redacted, let source):
            return "the API key from \(source) (\(redacted)) is not a LeadOS key: it must be ldo_live_sk_ followed by "
                + "32 letters or digits. Copy it again from your LeadOS account settings"
        }
    }
}
