/// Sorting the focused table: `<` and `>` move the sort column over the columns the pane shows
/// at its width, `r` reverses. The feed is re-read from the cache in the new order (the store
/// sorts all of it); the campaigns are sorted in memory.
extension AppState {
    mutating func moveSortColumn(by step: Int) {
        switch focus {
        case .feed:
            let visible = visibleColumns(TableColumns.feed, in: .feed).filter { TableColumns.feedKeys[$0] != nil }
            let current = TableColumns.feedKeys.firstIndex(of: leads.order.key) ?? 1
            guard let column = Self.neighbour(of: current, among: visible, step: step, wrapsThroughNone: false),
                  let key = TableColumns.feedKeys[column] else { return }
            setFeedOrder(.starting(key))
        case .campaigns:
            let visible = visibleColumns(TableColumns.campaigns, in: .campaigns)
            let current = campaignOrder.flatMap { TableColumns.campaignKeys.firstIndex(of: $0.key) }
            let column = Self.neighbour(of: current, among: visible, step: step, wrapsThroughNone: true)
            setCampaignOrder(column.map { .starting(TableColumns.campaignKeys[$0]) })
        case .stats, .credits, .feedback:
            show("Only the Campaigns and Live lead feed panes sort (1, 2)")
        }
    }

    mutating func reverseSort() {
        switch focus {
        case .feed:
            setFeedOrder(leads.order.reversed)
        case .campaigns:
            guard let campaignOrder else {
                show("Campaigns are in LeadOS's order, newest first: < or > picks a sort column")
                return
            }
            setCampaignOrder(campaignOrder.reversed)
        case .stats, .credits, .feedback:
            show("Only the Campaigns and Live lead feed panes sort (1, 2)")
        }
    }

    /// The feed reads its rows again in `order`, from the top; the top row is selected once
    /// they arrive.
    private mutating func setFeedOrder(_ order: FeedOrder) {
        guard order != leads.order else { return }
        leads.setOrder(order)
        feedScroll = 0
        selectedLeadID = nil
        pendingLeadRow = 0
        show(order == .newestFirst ? "Feed: newest first" : "Feed sorted by \(Self.feedTitle(order))")
    }

    private mutating func setCampaignOrder(_ order: CampaignOrder?) {
        campaignOrder = order
        campaigns = order.map { $0.sorted(campaigns, series: campaignSeries) } ?? CampaignOrder.apiOrder(campaigns)
        campaignIndex = Dictionary(campaigns.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        if let row = selectedCampaignRow { revealCampaign(row: row) }
        if let order, let column = TableColumns.campaignKeys.firstIndex(of: order.key) {
            let title = TableColumns.campaigns[column].title
            show("Campaigns sorted by \(TableColumns.markedTitle(title, descending: order.descending, width: title.count + 1))")
        } else {
            show("Campaigns in LeadOS's order, newest first")
        }
    }

    private static func feedTitle(_ order: FeedOrder) -> String {
        guard let column = TableColumns.feedKeys.firstIndex(of: order.key) else { return order.key.rawValue }
        let title = TableColumns.feed[column].title
        return TableColumns.markedTitle(title, descending: order.showsDescending, width: title.count + 1)
    }

    /// Indices of the columns a table pane shows at its current width.
    private func visibleColumns(_ specs: [ColumnSpec], in pane: Pane) -> [Int] {
        let widths = Columns.widths(specs, available: layout.rect(for: pane).inner.width)
        return specs.indices.filter { widths[$0] > 0 }
    }

    /// The visible column `step` away from `current` (which may itself be hidden); past either
    /// end it wraps around, through "no column" (nil) when the table has an order of its own.
    private static func neighbour(of current: Int?, among visible: [Int], step: Int, wrapsThroughNone: Bool) -> Int? {
        guard !visible.isEmpty else { return nil }
        if step > 0 {
            guard let current else { return visible.first }
            if let next = visible.first(where: { $0 > current }) { return next }
            return wrapsThroughNone ? nil : visible.first
        }
        guard let current else { return visible.last }
        if let previous = visible.last(where: { $0 < current }) { return previous }
        return wrapsThroughNone ? nil : visible.last
    }
}
