/// Column widths for a table that must fit its pane: columns are kept in priority order while
/// they fit, and the spare width goes to the flexible ones.
public struct ColumnSpec: Sendable, Hashable {
    public var title: String
    public var minWidth: Int
    /// Share of the spare width (0: fixed at `minWidth`).
    public var flex: Int
    /// Lower is kept first.
    public var priority: Int
    public var alignRight: Bool
    /// A flexible column grows up to this width; the rest of the spare width goes elsewhere.
    public var maxWidth: Int?

    public init(_ title: String, width: Int, flex: Int = 0, max: Int? = nil, priority: Int, alignRight: Bool = false) {
        self.title = title; self.minWidth = width; self.flex = flex; self.priority = priority
        self.alignRight = alignRight; self.maxWidth = max
    }
}

public enum Columns {
    /// One gap between columns.
    public static let gap = 1

    /// Widths in the specs' order; 0 for a column that does not fit.
    public static func widths(_ specs: [ColumnSpec], available: Int) -> [Int] {
        var kept = Set<Int>()
        var used = 0
        for i in specs.indices.sorted(by: { specs[$0].priority < specs[$1].priority }) {
            let need = specs[i].minWidth + (kept.isEmpty ? 0 : gap)
            if used + need <= available { kept.insert(i); used += need }
        }
        var widths = specs.indices.map { kept.contains($0) ? specs[$0].minWidth : 0 }
        var spare = available - used
        // Capped columns first, up to their cap.
        for i in specs.indices where kept.contains(i) && specs[i].flex > 0 {
            guard let cap = specs[i].maxWidth else { continue }
            let extra = min(spare, cap - widths[i])
            widths[i] += extra; spare -= extra
        }
        let flexTotal = kept.filter { specs[$0].maxWidth == nil }.reduce(0) { $0 + specs[$1].flex }
        guard flexTotal > 0, spare > 0 else { return widths }
        let share = spare
        for i in specs.indices where kept.contains(i) && specs[i].flex > 0 && specs[i].maxWidth == nil {
            let extra = share * specs[i].flex / flexTotal
            widths[i] += extra; spare -= extra
        }
        if let last = specs.indices.last(where: { kept.contains($0) && specs[$0].flex > 0 && specs[$0].maxWidth == nil }) {
            widths[last] += spare
        }
        return widths
    }

    /// Left edges of the columns that have a width, starting at `x`.
    public static func origins(_ widths: [Int], x: Int) -> [Int] {
        var result: [Int] = []
        var cx = x
        for w in widths {
            result.append(cx)
            if w > 0 { cx += w + gap }
        }
        return result
    }
}
