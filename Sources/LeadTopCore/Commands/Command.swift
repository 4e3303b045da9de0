import Foundation

/// A line typed at the `:` prompt. Every action of the key table is a command by its name
/// (`:refresh`, `:next_pane`), so a key and a command take one path; a few take an argument.
public enum Command: Sendable, Hashable {
    /// A key-table action, exactly as its key would perform it.
    case action(KeyAction)
    /// Select the campaign (name or id) and ask to pause it.
    case pause(String)
    /// Select the campaign (name or id) and ask to resume it.
    case resume(String)
    /// Apply a feed filter, as `/` does; empty clears it.
    case filter(String)
    /// Narrow the feed and stats to a campaign, or `all`.
    case scope(String)
    /// Switch the colour theme (a shipped or user theme, or a path).
    case theme(String)
    /// Suppress every address in a file (one a line); without a path, `:suppress` is the `s` key.
    case suppressFile(String)
    /// Switch to a profile of the config; without a name, pick one.
    case profile(String?)

    /// The days the stats cover (`:range 90d`), as `[` and `]` step through them.
    case range(StatsRange)
    /// Export the feed view to this file, as Enter in the `x` prompt does.
    case export(String)

    /// Commands that take an argument, and what completes it.
    public enum ArgumentKind: Sendable { case campaign, theme, profile, text, path, range }

    /// Commands with an argument, in the order completion offers them.
    public static let withArgument: [(name: String, kind: ArgumentKind)] = [
        ("pause", .campaign), ("resume", .campaign), ("scope", .campaign), ("filter", .text), ("theme", .theme),
        ("profile", .profile),
        ("export", .path),
        ("range", .range),
    ]

    /// Short names people type from vim and k9s.
    public static let aliases: [String: KeyAction] = ["q": .quit, "quit": .quit, "help": .help]

    /// Every command name, for completion: the ones with arguments, then the key table's actions.
    public static var names: [String] {
        var names = withArgument.map(\.name)
        for action in KeyAction.allCases where action != .command && !names.contains(action.rawValue) {
            names.append(action.rawValue)
        }
        return names
    }

    /// What is wrong with a command line, in words for the status bar.
    public enum ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        case unknown(String, suggestion: String?)
        case missingArgument(String)
        case unexpectedArgument(String)
        case invalidRange(String)

        public var description: String {
            switch self {
            case .unknown(let name, let suggestion):
                return "unknown command :\(name)" + (suggestion.map { " (did you mean :\($0)?)" } ?? "")
            case .missingArgument(let name):
                return ":\(name) needs " + (name == "theme" ? "a theme name" : "a campaign name or id")
            case .unexpectedArgument(let name): return ":\(name) takes no argument"
            case .invalidRange(let text):
                let names = StatsRange.allCases.map(\.name).joined(separator: ", ")
                return text.isEmpty ? ":range needs a number of days: \(names)"
                    : ":range \(text): the stats range is one of \(names) (LeadOS gives at most 90 days)"
            }
        }
    }

    /// Parses `name [argument…]`; the argument is the rest of the line (names have spaces).
    public static func parse(_ line: String) -> Result<Command, ParseError> {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        let name = String(trimmed.prefix { $0 != " " })
        let argument = String(trimmed.dropFirst(name.count)).trimmingCharacters(in: .whitespaces)
        switch name {
        case "pause", "resume", "scope", "theme":
            guard !argument.isEmpty else { return .failure(.missingArgument(name)) }
            switch name {
            case "pause": return .success(.pause(argument))
            case "resume": return .success(.resume(argument))
            case "scope": return .success(.scope(argument))
            default: return .success(.theme(argument))
            }
        case "filter":
            return .success(.filter(argument))
        case "suppress" where !argument.isEmpty:
            return .success(.suppressFile(argument))
        case "profile":
            return .success(.profile(argument.isEmpty ? nil : argument))
        case "export":
            // Without a path, `:export` is the key's action: the prompt with the default path.
            return .success(argument.isEmpty ? .action(.export) : .export(argument))
        case "range":
            guard let range = StatsRange.parse(argument) else { return .failure(.invalidRange(argument)) }
            return .success(.range(range))
        default:
            guard let action = aliases[name] ?? KeyAction(rawValue: name), action != .command else {
                return .failure(.unknown(name, suggestion: NearestName.suggest(name, among: names)))
            }
            guard argument.isEmpty else { return .failure(.unexpectedArgument(name)) }
            return .success(.action(action))
        }
    }
}
