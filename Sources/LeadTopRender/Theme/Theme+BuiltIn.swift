/// The default and monochrome themes, parsed from the text `scripts/embed-themes` copies out of
/// `themes/*.toml` into the binary, so it works without the themes folder (a test checks the copy).
extension Theme {
    /// The dark default theme's TOML, as shipped in `themes/default.toml`.
    public static var defaultTOML: String { shippedSources["default"] ?? "" }

    /// The `NO_COLOR` theme's TOML, as shipped in `themes/mono.toml`.
    public static var monoTOML: String { shippedSources["mono"] ?? "" }

    /// The dark default theme; also the fallback for roles a theme file leaves out.
    public static let `default`: Theme = builtIn("default.toml", defaultTOML)

    /// For `NO_COLOR`: focus and selection show through bold, reverse and underline only.
    public static let mono: Theme = builtIn("mono.toml", monoTOML)

    private static func builtIn(_ name: String, _ contents: String) -> Theme {
        do {
            return try parse(path: "<built-in \(name)>", contents: contents, fallback: Theme(name: "plain", styles: [:]))
        } catch {
            preconditionFailure("built-in theme does not parse: \(error)")
        }
    }
}
