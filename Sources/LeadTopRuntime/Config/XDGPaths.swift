import Foundation

/// Where leadtop keeps its files, following the XDG base-directory spec.
public enum XDGPaths {
    /// `$XDG_CONFIG_HOME/leadtop/config.toml`, defaulting to `~/.config/leadtop/config.toml`.
    public static func configFile(environment: [String: String]) -> URL {
        base("XDG_CONFIG_HOME", fallback: ".config", environment: environment)
            .appendingPathComponent("leadtop").appendingPathComponent("config.toml")
    }

    /// `$XDG_STATE_HOME/leadtop/`, defaulting to `~/.local/state/leadtop/`: outbox and cache.
    public static func stateDirectory(environment: [String: String]) -> URL {
        base("XDG_STATE_HOME", fallback: ".local/state", environment: environment).appendingPathComponent("leadtop")
    }

    /// `$XDG_STATE_HOME/leadtop/leadtop.log`: requests (at debug) and connection changes.
    public static func logFile(environment: [String: String]) -> URL {
        stateDirectory(environment: environment).appendingPathComponent("leadtop.log")
    }

    /// The spec says relative values are invalid and must be ignored.
    private static func base(_ variable: String, fallback: String, environment: [String: String]) -> URL {
        if let value = environment[variable], value.hasPrefix("/") { return URL(fileURLWithPath: value) }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(fallback)
    }
}
