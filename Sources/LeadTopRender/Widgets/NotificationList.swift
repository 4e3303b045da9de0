import Foundation
import LeadTopCore

/// `N`: the recent notifications, newest first, each with its time; or, when there are none,
/// what would notify and where to say so.
enum NotificationList {
    static func draw(into grid: inout CellGrid, state: AppState, screen: Rect, theme: Theme) {
        let width = min(screen.width - 2, 90)
        let content = lines(state: state)
        let inner = Dialogs.frame(into: &grid, screen: screen, width: width, height: min(screen.height, content.count + 2),
                                  title: " Notifications · any key closes ", theme: theme)
        let style = theme[.dialog]
        for (i, line) in content.enumerated() where inner.y + i < inner.maxY {
            grid.draw(line.time, x: inner.x + 1, y: inner.y + i, maxWidth: 5, style: theme[.header].on(style.bg))
            grid.draw(line.text, x: inner.x + 8, y: inner.y + i, maxWidth: max(0, inner.width - 9), style: style)
        }
    }

    static func lines(state: AppState) -> [(time: String, text: String)] {
        guard !state.notifications.isEmpty else {
            let rules = state.settings.notify
            return [("", rules.isEnabled ? "Nothing has notified yet." : "Nothing notifies: add [notify] to config.toml"),
                    ("", rules.isEnabled ? "Live leads, a low balance and pauses by LeadOS show here." : "(score_at_least, balance_below, campaign_paused).")]
        }
        return state.notifications.reversed().map { (Format.clock($0.at), $0.text) }
    }
}
