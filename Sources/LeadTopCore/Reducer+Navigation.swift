/// Selection and scrolling in the two list panes. Selections are held by id, so they follow the
/// same campaign or lead when rows move; scroll offsets are kept so the selection stays in view.
extension AppState {
    /// Moves the selection of the focused list pane by `delta` rows (clamped).
    mutating func moveSelection(in pane: Pane, by delta: Int) {
        switch pane {
        case .campaigns:
            guard !campaigns.isEmpty else { return }
            selectCampaign(row: clamp((selectedCampaignRow ?? 0) + delta, campaigns.count))
        case .feed:
            guard leads.visibleCount > 0 else { return }
            selectLead(row: clamp((pendingLeadRow ?? selectedLeadRow ?? feedScroll) + delta, leads.visibleCount))
        case .stats, .credits, .feedback:
            return
        }
    }

    /// Jumps to the first (0) or last (`Int.max`) row.
    mutating func moveSelection(in pane: Pane, toRow row: Int) {
        switch pane {
        case .campaigns where !campaigns.isEmpty: selectCampaign(row: clamp(row, campaigns.count))
        // Typed before a new filter's first page arrived (e.g. Esc then G): applied with the page.
        case .feed where !leads.isSettled: pendingLeadRow = max(0, row)
        case .feed where leads.visibleCount > 0: selectLead(row: clamp(row, leads.visibleCount))
        default: return
        }
    }

    /// Rows a PgUp/PgDn moves in a pane.
    func pageSize(of pane: Pane) -> Int { max(1, layout.visibleRows(pane) - 1) }

    mutating func selectCampaign(row: Int) {
        guard row >= 0, row < campaigns.count else { return }
        selectedCampaignID = campaigns[row].id
        revealCampaign(row: row)
    }

    /// Selects a feed row; a row not in memory yet is selected when its page arrives.
    mutating func selectLead(row: Int) {
        guard row >= 0, row < leads.visibleCount else { return }
        revealLead(row: row)
        if let entry = leads.entry(atRow: row) {
            selectedLeadID = entry.lead.id
            pendingLeadRow = nil
        } else {
            pendingLeadRow = row
        }
    }

    mutating func revealCampaign(row: Int) {
        campaignScroll = Self.reveal(row: row, scroll: campaignScroll, visible: layout.visibleRows(.campaigns))
    }

    mutating func revealLead(row: Int) {
        feedScroll = Self.reveal(row: row, scroll: feedScroll, visible: layout.visibleRows(.feed))
    }

    mutating func clampCampaignScroll() {
        campaignScroll = min(campaignScroll, max(0, campaigns.count - layout.visibleRows(.campaigns)))
    }

    mutating func clampFeedScroll() {
        feedScroll = min(feedScroll, max(0, leads.visibleCount - layout.visibleRows(.feed)))
    }

    /// After the feed's rows changed wholesale (filter, scope): keep the selected lead if it is
    /// still shown, otherwise select the newest; once the first page for the new filter is read.
    mutating func reselectLeadAfterFilterChange() {
        pendingLeadRow = nil
        if !leads.isSettled {
            feedScroll = 0
            announceFilterOnPage = true
            return
        }
        if let row = selectedLeadRow {
            feedScroll = 0
            revealLead(row: row)
        } else {
            feedScroll = 0
            selectedLeadID = leads.entry(atRow: 0)?.lead.id
        }
        clampFeedScroll()
    }

    static func reveal(row: Int, scroll: Int, visible: Int) -> Int {
        guard visible > 0 else { return max(0, row) }
        if row < scroll { return row }
        if row >= scroll + visible { return row - visible + 1 }
        return scroll
    }

    private func clamp(_ row: Int, _ count: Int) -> Int { min(max(0, row), count - 1) }
}
