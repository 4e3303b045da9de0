extension Theme {
    /// Names of the themes built into the binary, sorted.
    public static var shippedNames: [String] { shippedSources.keys.sorted() }

    /// A shipped theme by name, or nil when there is none by that name.
    public static func shipped(named name: String) throws(ThemeError) -> Theme? {
        guard let source = shippedSources[name] else { return nil }
        return try parse(path: "themes/\(name).toml", contents: source)
    }
}
