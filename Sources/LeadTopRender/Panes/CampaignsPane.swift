import LeadOSContract
import LeadTopCore

/// Campaigns: status, name, today / daily cap, delivered, credits, 14-day deliveries sparkline.
enum CampaignsPane {
    static let specs = TableColumns.campaigns

    static func draw(into grid: inout CellGrid, state: AppState, theme: Theme, rect: Rect, focused: Bool) {
        draw(into: &grid, inputs: Inputs(state), theme: theme, rect: rect, focused: focused)
    }

    /// Draws from `inputs` alone (`PaneReuse`): what it does not read cannot make it stale.
    static func draw(into grid: inout CellGrid, inputs state: Inputs, theme: Theme, rect: Rect, focused: Bool) {
        let scope = state.scopeCampaignID.map { _ in " · scoped" } ?? ""
        // More on LeadOS than one poll fetches: say the list is only the newest part.
        let count = state.moreOnServer
            ? "newest \(Format.thousands(state.campaigns.count)), more not shown" : "\(state.campaigns.count)"
        let title = "1 Campaigns (\(count))\(scope)"
        let inner = Block.draw(into: &grid, rect, title: title, focused: focused, theme: theme)
        guard inner.height > 0 else { return }
        let widths = Columns.widths(specs, available: inner.width)
        let xs = Columns.origins(widths, x: inner.x)
        for (i, spec) in specs.enumerated() where widths[i] > 0 {
            var title = i == 4 ? "\(widths[i]) DAYS" : spec.title
            if let order = state.order, TableColumns.campaignKeys[i] == order.key {
                title = TableColumns.markedTitle(title, descending: order.descending, width: widths[i])
            }
            grid.draw(title, in: Rect(x: xs[i], y: inner.y, width: widths[i], height: 1),
                      alignRight: spec.alignRight, style: theme[.header])
        }
        let rows = max(0, inner.height - 1)
        guard !state.campaigns.isEmpty else {
            if rows > 0 {
                grid.draw(AppState.placeholder("No campaigns yet", keyRejected: state.keyRejected), x: inner.x, y: inner.y + 1,
                          maxWidth: inner.width, style: theme[.dim])
            }
            return
        }
        for r in 0..<rows {
            let index = state.scroll + r
            guard index < state.campaigns.count else { break }
            let campaign = state.campaigns[index]
            let row = TableRow(into: &grid, specs: specs, widths: widths, origins: xs, inner: inner, row: r,
                               selected: campaign.id == state.selectedCampaignID, focused: focused, theme: theme)
            func cell(_ i: Int, _ text: @autoclosure () -> String, _ role: ThemeRole) { row.draw(i, text(), role, into: &grid) }
            cell(0, statusText(campaign.status), statusRole(campaign.status))
            cell(1, (campaign.id == state.scopeCampaignID ? "» " : "") + campaign.name, .text)
            cell(2, "\(campaign.leadsDeliveredToday)/\(campaign.dailyLeadCap)", .text)
            cell(3, reasonText(campaign), .dim)
            cell(4, Sparkline.text((state.series[campaign.id] ?? []).suffix(widths[4])), .sparkline)
            cell(5, Format.thousands(campaign.leadsDelivered), .text)
            cell(6, Format.thousands(campaign.creditsSpent), .text)
        }
    }

    static func statusText(_ status: CampaignStatus) -> String {
        switch status {
        case .active: "▶ active"
        case .paused: "‖ paused"
        case .draft: "· draft"
        case .completed: "✓ completed"
        }
    }

    static func statusRole(_ status: CampaignStatus) -> ThemeRole {
        switch status {
        case .active: .campaignActive
        case .paused: .campaignPaused
        case .draft: .campaignDraft
        case .completed: .campaignCompleted
        }
    }

    static func reasonText(_ campaign: Campaign) -> String {
        switch campaign.pausedReason {
        case .user: "user"
        case .insufficientCredits: "credits"
        case nil: ""
        }
    }
}
