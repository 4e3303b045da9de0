import LeadTopCore

/// `?`: every key binding, from the key table the reducer dispatches with (the user's keys, not
/// the defaults), so the list cannot drift from what the keys do.
/// Two columns when they fit (the first two sections left, the rest right), one column when the
/// screen is narrow but tall enough, and otherwise the lines flowed down as many columns as they
/// need, descriptions shortened, so every key is always on screen.
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
        let available = screen.height - 2 - extra
        var columns: [[Line]] = [lines(left), lines(right)].filter { !$0.isEmpty }
        if twoColumns && max(rows(left), rows(right)) > available && available > 0 {
            // The sections do not fit side by side: flow the lines down the columns instead.
            let all = lines(sections)
            columns = stride(from: 0, to: all.count, by: available).map { Array(all[$0..<min($0 + available, all.count)]) }
        }
        let count = max(1, columns.count)
        let width = twoColumns ? (count > 2 ? screen.width : min(fullWidth, screen.width))
            : min(screen.width, keyWidth + actionWidth + 4)
        let columnWidth = twoColumns ? (width - 4 - 3 * (count - 1)) / count : width - 4
        let height = min(screen.height, (columns.map(\.count).max() ?? 0) + 2 + extra)
        let inner = Dialogs.frame(into: &grid, screen: screen, width: width, height: height,
                                  title: " Keys · any key closes ", theme: theme)
        let style = theme[.dialog]
        for (i, note) in notes.enumerated() {
            grid.draw(note, x: inner.x + 1, y: inner.y + i, maxWidth: inner.width - 2, style: theme[.warning].on(style.bg))
        }
        let top = inner.y + extra
        for (i, column) in columns.enumerated() {
            drawColumn(into: &grid, column, x: inner.x + 1 + i * (columnWidth + 3), y: top, width: columnWidth,
                       bottom: inner.maxY, readOnly: readOnly, theme: theme)
        }
    }

    /// One line of a column: a section's title or one of its rows.
    enum Line {
        case title(String)
        case row(KeyTable.HelpRow)
    }

    static func lines(_ sections: [Section]) -> [Line] {
        sections.flatMap { [Line.title($0.title)] + $0.rows.map(Line.row) }
    }

    private static func drawColumn(into grid: inout CellGrid, _ lines: [Line], x: Int, y start: Int,
                                   width: Int, bottom: Int, readOnly: Bool, theme: Theme) {
        let style = theme[.dialog]
        // Keys keep their full width (they are short); descriptions give way.
        let keys = min(keyWidth, max(6, width - 10))
        for (i, line) in lines.enumerated() {
            let y = start + i
            guard y < bottom else { return }
            switch line {
            case .title(let title):
                grid.draw(title, x: x, y: y, maxWidth: width, style: theme[.header].on(style.bg))
            case .row(let row):
                grid.draw(row.keys, x: x + 1, y: y, maxWidth: keys - 2, style: theme[.keyHint].on(style.bg))
                let action = row.help + (readOnly && row.writes ? " *" : "")
                grid.draw(action, x: x + keys, y: y, maxWidth: width - keys, style: style)
            }
        }
    }
}
