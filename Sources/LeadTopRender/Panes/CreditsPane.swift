import Foundation
import LeadOSContract
import LeadTopCore

/// Credits: remaining against the plan, use this period, burn rate, projected run-out, period end.
enum CreditsPane {
    static func draw(into grid: inout CellGrid, state: AppState, theme: Theme, rect: Rect, focused: Bool) {
        let inner = Block.draw(into: &grid, rect, title: "4 Credits", focused: focused, theme: theme)
        guard inner.height > 0 else { return }
        guard let balance = state.balance else {
            grid.draw(state.placeholder("Waiting for balance…"), x: inner.x, y: inner.y, maxWidth: inner.width, style: theme[.dim])
            return
        }
        let low = balance.lowBalance || balance.creditsRemaining < balance.lowBalanceThreshold
        let amount = " \(Format.thousands(balance.creditsRemaining))/\(Format.thousands(balance.planCredits))"
        let gaugeWidth = max(0, inner.width - DisplayText.width(amount))
        let ratio = balance.planCredits > 0 ? Double(balance.creditsRemaining) / Double(balance.planCredits) : 0
        Gauge.draw(into: &grid, x: inner.x, y: inner.y, width: gaugeWidth, ratio: ratio,
                   fill: theme[low ? .warning : .gauge], empty: theme[.gaugeEmpty])
        grid.draw(amount, x: inner.x + gaugeWidth, y: inner.y, maxWidth: inner.width - gaugeWidth, style: theme[low ? .warning : .text])

        let burn = burnRate(state.stats)
        var lines: [(String, String, ThemeRole)] = [
            ("used", Format.thousands(balance.creditsUsedThisPeriod) + " this period", .text),
            ("burn", burn.map { Format.oneDecimal($0) + "/day (7d avg)" } ?? "–", .text),
            ("runs out", runOut(balance: balance, burn: burn, now: state.now), .text),
            ("period", "ends " + Format.day(balance.periodEnd)
                + " (\(Format.daysUntil(balance.periodEnd, from: state.now))d)", .text),
        ]
        if low {
            lines.insert(("⚠ low", "below \(Format.thousands(balance.lowBalanceThreshold)) credits", .warning), at: 0)
        }
        for (i, line) in lines.enumerated() where i + 1 < inner.height {
            let y = inner.y + 1 + i
            grid.draw(line.0, x: inner.x, y: y, maxWidth: 9, style: theme[line.2 == .warning ? .warning : .dim])
            grid.draw(line.1, x: inner.x + 9, y: y, maxWidth: inner.width - 9, style: theme[line.2])
        }
    }

    /// Average credits per day over the last 7 days of account stats, summed as `Double` so that
    /// days of `Int.max` credits cannot overflow.
    static func burnRate(_ stats: DeliveryStats?) -> Double? {
        guard let stats, !stats.data.isEmpty else { return nil }
        let week = stats.data.suffix(7)
        return week.reduce(0.0) { $0 + Double($1.creditsConsumed) } / Double(week.count)
    }

    static func runOut(balance: Balance, burn: Double?, now: Date) -> String {
        guard balance.creditsRemaining > 0 else { return "now" }
        guard let burn, burn > 0 else { return "not at this rate" }
        let date = now.addingTimeInterval(Double(balance.creditsRemaining) / burn * 86_400)
        return date >= balance.periodEnd ? "after period end" : Format.day(date)
    }
}
