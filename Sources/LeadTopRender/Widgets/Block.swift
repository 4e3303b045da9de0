import LeadTopCore

/// A bordered box with a title, the frame of every pane and dialog.
public enum Block {
    static let horizontal = CellText("─"), vertical = CellText("│")
    static let topLeft = CellText("┌"), topRight = CellText("┐")
    static let bottomLeft = CellText("└"), bottomRight = CellText("┘")

    /// Draws the border and title and returns the inner area. The focused pane gets the focused
    /// border and title styles (bold in the mono theme) so focus shows without colour.
    @discardableResult
    public static func draw(into grid: inout CellGrid, _ rect: Rect, title: String, focused: Bool, theme: Theme,
                            borderRole: ThemeRole? = nil, fillRole: ThemeRole = .text) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return .zero }
        let border = theme[borderRole ?? (focused ? .borderFocused : .border)]
        grid.fill(rect.inner, with: Cell(.space, style: theme[fillRole]))
        let top = rect.y, bottom = rect.maxY - 1, left = rect.x, right = rect.maxX - 1
        grid.fillRow(y: top, from: left + 1, to: right, with: Cell(Self.horizontal, style: border))
        grid.fillRow(y: bottom, from: left + 1, to: right, with: Cell(Self.horizontal, style: border))
        for y in (top + 1)..<bottom {
            grid.set(x: left, y: y, Cell(Self.vertical, style: border))
            grid.set(x: right, y: y, Cell(Self.vertical, style: border))
        }
        grid.set(x: left, y: top, Cell(Self.topLeft, style: border))
        grid.set(x: right, y: top, Cell(Self.topRight, style: border))
        grid.set(x: left, y: bottom, Cell(Self.bottomLeft, style: border))
        grid.set(x: right, y: bottom, Cell(Self.bottomRight, style: border))
        if !title.isEmpty, rect.width > 4 {
            var titleStyle = theme[focused ? .titleFocused : .title]
            if borderRole != nil { titleStyle = border }
            grid.draw(title, x: left + 1, y: top, maxWidth: rect.width - 2, style: titleStyle)
        }
        return rect.inner
    }
}
