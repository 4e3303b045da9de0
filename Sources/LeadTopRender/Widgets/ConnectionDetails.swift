import Foundation
import LeadOSContract
import LeadTopCore

/// `d`: where leadtop connects, how it is doing, and every failing channel with the whole error
/// (status, error object, request id), for when the status bar's few words are not enough.
enum ConnectionDetails {
    static func draw(into grid: inout CellGrid, state: AppState, screen: Rect, theme: Theme) {
        let width = min(screen.width - 2, 100)
        let content = lines(state: state, width: width - 4)
        let inner = Dialogs.frame(into: &grid, screen: screen, width: width, height: min(screen.height, content.count + 2),
                                  title: " Connection · R refresh · any key closes ", theme: theme)
        let style = theme[.dialog]
        for (i, line) in content.enumerated() where inner.y + i < inner.maxY {
            let labelStyle = theme[line.emphasis ? .warning : .header].on(style.bg)
            grid.draw(line.label, x: inner.x + 1, y: inner.y + i, maxWidth: 10, style: labelStyle)
            grid.put(line.text, x: inner.x + 12, y: inner.y + i, style: style)
        }
    }

    struct Line {
        var label: String
        var text: [DisplayCluster]
        var emphasis = false
    }

    static func lines(state: AppState, width: Int) -> [Line] {
        let textWidth = max(1, width - 11)
        var result: [Line] = []
        func add(_ label: String, _ text: String, emphasis: Bool = false) {
            for (i, piece) in LeadCard.wrap(text, width: textWidth).enumerated() {
                result.append(Line(label: i == 0 ? label : "", text: piece, emphasis: emphasis))
            }
        }
        if state.settings.isDemo { add("Mode", "demo: a simulated LeadOS in this process; nothing reaches a real account") }
        if let profile = state.settings.profile { add("Profile", profile) }
        add("LeadOS", state.settings.apiURL.isEmpty ? "(unknown)" : state.settings.apiURL)
        if !state.settings.keySource.isEmpty { add("Key from", state.settings.keySource) }
        add("Status", status(state))
        if let last = state.lastRefresh.values.max() {
            add("Last OK", "\(Timestamp.format(last)) (\(Format.age(state.now.timeIntervalSince(last))) ago)")
        }
        if state.pendingWrites > 0 { add("Outbox", "\(state.pendingWrites) write(s) pending") }
        for failure in state.connectionReport.failures {
            var when = "at \(Format.clock(failure.at))"
            if let next = failure.nextRetry { when += ", retry in \(Format.age(next.timeIntervalSince(state.now)))" }
            add(failure.channel, "\(failure.summary) (\(when))", emphasis: true)
            if failure.detail != failure.summary { add("", failure.detail) }
        }
        if state.connectionReport.failures.isEmpty, state.keyRejection == nil { add("", "nothing is failing") }
        return result
    }

    static func status(_ state: AppState) -> String {
        switch state.connection {
        case .live: return "live"
        case .degraded(let reason, _): return "degraded: \(reason)"
        case .offline(let since, let reason, _): return "offline since \(Format.clock(since)): \(reason)"
        case .keyRejected(let rejection):
            return "key \(rejection.redactedKey) rejected (HTTP \(rejection.status)): \(rejection.message)"
        }
    }
}
