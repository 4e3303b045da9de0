import LeadTopCore

/// Small charts drawn with block characters.
public enum Sparkline {
    public static let levels: [String] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// One character per value scaled to the largest (or `maxValue`, above which values show as
    /// full); zero and below is a blank.
    public static func text<C: Collection<Int>>(_ values: C, maxValue: Int? = nil) -> String {
        let top = max(1, maxValue ?? values.max() ?? 1)
        var out = ""
        out.reserveCapacity(values.count * 3)
        for v in values {
            guard v > 0 else { out.append(" "); continue }
            let level = min(8, max(1, Int((min(1, Double(v) / Double(top)) * 8).rounded(.up))))
            out.append(levels[level - 1])
        }
        return out
    }
}

public enum Gauge {
    /// A bar of `width` cells, filled in proportion to `ratio` (0–1).
    public static func draw(into grid: inout CellGrid, x: Int, y: Int, width: Int, ratio: Double,
                            fill: Style, empty: Style) {
        guard width > 0 else { return }
        let clamped = ratio.isFinite ? min(1, max(0, ratio)) : 0
        let filled = Int((clamped * Double(width)).rounded())
        for i in 0..<width {
            grid.set(x: x + i, y: y, Cell(text: i < filled ? "█" : "░", style: i < filled ? fill : empty))
        }
    }
}

/// A vertical bar chart with a y axis (max, half, 0) and the first and last dates under it.
public enum BarChart {
    public static let eighths: [String] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let eighthCells = eighths.map(CellText.init)

    /// Draws `values` (oldest first) in `rect`: the bottom row holds the date labels, the row above
    /// it the axis line. Every value is shown across the whole plot width: 7 days as 7 wide bars
    /// from the axis to the right edge; with fewer than 3 columns a value, as a solid area whose
    /// columns each show one day, or the average of their days when there are more days than
    /// columns (90 days in 40 columns: a column of three days does not outgrow one of two). A gap
    /// between thin bars would read as a day without leads.
    public static func draw(into grid: inout CellGrid, _ rect: Rect, values: [Int], labels: [String],
                            barStyle: Style, axisStyle: Style) {
        guard rect.height >= 3, rect.width >= 6, !values.isEmpty else { return }
        grid.fill(rect, with: Cell(.space, style: axisStyle))
        // The axis is as wide as the largest day; averaging columns only makes values smaller.
        let axisWidth = String(max(1, values.max() ?? 1)).count
        let plotX = rect.x + axisWidth + 1
        let plotWidth = rect.maxX - plotX
        guard plotWidth > 0 else { return }
        let shown = values.count * 3 > plotWidth ? Resample.averages(values, width: plotWidth) : values
        let count = shown.count
        let top = max(1, shown.max() ?? 1)
        // Every bar as wide as the others (a wider bar would read as a bigger value), with a gap
        // once there are 3 columns per value; the first starts at the axis and the newest ends at
        // the plot's right edge, where a time series has "now": the gaps take what is left over.
        let slot = max(1, plotWidth / count)
        let barWidth = slot >= 3 ? slot - 1 : slot
        func barX(_ i: Int) -> Int {
            count == 1 ? plotX + plotWidth - barWidth : plotX + i * (plotWidth - barWidth) / (count - 1)
        }
        // The first and last day, under the first and last columns.
        let shownLabels = [labels.first, labels.last].compactMap { $0 }
        let plotHeight = rect.height - 2
        let axisY = rect.y + plotHeight
        // y axis
        for row in 0..<plotHeight {
            grid.set(x: plotX - 1, y: rect.y + row, Cell(Block.vertical, style: axisStyle))
        }
        grid.draw(String(top), in: Rect(x: rect.x, y: rect.y, width: axisWidth, height: 1), alignRight: true, style: axisStyle)
        if plotHeight >= 3 {
            grid.draw(String(top / 2), in: Rect(x: rect.x, y: rect.y + plotHeight / 2, width: axisWidth, height: 1),
                      alignRight: true, style: axisStyle)
        }
        grid.draw("0", in: Rect(x: rect.x, y: axisY, width: axisWidth, height: 1), alignRight: true, style: axisStyle)
        grid.set(x: plotX - 1, y: axisY, Cell(Block.bottomLeft, style: axisStyle))
        for x in plotX..<rect.maxX { grid.set(x: x, y: axisY, Cell(Block.horizontal, style: axisStyle)) }
        // bars, in eighths of a row
        for (i, v) in shown.enumerated() {
            let units = Int((max(0, min(1, Double(v) / Double(top))) * Double(plotHeight * 8)).rounded())
            let bx = barX(i)
            for row in 0..<plotHeight {
                let fromBottom = plotHeight - 1 - row
                let level = min(8, max(0, units - fromBottom * 8))
                guard level > 0 else { continue }
                for dx in 0..<barWidth {
                    grid.set(x: bx + dx, y: rect.y + row, Cell(eighthCells[level], style: barStyle))
                }
            }
        }
        // date labels under the first and last bars
        let labelY = axisY + 1
        var firstLabelEnd = plotX
        if let first = shownLabels.first {
            let x = max(plotX, min(barX(0), rect.maxX - DisplayText.width(first)))
            firstLabelEnd = x + grid.draw(first, x: x, y: labelY, maxWidth: rect.maxX - x, style: axisStyle)
        }
        if let last = shownLabels.last, shownLabels.count > 1, labels.count > 1 {
            let w = DisplayText.width(last)
            let lx = max(firstLabelEnd + 1, barX(count - 1) + barWidth - w)
            if lx + w <= rect.maxX { grid.draw(last, x: lx, y: labelY, maxWidth: w, style: axisStyle) }
        }
    }
}

/// Fits a series to a number of columns.
public enum Resample {
    /// `width` values from `values`: each column the average of the values it covers when there
    /// are more values than columns, each value repeated over its columns when there are fewer.
    /// Sums are taken in floating point, so extreme values saturate instead of overflowing.
    public static func averages(_ values: [Int], width: Int) -> [Int] {
        guard width > 0, !values.isEmpty else { return [] }
        let n = values.count
        return (0..<width).map { column in
            let low = column * n / width
            let high = max(low + 1, (column + 1) * n / width)
            let sum = values[low..<high].reduce(0.0) { $0 + Double($1) }
            return Int(saturating: (sum / Double(high - low)).rounded())
        }
    }
}
