import Foundation
import LeadOSContract
import LeadTopRender

/// Finds the theme the user asked for, before the screen is taken, so a bad theme file is
/// reported as a plain error naming the file, line and key.
/// Why `:theme` could not load a theme, in one line for the status bar.
public struct ThemeLoadFailure: Error, Sendable {
    public var message: String
    public init(message: String) { self.message = message }
}

public enum ThemeLocator {
    public struct NotFound: Error, CustomStringConvertible {
        public var name: String
        public var searched: [String]
        public var description: String {
            "no theme named \"\(name)\": not at \(searched.joined(separator: ", ")), and not one of the shipped themes (\(Theme.shippedNames.joined(separator: ", ")))"
        }
    }

    /// `NO_COLOR` wins; then a path (anything with a `/` or ending in `.toml`); then a user theme in
    /// `$XDG_CONFIG_HOME/leadtop/themes/NAME.toml`; then the themes shipped in the binary.
    /// The theme, and warnings about unknown keys in a theme file (printed before the screen).
    public static func theme(named requested: String?, environment: [String: String]) throws -> (theme: Theme, warnings: [String]) {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return (.mono, []) }
        guard let name = requested, !name.isEmpty else { return (.default, []) }
        if name.contains("/") || name.hasSuffix(".toml") {
            return try load(path: name)
        }
        let userPath = userThemesDirectory(environment: environment).appendingPathComponent("\(name).toml").path
        if FileManager.default.fileExists(atPath: userPath) {
            return try load(path: userPath)
        }
        if let shipped = try Theme.shipped(named: name) { return (shipped, []) }
        throw NotFound(name: name, searched: [userPath])
    }

    /// The lookup `:theme` uses: the same as at start, as a one-line failure for the status bar.
    public static func loader(environment: [String: String]) -> @Sendable (String) -> Result<Theme, ThemeLoadFailure> {
        { name in
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
                return .failure(ThemeLoadFailure(message: "NO_COLOR is set, so colours stay off"))
            }
            do {
                return .success(try theme(named: name, environment: environment).theme)
            } catch {
                return .failure(ThemeLoadFailure(message: TextSanitizer.oneLine(String(describing: error), max: 200)))
            }
        }
    }

    /// The names `:theme` completes: the shipped themes and the user's, sorted, once each.
    public static func names(environment: [String: String]) -> [String] {
        let directory = userThemesDirectory(environment: environment)
        let user = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }
        return Array(Set(Theme.shippedNames + user)).sorted()
    }

    static func userThemesDirectory(environment: [String: String]) -> URL {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".config")
        return base.appendingPathComponent("leadtop/themes")
    }

    private static func load(path: String) throws -> (theme: Theme, warnings: [String]) {
        let contents: String
        do {
            contents = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ThemeError(path: path, line: nil, message: "cannot read the theme file (\(error.localizedDescription))")
        }
        return try Theme.parseReportingUnknownKeys(path: path, contents: contents)
    }
}
