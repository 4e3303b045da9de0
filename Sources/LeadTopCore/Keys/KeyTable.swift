/// The one table of key bindings: dispatch (`reduce`), the `?` overlay, the status bar's hints and
/// the README's key table all come from it, so a binding added here appears in all four. The
/// user's `[keys]` overrides replace an action's keys before anything reads the table.
public struct KeyTable: Sendable, Hashable {
    public enum Group: String, Sendable, Hashable, CaseIterable {
        case move = "Move", act = "Act", view = "View"
    }

    public struct Binding: Sendable, Hashable {
        public var action: KeyAction
        public var keys: [Key]
        /// What the help says it does.
        public var help: String
        public var group: Group
        /// Changes data in LeadOS, so it is disabled in read-only mode.
        public var writes: Bool
        /// Also works while the lead card is open (it acts on the lead shown).
        public var onLeadCard: Bool
        /// Bindings with the same row share one line of the help (`j k ↓ ↑  down / up`); the row's
        /// text is the first one's `help`.
        public var row: String?
        /// The longer explanation the README gives.
        public var detail: String?

        public init(_ action: KeyAction, _ keys: [Key], _ help: String, group: Group, writes: Bool = false,
                    onLeadCard: Bool = false, row: String? = nil, detail: String? = nil) {
            self.action = action; self.keys = keys; self.help = help; self.group = group
            self.writes = writes; self.onLeadCard = onLeadCard; self.row = row; self.detail = detail
        }

        /// `j k ↓ ↑` as the help and README show the keys.
        public var keyNames: String { keys.map(KeyName.display).joined(separator: " ") }
    }

    public private(set) var bindings: [Binding]
    private var lookup: [Key: KeyAction]
    /// The status bar's hints, made once: the status bar shows them every frame.
    private let writableHints: String
    private let readOnlyHints: String

    public init(_ bindings: [Binding]) {
        self.bindings = bindings
        var lookup: [Key: KeyAction] = [:]
        for binding in bindings { for key in binding.keys where lookup[key] == nil { lookup[key] = binding.action } }
        self.lookup = lookup
        writableHints = Self.hints(bindings, readOnly: false)
        readOnlyHints = Self.hints(bindings, readOnly: true)
    }

    public func action(for key: Key) -> KeyAction? { lookup[key] }

    public func binding(_ action: KeyAction) -> Binding? { bindings.first { $0.action == action } }

    /// The status bar's hints, with the user's keys: `?:help /:filter p:pause +/-:rate …`.
    public func hints(readOnly: Bool) -> String { readOnly ? readOnlyHints : writableHints }

    private static func hints(_ bindings: [Binding], readOnly: Bool) -> String {
        func binding(_ action: KeyAction) -> Binding? { bindings.first { $0.action == action } }
        let list: [([KeyAction], String)] = readOnly
            ? [([.help], "help"), ([.filter], "filter"), ([.open], "open"), ([.refresh], "refresh"), ([.quit], "quit")]
            : [([.help], "help"), ([.filter], "filter"), ([.pause], "pause"), ([.rateGood, .rateBad], "rate"),
               ([.suppress], "suppress"), ([.quit], "quit")]
        return list.compactMap { (actions: [KeyAction], label: String) -> String? in
            let keys = actions.compactMap { binding($0)?.keys.first.map(KeyName.display) }
            return keys.isEmpty ? nil : "\(keys.joined(separator: "/")):\(label)"
        }.joined(separator: " ")
    }

    /// One line of the help or the README: the keys of one binding, or of several sharing a row.
    public struct HelpRow: Sendable, Hashable {
        public var keys: String
        public var help: String
        public var detail: String
        public var writes: Bool

        public init(keys: String, help: String, detail: String, writes: Bool) {
            self.keys = keys; self.help = help; self.detail = detail; self.writes = writes
        }
    }

    /// The help's lines for a group, bindings that share a row merged.
    public func rows(_ group: Group) -> [HelpRow] {
        var rows: [HelpRow] = []
        var lastRow: String?
        for binding in bindings where binding.group == group {
            if let row = binding.row, row == lastRow {
                rows[rows.count - 1].keys += " " + binding.keyNames
                continue
            }
            lastRow = binding.row
            rows.append(HelpRow(keys: binding.keyNames, help: binding.help, detail: binding.detail ?? binding.help,
                                writes: binding.writes))
        }
        // The five pane numbers read better as a range.
        for i in rows.indices where rows[i].keys == "1 2 3 4 5" { rows[i].keys = "1–5" }
        return rows
    }

    /// The README's key table, so the README cannot drift from the keys (a test compares them).
    public var markdown: String {
        var lines = ["| Key | Action |", "|---|---|"]
        for group in Group.allCases {
            for row in rows(group) {
                let keys = row.keys.split(separator: " ").map { "`\($0)`" }.joined(separator: " ")
                lines.append("| \(keys) | \(row.detail)\(row.writes ? " *" : "") |")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The default bindings. Appended one by one: one literal of them all is slow to type-check.
    public static let standard: KeyTable = {
        var b: [Binding] = []
        b.append(Binding(.nextPane, [Key.tab], "next / previous pane", group: .move, row: "panes"))
        b.append(Binding(.previousPane, [Key.backtab], "previous pane", group: .move, row: "panes"))
        b.append(Binding(.focusCampaigns, [Key.char("1")], "focus pane by number", group: .move, row: "focus",
                         detail: "focus Campaigns, Live lead feed, Delivery stats, Credits, Feedback"))
        b.append(Binding(.focusFeed, [Key.char("2")], "focus Live lead feed", group: .move, row: "focus"))
        b.append(Binding(.focusStats, [Key.char("3")], "focus Delivery stats", group: .move, row: "focus"))
        b.append(Binding(.focusCredits, [Key.char("4")], "focus Credits", group: .move, row: "focus"))
        b.append(Binding(.focusFeedback, [Key.char("5")], "focus Feedback", group: .move, row: "focus"))
        b.append(Binding(.down, [Key.char("j"), Key.down], "down / up", group: .move, onLeadCard: true, row: "updown",
                         detail: "move down / up in the focused list"))
        b.append(Binding(.up, [Key.char("k"), Key.up], "up", group: .move, onLeadCard: true, row: "updown"))
        b.append(Binding(.first, [Key.char("g"), Key.home], "first / last row", group: .move, onLeadCard: true, row: "ends"))
        b.append(Binding(.last, [Key.char("G"), Key.end], "last row", group: .move, onLeadCard: true, row: "ends"))
        b.append(Binding(.pageUp, [Key.pageUp], "page up / down", group: .move, onLeadCard: true, row: "pages"))
        b.append(Binding(.pageDown, [Key.pageDown], "page down", group: .move, onLeadCard: true, row: "pages"))
        b.append(Binding(.pause, [Key.char("p")], "pause/resume (y/N)", group: .act, writes: true,
                         detail: "pause (active), resume (paused) or launch (draft, with its cost per lead) the selected campaign, after a `y/N` confirmation"))
        b.append(Binding(.createCampaign, [Key.char("c")], "new campaign (form)", group: .act, writes: true,
                         detail: "new campaign: a form of its fields, checked before sending; `Tab` moves, `Enter` saves, `Esc` asks before discarding"))
        b.append(Binding(.editCampaign, [Key.char("e")], "edit campaign (form)", group: .act, writes: true,
                         detail: "edit the selected campaign in the same form; only the changed fields are sent"))
        b.append(Binding(.editInEditor, [Key.char("E")], "edit in $EDITOR", group: .act, writes: true,
                         detail: "edit the selected campaign in `$VISUAL`/`$EDITOR` as a commented TOML document; a problem or a refusal opens it again with the reason on top"))
        b.append(Binding(.rateGood, [Key.char("+")], "rate lead good", group: .act, writes: true, onLeadCard: true,
                         detail: "rate the selected lead good"))
        b.append(Binding(.rateBad, [Key.char("-")], "rate bad, reason 1–6", group: .act, writes: true, onLeadCard: true,
                         detail: "rate it bad: pick the reason with `1`–`6` (invalid email, wrong person, not ICP, no intent, "
                            + "duplicate, other); `n` adds a note; `Esc` cancels"))
        b.append(Binding(.note, [Key.char("n")], "note on a rating", group: .act, writes: true, onLeadCard: true,
                         detail: "edit the note on an already rated lead"))
        b.append(Binding(.suppress, [Key.char("s")], "suppress email (y/N)", group: .act, writes: true, onLeadCard: true,
                         detail: "suppress the selected lead's email, after a `y/N` confirmation"))
        b.append(Binding(.suppressView, [Key.char("S")], "suppress view (y/N)", group: .act, writes: true,
                         detail: "suppress every email of the filtered feed, after a `y/N` confirmation that shows the count "
                            + "(batches of 1,000; `:suppress FILE` takes a file of addresses)"))
        b.append(Binding(.copyEmail, [Key.char("y")], "copy email / menu", group: .act, onLeadCard: true, row: "copy",
                         detail: "copy the selected lead's email to the clipboard; `Y` picks its phone, LinkedIn URL, the whole "
                            + "lead as JSON, or a vCard (OSC 52: over SSH too, and in tmux with `set-clipboard on`)"))
        b.append(Binding(.copyMenu, [Key.char("Y")], "copy…", group: .act, onLeadCard: true, row: "copy"))
        b.append(Binding(.openLink, [Key.char("o")], "open LinkedIn", group: .act, onLeadCard: true,
                         detail: "open the lead's LinkedIn page in the browser (`$BROWSER`, else `xdg-open` or `open`)"))
        b.append(Binding(.open, [Key.enter], "lead card / scope", group: .view,
                         detail: "feed: open the lead card (every field, intent summary and LinkedIn included; `j`/`k` browse, "
                            + "`Esc` closes). Campaigns: scope the feed and stats to that campaign"))
        b.append(Binding(.campaignDetail, [Key.char("i")], "campaign details", group: .view,
                         detail: "campaign details: targeting, minimum score, enrichment, caps, status and totals "
                            + "(also `Enter` on the campaign the feed is scoped to)"))
        b.append(Binding(.allCampaigns, [Key.char("a")], "all campaigns", group: .view, detail: "all campaigns (clear the scope)"))
        b.append(Binding(.filter, [Key.char("/")], "filter: text score>80", group: .view,
                         detail: "filter the feed: text (name, title, company, domain, industry, geography, email) and "
                            + "`score>80` `score>=80` `score<50` `score<=50` `score=90`; `Enter` applies"))
        b.append(Binding(.clear, [Key.esc], "clear filter / scope", group: .view, detail: "clear the filter, then the scope"))
        b.append(Binding(.refresh, [Key.char("R")], "refresh now", group: .view, onLeadCard: true,
                         detail: "refresh everything now (with a refused key: read the key again and check it)"))
        b.append(Binding(.details, [Key.char("d")], "connection details", group: .view,
                         detail: "connection details: the LeadOS URL, where the key came from, every failing request with "
                            + "LeadOS's whole error and request id"))
        b.append(Binding(.mouse, [Key.char("m")], "mouse on / off", group: .view,
                         detail: "mouse capture on / off (off: the terminal selects text without Shift)"))
        b.append(Binding(.notifications, [Key.char("N")], "notifications", group: .view,
                         detail: "the recent notifications (`[notify]` in the config says what notifies)"))
        b.append(Binding(.export, [Key.char("x")], "export to CSV / JSONL", group: .view,
                         detail: "export the feed as it is filtered and scoped, every matching lead LeadOS has, to a "
                            + "file (default `~/leadtop-leads-YYYYMMDD-HHMM.csv`; `.jsonl` writes JSON lines); the rows "
                            + "`leadtop leads --format csv` prints for the same filter"))
        b.append(Binding(.command, [Key.char(":")], "command prompt", group: .view,
                         detail: "command prompt: `:pause NAME`, `:resume NAME`, `:scope NAME` (or `all`), `:filter TEXT`, "
                            + "`:theme NAME`, `:profile NAME`, `:export PATH`, `:q`, or any action of this table by its name; "
                            + "`Tab` completes, `↑`/`↓` "
                            + "recall earlier commands"))
        b.append(Binding(.help, [Key.char("?")], "this help", group: .view, detail: "help overlay"))
        b.append(Binding(.quit, [Key.char("q"), Key.ctrl("c")], "quit", group: .view))
        appendRatingQueue(to: &b)
        appendSort(to: &b)
        return KeyTable(b)
    }()
}

extension KeyTable {
    /// The rating queue (`u`, `z`) and the stats range (`[`, `]`).
    private static func appendRatingQueue(to b: inout [Binding]) {
        b.append(Binding(.undoRating, [Key.char("z")], "undo last rating", group: .act, writes: true, onLeadCard: true,
                         detail: "undo the last rating: taken out of the outbox while it has not been sent, otherwise "
                            + "the lead's previous rating is sent again (a first rating: the opposite one; bad asks the "
                            + "reason); the status bar says which"))
        b.append(Binding(.unratedOnly, [Key.char("u")], "unrated only on / off", group: .view,
                         detail: "feed: unrated leads only, on / off (the status bar shows it); `+` and `-` then move to "
                            + "the next unrated lead (`[rating] advance`)"))
        b.append(Binding(.shorterRange, [Key.char("[")], "stats range 7–90 days", group: .view, row: "range",
                         detail: "stats range: 7, 14, 30, 60 or 90 days"))
        b.append(Binding(.longerRange, [Key.char("]")], "longer stats range", group: .view, row: "range"))
    }

    /// Sorting the focused table (`<`, `>`, `r`).
    private static func appendSort(to b: inout [Binding]) {
        b.append(Binding(.sortPrevious, [Key.char("<")], "sort: previous / next", group: .view, row: "sort",
                         detail: "sort the focused table (feed or campaigns) by the previous / next visible column; the "
                            + "header marks it (`SCR▼`). The feed is sorted by the cache, over every lead it holds"))
        b.append(Binding(.sortNext, [Key.char(">")], "sort by next column", group: .view, row: "sort"))
        b.append(Binding(.sortReverse, [Key.char("r")], "reverse the sort", group: .view,
                         detail: "reverse the focused table's sort"))
    }

    /// What is wrong with a `[keys]` override; the config reader adds the file and line.
    public enum OverrideError: Error, Sendable, Hashable {
        case unknownAction(String, suggestion: String?)
        case unknownKey(action: String, key: String)
        case noKeys(action: String)
        case conflict(key: String, actions: [String])
    }

    /// The table with each named action's keys replaced. A key taken from another action by an
    /// override is removed there; two overrides claiming one key, or an action left without any
    /// key, are conflicts.
    public func overriding(_ overrides: [(action: String, keys: [String])]) throws(OverrideError) -> KeyTable {
        var replaced: [KeyAction: [Key]] = [:]
        for (name, names) in overrides {
            guard let action = KeyAction(rawValue: name) else {
                throw .unknownAction(name, suggestion: NearestName.suggest(name, among: KeyAction.allCases.map(\.rawValue)))
            }
            guard !names.isEmpty else { throw .noKeys(action: name) }
            var keys: [Key] = []
            for text in names {
                guard let key = KeyName.parse(text) else { throw .unknownKey(action: name, key: text) }
                keys.append(key)
            }
            replaced[action] = keys
        }
        var owners: [Key: KeyAction] = [:]
        for (action, keys) in replaced.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            for key in keys {
                if let other = owners[key], other != action {
                    throw .conflict(key: KeyName.display(key), actions: [other.rawValue, action.rawValue].sorted())
                }
                owners[key] = action
            }
        }
        var result = bindings
        for index in result.indices {
            if let keys = replaced[result[index].action] {
                result[index].keys = keys
                continue
            }
            let original = result[index].keys
            result[index].keys.removeAll { owners[$0] != nil }
            if result[index].keys.isEmpty, let taken = original.first, let taker = owners[taken] {
                throw .conflict(key: KeyName.display(taken), actions: [result[index].action.rawValue, taker.rawValue].sorted())
            }
        }
        return KeyTable(result)
    }
}

extension KeyTable.OverrideError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .unknownAction(let name, let suggestion):
            if let suggestion { return "unknown action `\(name)`: did you mean `\(suggestion)`?" }
            return "unknown action `\(name)` (actions: \(KeyAction.allCases.map(\.rawValue).joined(separator: ", ")))"
        case .unknownKey(let action, let key):
            return "keys.\(action): \"\(key)\" is not a key name (a character, or ctrl-x, enter, esc, tab, shift-tab, "
                + "up, down, left, right, pgup, pgdn, home, end, space, f1…f12)"
        case .noKeys(let action):
            return "keys.\(action): an action needs at least one key"
        case .conflict(let key, let actions):
            return "key \(key) is bound to both \(actions.joined(separator: " and "))"
        }
    }
}
