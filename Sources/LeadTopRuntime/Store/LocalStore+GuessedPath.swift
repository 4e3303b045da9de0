import Foundation

extension LocalStore {
    /// The state database the dashboard's arguments will open, guessed before they are parsed, so
    /// the cache can be read while they are (`CacheReadAhead(early:firstFeedPage:)`): the profile
    /// of `--profile NAME`, `--profile=NAME` or `LEADTOP_PROFILE`, else the default one. Nil when
    /// the arguments ask for help, the version, completions or the demo (a new temporary
    /// database). A config file's `default_profile` is not read: that guess comes out wrong, and
    /// the store then reads the cache itself, as it would have anyway.
    public static func guessedPath(dashboardArguments arguments: [String], environment: [String: String]) -> String? {
        var profile = environment["LEADTOP_PROFILE"].flatMap { $0.isEmpty ? nil : $0 }
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--demo", "--help", "-h", "--version", "--generate-completion-script", "--experimental-dump-help":
                return nil
            case "--profile":
                guard index + 1 < arguments.count else { return nil }
                profile = arguments[index + 1]
                index += 1
            default:
                if argument.hasPrefix("--profile=") { profile = String(argument.dropFirst("--profile=".count)) }
            }
            index += 1
        }
        return path(profile: profile, environment: environment)
    }
}
