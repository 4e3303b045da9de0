import Foundation
import LeadTopCore

/// Said once, over the panes, while LeadOS refuses the API key: which key, where it came from,
/// what LeadOS said, and what to do. An outage and a wrong key must never look alike.
enum KeyRejectedNotice {
    static func draw(into grid: inout CellGrid, rejection: KeyRejection, state: AppState, screen: Rect, theme: Theme) {
        let entries = lines(rejection, state: state)
        let width = min(screen.width - 2, max(40, entries.map { DisplayText.width($0.1) + 13 }.max() ?? 40))
        // Long lines (a config path) wrap rather than lose their end.
        var rows: [(String, [DisplayCluster])] = []
        for (label, text) in entries {
            for (i, piece) in LeadCard.wrap(text, width: max(1, width - 13)).enumerated() { rows.append((i == 0 ? label : "", piece)) }
        }
        let inner = Dialogs.frame(into: &grid, screen: screen, width: width, height: min(screen.height, rows.count + 2),
                                  title: " ✗ LeadOS rejected the API key ", theme: theme)
        let style = theme[.dialog]
        for (i, (label, text)) in rows.enumerated() where inner.y + i < inner.maxY {
            grid.draw(label, x: inner.x + 1, y: inner.y + i, maxWidth: 9, style: theme[.header].on(style.bg))
            grid.put(text, x: inner.x + 10, y: inner.y + i, style: style)
        }
    }

    static func lines(_ rejection: KeyRejection, state: AppState) -> [(String, String)] {
        let source = state.settings.keySource.isEmpty ? "" : ", from \(state.settings.keySource)"
        var result = [
            ("Key", rejection.redactedKey + source),
            ("LeadOS", "HTTP \(rejection.status): \(rejection.message)"),
            ("Fix", "set a valid key there, then press R"),
        ]
        var waiting = "checking again every minute"
        if let next = rejection.nextCheck { waiting += " (next in \(Format.age(next.timeIntervalSince(state.now))))" }
        result.append(("", waiting))
        if state.pendingWrites > 0 {
            result.append(("", "\(state.pendingWrites) pending write\(state.pendingWrites == 1 ? "" : "s") \(state.pendingWrites == 1 ? "waits" : "wait") for the key"))
        }
        return result
    }
}
