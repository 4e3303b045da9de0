import LeadOSContract
import LeadTopCore

/// Modal dialogs, drawn centred over the dashboard.
enum Dialogs {
    static func frame(into grid: inout CellGrid, screen: Rect, width: Int, height: Int, title: String, theme: Theme) -> Rect {
        let rect = screen.centered(width: width, height: height)
        return Block.draw(into: &grid, rect, title: title, focused: true, theme: theme,
                          borderRole: .dialogBorder, fillRole: .dialog)
    }

    static func confirm(into grid: inout CellGrid, _ confirmation: Confirmation, screen: Rect, theme: Theme) {
        if case .suppressMany(let bulk) = confirmation {
            confirmBulk(into: &grid, bulk, screen: screen, theme: theme)
            return
        }
        let question: String
        switch confirmation {
        case .pause(_, let name): question = "Pause campaign \(name)?"
        case .resume(_, let name): question = "Resume campaign \(name)?"
        case .suppress(_, let email): question = "Suppress \(email) in every campaign?"
        case .suppressMany: return
        case .launch(_, let name, let cost):
            question = "Launch campaign \(name)? Each lead costs up to \(cost) credit\(cost == 1 ? "" : "s")."
        case .overwrite(let request): question = "\(request.path) exists. Overwrite it?"
        }
        let width = min(screen.width - 4, max(30, DisplayText.width(question) + 4))
        let inner = frame(into: &grid, screen: screen, width: width, height: 5, title: " Confirm ", theme: theme)
        grid.draw(question, x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, style: theme[.dialog])
        grid.draw("y: yes   N/Esc: no", x: inner.x + 1, y: inner.y + 2, maxWidth: inner.width - 2, style: theme[.keyHint].on(theme[.dialog].bg))
    }

    /// `S` and `:suppress FILE`: how many addresses, from where, in how many batches.
    static func confirmBulk(into grid: inout CellGrid, _ bulk: BulkSuppression, screen: Rect, theme: Theme) {
        let count = bulk.emails.count
        let batches = bulk.batches.count
        var lines = ["Suppress \(Format.thousands(count)) address\(count == 1 ? "" : "es") in every campaign?",
                     String(bulk.sourceWords.prefix(1)).uppercased() + bulk.sourceWords.dropFirst()]
        var detail = batches > 1 ? "\(batches) batches of at most 1,000" : "one request"
        if bulk.badLines > 0 {
            detail += bulk.badLines == 1 ? " · 1 line is not an address (skipped)"
                : " · \(Format.thousands(bulk.badLines)) lines are not addresses (skipped)"
        }
        lines.append(detail)
        let widest = lines.map(DisplayText.width).max() ?? 0
        let width = min(screen.width - 4, max(30, widest + 4))
        let inner = frame(into: &grid, screen: screen, width: width, height: 7, title: " Confirm ", theme: theme)
        let style = theme[.dialog]
        for (i, line) in lines.enumerated() {
            grid.draw(line, x: inner.x + 1, y: inner.y + i, maxWidth: inner.width - 2, style: i == 0 ? style : theme[.dim].on(style.bg))
        }
        grid.draw("y: yes   N/Esc: no", x: inner.x + 1, y: inner.y + 4, maxWidth: inner.width - 2, style: theme[.keyHint].on(style.bg))
    }

    static func reasonPicker(into grid: inout CellGrid, lead: Lead?, note: String?, screen: Rect, theme: Theme) {
        let inner = frame(into: &grid, screen: screen, width: min(screen.width - 4, 44), height: 12,
                          title: " Why is this lead bad? ", theme: theme)
        let style = theme[.dialog]
        grid.draw(lead?.fullName ?? "", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, style: style)
        for (i, reason) in BadReason.allCases.enumerated() {
            grid.draw("\(i + 1)  \(reason.label)", x: inner.x + 1, y: inner.y + 1 + i, maxWidth: inner.width - 2, style: style)
        }
        let noteLine = note.map { "n  note: \($0)" } ?? "n  add a note"
        grid.draw(noteLine, x: inner.x + 1, y: inner.y + 7, maxWidth: inner.width - 2, style: style)
        grid.draw("1–6 rate bad · Esc cancel", x: inner.x + 1, y: inner.y + 9, maxWidth: inner.width - 2,
                  style: theme[.keyHint].on(style.bg))
    }

    /// `:profile` without a name: the config's profiles, the current one marked, the highlighted
    /// one in reverse. Only as many rows as fit; the highlighted one is always among them.
    static func profilePicker(into grid: inout CellGrid, names: [String], current: String?, selected: Int,
                              screen: Rect, theme: Theme) {
        let visible = max(1, min(names.count, screen.height - 6))
        let width = min(screen.width - 4, max(46, (names.map(DisplayText.width).max() ?? 0) + 12))
        let inner = frame(into: &grid, screen: screen, width: width, height: visible + 4, title: " Switch profile ", theme: theme)
        let style = theme[.dialog]
        let first = min(max(0, selected - visible + 1), max(0, names.count - visible))
        for row in 0..<visible where first + row < names.count {
            let index = first + row
            let number = index < 9 ? "\(index + 1)" : " "
            let mark = names[index] == current ? "●" : " "
            var rowStyle = style
            if index == selected { rowStyle.attributes.insert(.reverse) }
            grid.fill(Rect(x: inner.x + 1, y: inner.y + row, width: inner.width - 2, height: 1), with: Cell(.space, style: rowStyle))
            grid.draw("\(number) \(mark) \(names[index])", x: inner.x + 1, y: inner.y + row, maxWidth: inner.width - 2, style: rowStyle)
        }
        grid.draw("Enter or 1–9 switch · j/k move · Esc close", x: inner.x + 1, y: inner.y + visible + 1,
                  maxWidth: inner.width - 2, style: theme[.keyHint].on(style.bg))
    }

    static func noteInput(into grid: inout CellGrid, text: String, screen: Rect, theme: Theme) {
        let width = min(screen.width - 4, 60)
        let inner = frame(into: &grid, screen: screen, width: width, height: 5, title: " Note ", theme: theme)
        let style = theme[.dialog]
        let field = inner.width - 4
        // Show the end of a long note so the cursor stays visible.
        var clusters = DisplayText.clusters(text)
        var used = clusters.reduce(0) { $0 + $1.width }
        while used > field - 1, !clusters.isEmpty { used -= clusters.removeFirst().width }
        grid.draw("> ", x: inner.x + 1, y: inner.y, maxWidth: 2, style: style)
        let shown = grid.put(clusters, x: inner.x + 3, y: inner.y, style: style)
        grid.set(x: inner.x + 3 + shown, y: inner.y, Cell(text: "█", style: style))
        grid.draw("Enter save · Esc cancel", x: inner.x + 1, y: inner.y + 2, maxWidth: inner.width - 2,
                  style: theme[.keyHint].on(style.bg))
    }
}
