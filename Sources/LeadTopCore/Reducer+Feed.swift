import Foundation
import LeadOSContract

/// The feed's rows as they arrive: new leads from the sync engine and pages read from the cache.
/// Selection is held by id, so it follows the same lead when rows move.
extension AppState {
    /// Adds leads just stored. If the feed was scrolled to the top, new leads push rows down;
    /// otherwise the rows on screen stay where they are. The first batch gets no NEW marks.
    mutating func receive(_ stored: StoredLeads) {
        guard !stored.added.isEmpty || !stored.changed.isEmpty else { return }
        let wasAtTop = feedScroll == 0
        let topID = leads.entry(atRow: feedScroll)?.lead.id
        let overlaid = StoredLeads(added: withPendingFeedback(stored.added), changed: withPendingFeedback(stored.changed),
                                   version: stored.version)
        leads.receive(overlaid, arrivedAt: hasInitialLeads ? now : nil)
        if !stored.added.isEmpty { hasInitialLeads = true }
        if wasAtTop {
            feedScroll = 0
        } else if let topID, let row = leads.row(ofID: topID) {
            feedScroll = row
        }
        settleSelection()
    }

    /// Takes in a page read from the cache and, when it answers a filter change, reselects and
    /// reports the number of matches.
    mutating func acceptFeedPage(_ page: FeedPage) {
        var page = page
        page.leads = withPendingFeedback(page.leads)
        guard leads.accept(page) else { return }
        if !page.leads.isEmpty { hasInitialLeads = true }
        if announceFilterOnPage {
            announceFilterOnPage = false
            feedScroll = 0
            if pendingLeadRow == nil {
                if let row = selectedLeadRow { revealLead(row: row) } else { selectedLeadID = leads.entry(atRow: 0)?.lead.id }
            }
            if !filterText.isEmpty { show("\(leads.visibleCount) leads match \(filterText)") }
        }
        if let row = pendingLeadRow {
            // Selected now if its row is in this page; otherwise it stays pending and is read next.
            pendingLeadRow = nil
            if leads.visibleCount > 0 { selectLead(row: min(row, leads.visibleCount - 1)) }
        }
        settleSelection()
    }

    /// Keeps the feed scroll in range and, when nothing valid is selected, selects the top row.
    private mutating func settleSelection() {
        clampFeedScroll()
        if let row = selectedLeadRow {
            revealLead(row: row)
        } else if pendingLeadRow == nil {
            if let top = leads.entry(atRow: min(feedScroll, max(0, leads.visibleCount - 1))) { selectedLeadID = top.lead.id }
        }
    }

    /// Optimistic ratings still in flight win over what the engine stored or the cache holds.
    private func withPendingFeedback(_ leads: [Lead]) -> [Lead] {
        guard !pendingFeedback.isEmpty else { return leads }
        return leads.map { lead in
            var lead = lead
            if let pending = pendingFeedback[lead.id] { lead.feedback = pending.optimistic }
            return lead
        }
    }
}
