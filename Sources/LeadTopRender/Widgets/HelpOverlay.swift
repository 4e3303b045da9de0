import LeadTopCore

/// `?`: every key binding, from `Keymap`, so the list cannot drift from the reducer's table.
/// Two columns when there is room (the first two sections left, the rest right), else one.
enum HelpOverlay {
    static let keyWidth = 14
    static let actionWidth = 22

    static func draw(into grid: inout CellGrid, screen: Rect, readOnly: Bool, theme: Theme) {
        let sections = Keymap.sections
        let columnWidth = keyWidth + actionWidth
        let twoColumns = screen.width >= 2 * columnWidth + 7
        let left = twoColumns ? Array(sections.prefix(2)) : sections
        let right = twoColumns ? Array(sections.dropFirst(2)) : []
        func rows(_ s: [Keymap.Section]) -> Int { s.reduce(0) { $0 + $1.bindings.count + 1 } }
        let extra = readOnly ? 1 : 0
        let width = twoColumns ? 2 * columnWidth + 7 : min(screen.width - 2, columnWidth + 4)
        let height = min(screen.height, max(rows(left), rows(right)) + 2 + extra)
        let inner = Dialogs.frame(into: &grid, screen: screen, width: width, height: height,
                                  title: " Keys · any key closes ", theme: theme)
        let style = theme[.dialog]
        if readOnly {
            grid.draw("Read-only: keys marked * are disabled", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2,
                      style: theme[.warning].on(style.bg))
        }
        let top = inner.y + extra
        drawColumn(into: &grid, left, x: inner.x + 1, y: top, bottom: inner.maxY, readOnly: readOnly, theme: theme)
        drawColumn(into: &grid, right, x: inner.x + 1 + columnWidth + 3, y: top, bottom: inner.maxY, readOnly: readOnly, theme: theme)
    }

    private static func drawColumn(into grid: inout CellGrid, _ sections: [Keymap.Section], x: Int, y start: Int,
                                   bottom: Int, readOnly: Bool, theme: Theme) {
        let style = theme[.dialog]
        var y = start
        for section in sections {
            guard y < bottom else { return }
            grid.draw(section.title, x: x, y: y, maxWidth: keyWidth + actionWidth, style: theme[.header].on(style.bg))
            y += 1
            for binding in section.bindings {
                guard y < bottom else { return }
                grid.draw(binding.keys, x: x + 1, y: y, maxWidth: keyWidth - 1, style: theme[.keyHint].on(style.bg))
                let action = binding.action + (readOnly && binding.writes ? " *" : "")
                grid.draw(action, x: x + keyWidth, y: y, maxWidth: actionWidth, style: style)
                y += 1
            }
        }
    }
}
