import Foundation
import LeadTopCore

/// The bottom line: connection, data age, rate limit, pending writes, read-only marker, and either
/// the current message or key hints. The filter prompt takes it over while typing.
enum StatusBar {
    static func draw(into grid: inout CellGrid, state: AppState, theme: Theme, rect: Rect) {
        guard rect.height > 0, rect.width > 0 else { return }
        let base = theme[.statusBar]
        grid.fill(rect, with: Cell(.space, style: base))
        if case .filterInput(let text) = state.modal {
            let used = grid.draw("/", x: rect.x, y: rect.y, maxWidth: rect.width, style: theme[.keyHint])
            let shown = grid.draw(text, x: rect.x + used, y: rect.y, maxWidth: rect.width - used - 1, style: base)
            grid.set(x: rect.x + used + shown, y: rect.y, Cell(text: "█", style: base))
            let hint = "  Enter apply · Esc cancel · score>80 score<50 text"
            grid.draw(hint, x: rect.x + used + shown + 1, y: rect.y, maxWidth: rect.maxX - (rect.x + used + shown + 1), style: theme[.dim].on(base.bg))
            return
        }
        if case .exportPath(let text) = state.modal {
            let used = grid.draw("Export to ", x: rect.x, y: rect.y, maxWidth: rect.width, style: theme[.keyHint])
            let shown = grid.draw(text, x: rect.x + used, y: rect.y, maxWidth: rect.width - used - 1, style: base)
            grid.set(x: rect.x + used + shown, y: rect.y, Cell(text: "█", style: base))
            let hint = "  Enter export · Esc cancel · .jsonl for JSON lines"
            grid.draw(hint, x: rect.x + used + shown + 1, y: rect.y, maxWidth: rect.maxX - (rect.x + used + shown + 1),
                      style: theme[.dim].on(base.bg))
            return
        }
        if case .commandPrompt(let prompt) = state.modal {
            drawPrompt(prompt, into: &grid, theme: theme, rect: rect)
            return
        }
        var x = rect.x
        func put(_ text: String, _ style: Style) {
            guard x < rect.maxX else { return }
            x += grid.draw(text, x: x, y: rect.y, maxWidth: rect.maxX - x, style: style)
        }
        switch state.connection {
        case .live:
            put("● live", theme[.statusLive])
        case .degraded(let reason, let nextRetry):
            var text = "◐ degraded: \(reason)"
            if let nextRetry { text += ", retry in \(Format.age(nextRetry.timeIntervalSince(state.now)))" }
            put(text, theme[.statusDegraded])
        case .offline(let since, let reason, let nextRetry):
            var text = "○ offline since \(Format.clock(since)): \(reason)"
            if let nextRetry { text += ", retry in \(Format.age(nextRetry.timeIntervalSince(state.now)))" }
            put(text, theme[.statusOffline])
        case .keyRejected(let rejection):
            put("✗ key rejected", theme[.statusKeyRejected])
            if let next = rejection.nextCheck {
                put(", check in \(Format.age(next.timeIntervalSince(state.now)))", theme[.statusKeyRejected])
            }
        }
        if state.settings.isDemo {
            put(" │ ", base); put("DEMO", theme[.warning].on(base.bg))
        }
        if let profile = state.settings.profile {
            put(" │ ", base); put("profile \(profile)", base)
        }
        if state.isStale {
            put(" │ ", base); put("cached data", theme[.warning].on(base.bg))
        } else if state.showsRefreshAge, let age = state.age(of: .feed) {
            put(" │ ", base); put("updated \(Format.age(age)) ago", base)
        }
        if let limit = state.rateLimit {
            put(" │ ", base); put("API \(limit.remaining)/\(limit.limit)", limit.remaining < limit.limit / 10 ? theme[.warning].on(base.bg) : base)
        }
        if state.pendingWrites > 0 {
            put(" │ ", base); put("\(state.pendingWrites) pending", theme[.warning].on(base.bg))
        }
        if state.settings.readOnly {
            put(" │ ", base); put("READ-ONLY", theme[.error].on(base.bg))
        }
        if state.leads.filter.unratedOnly {
            put(" │ ", base); put("unrated only", theme[.keyHint].on(base.bg))
        }
        if !state.mouseCaptured {
            put(" │ ", base); put("mouse off", base)
        }
        put(" │ ", base)
        if let message = state.message {
            put(message.text, message.kind == .error ? theme[.error].on(base.bg) : base)
        } else if state.keyRejection != nil {
            let keys = state.settings.keys
            let name = { (action: KeyAction) in keys.binding(action)?.keys.first.map(KeyName.display) ?? "?" }
            put("\(name(.refresh)):check key \(name(.details)):details \(name(.help)):help \(name(.quit)):quit", theme[.keyHint])
        } else {
            put(state.settings.keys.hints(readOnly: state.settings.readOnly), theme[.keyHint])
        }
    }


    /// `:text█` and, after a `Tab` with several answers, the others beside it (the shown one
    /// in reverse), else a reminder of the keys.
    private static func drawPrompt(_ prompt: CommandPrompt, into grid: inout CellGrid, theme: Theme, rect: Rect) {
        let base = theme[.statusBar]
        let used = grid.draw(":", x: rect.x, y: rect.y, maxWidth: rect.width, style: theme[.keyHint])
        let shown = grid.draw(prompt.text, x: rect.x + used, y: rect.y, maxWidth: rect.width - used - 1, style: base)
        grid.set(x: rect.x + used + shown, y: rect.y, Cell(text: "█", style: base))
        var x = rect.x + used + shown + 1
        let dim = theme[.dim].on(base.bg)
        guard !prompt.candidates.isEmpty else {
            grid.draw("  Tab complete · ↑↓ history · Enter run · Esc cancel", x: x, y: rect.y, maxWidth: rect.maxX - x, style: dim)
            return
        }
        x += grid.draw("  ", x: x, y: rect.y, maxWidth: rect.maxX - x, style: dim)
        for (index, candidate) in prompt.candidates.enumerated() where x < rect.maxX {
            var style = dim
            if index == prompt.candidateIndex { style.attributes.insert(.reverse) }
            x += grid.draw(candidate, x: x, y: rect.y, maxWidth: rect.maxX - x, style: style)
            x += grid.draw(" ", x: x, y: rect.y, maxWidth: rect.maxX - x, style: dim)
        }
    }
}

extension Style {
    /// The same style on another background.
    func on(_ background: Color) -> Style {
        var s = self; s.bg = background; return s
    }
}
