/// The key bindings, as the help overlay and the README list them. `reduce` implements them.
public enum Keymap {
    public struct Binding: Sendable, Hashable {
        public var keys: String
        public var action: String
        /// Changes data in LeadOS, so it is disabled in read-only mode.
        public var writes: Bool

        public init(_ keys: String, _ action: String, writes: Bool = false) {
            self.keys = keys; self.action = action; self.writes = writes
        }
    }

    public struct Section: Sendable, Hashable {
        public var title: String
        public var bindings: [Binding]
    }

    public static let sections: [Section] = [
        Section(title: "Move", bindings: [
            Binding("Tab S-Tab", "next / previous pane"),
            Binding("1–5", "focus pane by number"),
            Binding("j k ↓ ↑", "down / up"),
            Binding("g G Home End", "first / last row"),
            Binding("PgUp PgDn", "page up / down"),
            Binding("mouse", "click selects, wheel"),
        ]),
        Section(title: "Act", bindings: [
            Binding("p", "pause/resume (y/N)", writes: true),
            Binding("+", "rate lead good", writes: true),
            Binding("-", "rate bad, reason 1–6", writes: true),
            Binding("n", "note on a rating", writes: true),
            Binding("s", "suppress email (y/N)", writes: true),
        ]),
        Section(title: "View", bindings: [
            Binding("Enter", "lead card / scope"),
            Binding("a", "all campaigns"),
            Binding("/", "filter: text score>80"),
            Binding("Esc", "clear filter / scope"),
            Binding("R", "refresh now"),
            Binding("d", "connection details"),
            Binding("m", "mouse on / off"),
            Binding("?", "this help"),
            Binding("q Ctrl-C", "quit"),
        ]),
    ]
}
