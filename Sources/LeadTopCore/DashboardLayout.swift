/// Where each pane sits for a given terminal size. Pure geometry, computed the same way by the
/// reducer (mouse hit-testing, page sizes) and by the renderer.
///
/// ```
/// ┌Campaigns──────────┐┌Delivery stats─┐
/// │                   ││               │
/// └───────────────────┘└───────────────┘
/// ┌Live lead feed─────┐┌Credits────────┐
/// │                   │└───────────────┘
/// │                   │┌Feedback───────┐
/// └───────────────────┘└───────────────┘
///  status bar
/// ```
///
/// From `wideWidth` columns on, the feed takes the whole width and the three other panes share
/// the top:
///
/// ```
/// ┌Campaigns──────────┐┌Stats──┐┌Credits┐
/// │                   ││       │└───────┘
/// │                   ││       │┌Feedbac┐
/// └───────────────────┘└───────┘└───────┘
/// ┌Live lead feed────────────────────────┐
/// └──────────────────────────────────────┘
///  status bar
/// ```
///
/// A terminal can only scroll whole rows, so a feed as wide as the screen takes a new lead with
/// one line insertion and one drawn row; beside other panes, the rows they share must be redrawn.
public struct DashboardLayout: Sendable, Hashable {
    public static let minWidth = 60
    public static let minHeight = 18
    /// Columns from which the feed spans the screen: the campaigns pane keeps every column
    /// (about 90 wide) and the stats and credits panes keep 45 each.
    public static let wideWidth = 180

    public let width: Int
    public let height: Int
    public let campaigns: Rect
    public let feed: Rect
    public let stats: Rect
    public let credits: Rect
    public let feedback: Rect
    public let statusBar: Rect

    /// Below the minimum size only a "terminal too small" screen is drawn.
    public var isTooSmall: Bool { width < Self.minWidth || height < Self.minHeight }

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        guard width >= Self.minWidth, height >= Self.minHeight else {
            campaigns = .zero; feed = .zero; stats = .zero; credits = .zero; feedback = .zero
            statusBar = Rect(x: 0, y: max(0, height - 1), width: width, height: height > 0 ? 1 : 0)
            return
        }
        let bodyHeight = height - 1
        let topHeight = max(8, bodyHeight * 2 / 5)
        let bottomHeight = bodyHeight - topHeight
        if width >= Self.wideWidth {
            let campaignsWidth = width / 2
            let statsWidth = width / 4
            let sideX = campaignsWidth + statsWidth
            let creditsHeight = min(7, topHeight / 2)
            campaigns = Rect(x: 0, y: 0, width: campaignsWidth, height: topHeight)
            stats = Rect(x: campaignsWidth, y: 0, width: statsWidth, height: topHeight)
            credits = Rect(x: sideX, y: 0, width: width - sideX, height: creditsHeight)
            feedback = Rect(x: sideX, y: creditsHeight, width: width - sideX, height: topHeight - creditsHeight)
            feed = Rect(x: 0, y: topHeight, width: width, height: bottomHeight)
            statusBar = Rect(x: 0, y: height - 1, width: width, height: 1)
            return
        }
        let leftWidth = width * 3 / 5
        let rightWidth = width - leftWidth
        let creditsHeight = min(7, bottomHeight / 2)
        campaigns = Rect(x: 0, y: 0, width: leftWidth, height: topHeight)
        stats = Rect(x: leftWidth, y: 0, width: rightWidth, height: topHeight)
        feed = Rect(x: 0, y: topHeight, width: leftWidth, height: bottomHeight)
        credits = Rect(x: leftWidth, y: topHeight, width: rightWidth, height: creditsHeight)
        feedback = Rect(x: leftWidth, y: topHeight + creditsHeight, width: rightWidth,
                        height: bottomHeight - creditsHeight)
        statusBar = Rect(x: 0, y: height - 1, width: width, height: 1)
    }

    public func rect(for pane: Pane) -> Rect {
        switch pane {
        case .campaigns: campaigns
        case .feed: feed
        case .stats: stats
        case .credits: credits
        case .feedback: feedback
        }
    }

    /// The pane under a cell, if any.
    public func pane(atX x: Int, y: Int) -> Pane? {
        guard !isTooSmall else { return nil }
        return Pane.allCases.first { rect(for: $0).contains(x: x, y: y) }
    }

    /// How many data rows a table pane shows (its inner height less the header row).
    public func visibleRows(_ pane: Pane) -> Int {
        max(0, rect(for: pane).inner.height - 1)
    }

    /// The data row (0 = first visible row) of a table pane under screen row `y`, if any.
    public func visibleRow(in pane: Pane, y: Int) -> Int? {
        let inner = rect(for: pane).inner
        let row = y - inner.y - 1
        return row >= 0 && row < visibleRows(pane) ? row : nil
    }
}
