import LeadTopCore

/// `?`: every key binding, from the key table the reducer dispatches with (the user's keys, not
/// the defaults), so the list cannot drift from what the keys do.
/// Two columns when they fit (the first two sections left, the rest right), one column when the
/// screen is narrow but tall enough, and two columns with shortened descriptions when it is
/// neither, so every key is always on screen.
enum HelpOverlay {
    static let keyWidth = 14
    static let actionWidth = 22

    /// A titled group of help lines.
    struct Section {
        var title: String
        var rows: [KeyTable.HelpRow]
    }

    static func sections(_ keys: KeyTable) -> [Section] {
        KeyTable.Group.allCases.map { group in
            var rows = keys.rows(group)
            // Not a key, but where a user looks for it.
            if group == .move { rows.append(KeyTable.HelpRow(keys: "mouse", help: "click selects, wheel", detail: "", writes: false)) }
            return Section(title: group.rawValue, rows: rows)
        }
    }

    static func draw(into grid: inout CellGrid, screen: Rect, keys: KeyTable = .standard, readOnly: Bool, demo: Bool = false,
                     theme: Theme) {
        let sections = sections(keys)
        let notes = (demo ? ["Demo: simulated data from a built-in LeadOS simulator"] : [])
            + (readOnly ? ["Read-only: keys marked * are disabled"] : [])
        let extra = notes.count
        func rows(_ s: [Section]) -> Int { s.reduce(0) { $0 + $1.rows.count + 1 } }
        let fullWidth = 2 * (keyWidth + actionWidth) + 7
        let oneColumnFits = rows(sections) + 2 + extra <= screen.height
        let twoColumns = screen.width >= fullWidth || !oneColumnFits
        let left = twoColumns ? Array(sections.prefix(2)) : sections
        let right = twoColumns ? Array(sections.dropFirst(2)) : []
        let width = twoColumns ? min(fullWidth, screen.width) : min(screen.width, keyWidth + actionWidth + 4)
        let columnWidth = twoColumns ? (width - 7) / 2 : width - 4
        let height = min(screen.height, max(rows(left), rows(right)) + 2 + extra)
        let inner = Dialogs.frame(into: &grid, screen: screen, width: width, height: height,
                                  title: " Keys · any key closes ", theme: theme)
        let style = theme[.dialog]
        for (i, note) in notes.enumerated() {
            grid.draw(note, x: inner.x + 1, y: inner.y + i, maxWidth: inner.width - 2, style: theme[.warning].on(style.bg))
        }
        let top = inner.y + extra
        drawColumn(into: &grid, left, x: inner.x + 1, y: top, width: columnWidth, bottom: inner.maxY,
                   readOnly: readOnly, theme: theme)
        drawColumn(into: &grid, right, x: inner.x + 1 + columnWidth + 3, y: top, width: columnWidth, bottom: inner.maxY,
                   readOnly: readOnly, theme: theme)
    }

    private static func drawColumn(into grid: inout CellGrid, _ sections: [Section], x: Int, y start: Int,
                                   width: Int, bottom: Int, readOnly: Bool, theme: Theme) {
        let style = theme[.dialog]
        // Keys keep their full width (they are short); descriptions give way.
        let keys = min(keyWidth, max(6, width - 10))
        var y = start
        for section in sections {
            guard y < bottom else { return }
            grid.draw(section.title, x: x, y: y, maxWidth: width, style: theme[.header].on(style.bg))
            y += 1
            for row in section.rows {
                guard y < bottom else { return }
                grid.draw(row.keys, x: x + 1, y: y, maxWidth: keys - 2, style: theme[.keyHint].on(style.bg))
                let action = row.help + (readOnly && row.writes ? " *" : "")
                grid.draw(action, x: x + keys, y: y, maxWidth: width - keys, style: style)
                y += 1
            }
        }
    }
}
