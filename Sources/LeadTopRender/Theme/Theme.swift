/// Styles by role. A role whose background is `.default` is drawn on the screen background
/// (`text`'s), so light themes do not show holes of the terminal's own background.
public struct Theme: Sendable, Hashable {
    public var name: String
    private var styles: [Style]

    public init(name: String, styles: [ThemeRole: Style], fallback: Theme? = nil) {
        self.name = name
        self.styles = ThemeRole.allCases.map { styles[$0] ?? fallback?.raw($0) ?? .plain }
    }

    /// The resolved style of a role.
    public subscript(role: ThemeRole) -> Style {
        var style = styles[role.rawValue]
        if style.bg == .default { style.bg = styles[ThemeRole.text.rawValue].bg }
        return style
    }

    /// The style as written, without the background fallback.
    public func raw(_ role: ThemeRole) -> Style { styles[role.rawValue] }

    public mutating func set(_ role: ThemeRole, _ style: Style) { styles[role.rawValue] = style }
}
