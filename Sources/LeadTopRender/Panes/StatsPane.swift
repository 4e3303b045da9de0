import LeadOSContract
import LeadTopCore

/// Delivery stats: leads per day as a bar chart, credits and average score per day as sparklines,
/// and the totals; for the scoped campaign or for all.
enum StatsPane {
    static func draw(into grid: inout CellGrid, state: AppState, theme: Theme, rect: Rect, focused: Bool) {
        draw(into: &grid, inputs: Inputs(state), theme: theme, rect: rect, focused: focused)
    }

    /// Draws from `inputs` alone (`PaneReuse`): what it does not read cannot make it stale.
    static func draw(into grid: inout CellGrid, inputs: Inputs, theme: Theme, rect: Rect, focused: Bool) {
        let inner = Block.draw(into: &grid, rect, title: "3 Delivery stats (\(inputs.scopeName))", focused: focused, theme: theme)
        guard inner.height > 0 else { return }
        guard let stats = inputs.stats, !stats.data.isEmpty else {
            grid.draw(AppState.placeholder("Waiting for stats…", keyRejected: inputs.keyRejected), x: inner.x, y: inner.y,
                      maxWidth: inner.width, style: theme[.dim])
            return
        }
        let avg = stats.totals.avgScore.map(Format.oneDecimal) ?? "–"
        let totals = "\(stats.data.count)d: \(Format.thousands(stats.totals.delivered)) leads · "
            + "\(Format.thousands(stats.totals.creditsConsumed)) cr · avg \(avg)"
        grid.draw(totals, x: inner.x, y: inner.y, maxWidth: inner.width, style: theme[.text])
        let sparkRows = inner.height >= 7 ? 2 : 0
        let chartRect = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1 - sparkRows)
        BarChart.draw(into: &grid, chartRect, values: stats.data.map(\.delivered),
                      labels: stats.data.map { Format.monthDay($0.date) }, barStyle: theme[.chart], axisStyle: theme[.dim])
        guard sparkRows == 2 else { return }
        let labelWidth = 7
        let width = inner.width - labelWidth
        guard width > 0 else { return }
        // Across the whole width like the chart: a day over several columns, or a column per
        // several days (their average); the newest at the right edge, under the newest bar.
        let credits = Resample.averages(stats.data.map(\.creditsConsumed), width: width)
        let scores = Resample.averages(stats.data.map { Int(saturating: ($0.avgScore ?? 0).rounded()) }, width: width)
        let y = chartRect.maxY
        let sparkX = inner.x + labelWidth
        grid.draw("credits", x: inner.x, y: y, maxWidth: labelWidth, style: theme[.dim])
        grid.draw(Sparkline.text(credits), x: sparkX, y: y, maxWidth: width, style: theme[.sparkline])
        grid.draw("score", x: inner.x, y: y + 1, maxWidth: labelWidth, style: theme[.dim])
        grid.draw(Sparkline.text(scores, maxValue: 100), x: sparkX, y: y + 1, maxWidth: width, style: theme[.sparkline])
    }
}
