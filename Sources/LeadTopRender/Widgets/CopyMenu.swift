import LeadOSContract
import LeadTopCore

/// `Y`: what of the lead to copy, each with its key and, for the single fields, the value.
enum CopyMenu {
    static func draw(into grid: inout CellGrid, lead: Lead?, screen: Rect, theme: Theme) {
        let inner = Dialogs.frame(into: &grid, screen: screen, width: min(screen.width - 4, 60), height: 11,
                                  title: " Copy to the clipboard ", theme: theme)
        let style = theme[.dialog], dim = theme[.dim].on(style.bg), key = theme[.keyHint].on(style.bg)
        grid.draw(lead?.fullName ?? "", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, style: style)
        for (i, choice) in CopyChoice.allCases.enumerated() {
            let y = inner.y + 2 + i
            grid.draw(String(choice.keys[0]), x: inner.x + 1, y: y, maxWidth: 1, style: key)
            let shown = grid.draw(choice.label, x: inner.x + 4, y: y, maxWidth: inner.width - 5, style: style)
            guard choice == .email || choice == .phone || choice == .linkedIn, let lead else { continue }
            let x = inner.x + 4 + max(shown, 12) + 2
            let value = choice.text(for: lead)
            grid.draw(value ?? "—", x: x, y: y, maxWidth: inner.maxX - 1 - x, style: value == nil ? dim : style)
        }
        grid.draw("e p l j v or 1–5 copy · Esc cancel", x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 2, style: key)
    }
}
