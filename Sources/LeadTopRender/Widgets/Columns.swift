import LeadTopCore

/// One row of a column table as it is drawn: a selected row is first filled with the selection
/// style, then each visible column is drawn into it, clipped and aligned. Nothing is allocated per
/// row, so a frame's cost stays with the rows on screen.
struct TableRow {
    let specs: [ColumnSpec]
    let widths: [Int]
    let origins: [Int]
    let y: Int
    let rowStyle: Style?
    let theme: Theme

    init(into grid: inout CellGrid, specs: [ColumnSpec], widths: [Int], origins: [Int], inner: Rect, row: Int,
         selected: Bool, focused: Bool, theme: Theme) {
        self.specs = specs; self.widths = widths; self.origins = origins; self.theme = theme
        y = inner.y + 1 + row
        rowStyle = selected ? theme[focused ? .selected : .selectedUnfocused] : nil
        if let rowStyle { grid.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), with: Cell(.space, style: rowStyle)) }
    }

    /// Draws column `i` unless it is hidden; `text` is only built for a visible column.
    func draw(_ i: Int, _ text: @autoclosure () -> String, _ role: ThemeRole, into grid: inout CellGrid) {
        guard widths[i] > 0 else { return }
        grid.draw(text(), in: Rect(x: origins[i], y: y, width: widths[i], height: 1),
                  alignRight: specs[i].alignRight, style: rowStyle ?? theme[role])
    }
}
