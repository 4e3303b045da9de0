import Foundation
import LeadOSContract
import LeadTopCore

/// The live lead feed, newest first. Draws only the visible rows: the cost of a frame does not
/// depend on how many leads are stored.
enum FeedPane {
    static let specs = TableColumns.feed

    static func draw(into grid: inout CellGrid, state: AppState, theme: Theme, rect: Rect, focused: Bool) {
        var title = "2 Live lead feed ("
        if !state.leads.isSettled {
            title += "filtering…"
        } else {
            title += Format.thousands(state.leads.visibleCount)
            if state.leads.visibleCount != state.leads.count { title += " of \(Format.thousands(state.leads.count))" }
        }
        title += ")"
        if let scope = state.scopeCampaignID { title += " · \(state.campaign(id: scope)?.name ?? scope)" }
        if !state.filterText.isEmpty { title += " · /\(state.filterText)" }
        let inner = Block.draw(into: &grid, rect, title: title, focused: focused, theme: theme)
        guard inner.height > 0 else { return }
        let widths = Columns.widths(specs, available: inner.width)
        let xs = Columns.origins(widths, x: inner.x)
        let order = state.leads.order
        let sortColumn = order == .newestFirst ? nil : TableColumns.feedKeys.firstIndex(of: order.key)
        for (i, spec) in specs.enumerated() where widths[i] > 0 {
            // The sort column is marked unless the feed is in its default order, newest first.
            let title = i == sortColumn
                ? TableColumns.markedTitle(spec.title, descending: order.showsDescending, width: widths[i]) : spec.title
            grid.draw(title, in: Rect(x: xs[i], y: inner.y, width: widths[i], height: 1),
                      alignRight: spec.alignRight, style: theme[.header])
        }
        let rows = max(0, inner.height - 1)
        if state.leads.visibleCount == 0, state.leads.isSettled, rows > 0 {
            let text = state.leads.count == 0 ? state.placeholder("Waiting for leads…") : "No lead matches (Esc clears the filter)"
            grid.draw(text, x: inner.x, y: inner.y + 1, maxWidth: inner.width, style: theme[.dim])
            return
        }
        for r in 0..<max(0, min(rows, state.leads.visibleCount - state.feedScroll)) {
            guard let entry = state.leads.entry(atRow: state.feedScroll + r) else {
                // A row whose page is still being read from the cache.
                grid.draw("…", x: inner.x + 1, y: inner.y + 1 + r, maxWidth: inner.width - 1, style: theme[.dim])
                continue
            }
            let lead = entry.lead
            let row = TableRow(into: &grid, specs: specs, widths: widths, origins: xs, inner: inner, row: r,
                               selected: lead.id == state.selectedLeadID, focused: focused, theme: theme)
            func cell(_ i: Int, _ text: @autoclosure () -> String, _ role: ThemeRole) { row.draw(i, text(), role, into: &grid) }
            cell(0, state.isNew(entry) ? "NEW" : "", .newMark)
            cell(1, Format.age(state.now.timeIntervalSince(lead.deliveredAt)), .dim)
            cell(2, String(lead.score), scoreRole(lead.score))
            cell(3, feedbackMark(lead.feedback), lead.feedback?.rating == .bad ? .bad : .good)
            cell(4, lead.fullName, .text)
            cell(5, lead.jobTitle, .text)
            cell(6, lead.companyName, .text)
            cell(7, lead.geography, .dim)
            cell(8, emailText(lead), lead.emailStatus == .valid ? .text : .dim)
        }
    }

    /// Whether the feed drawn at `state.now` differs from the same feed drawn at `earlier`: only
    /// its AGE and NEW columns read the clock, and most seconds change neither (ages past a
    /// minute move once a minute), so a clock tick can leave the pane as it is.
    static func clockTextsDiffer(state: AppState, rect: Rect, earlier: Date) -> Bool {
        let rows = max(0, rect.inner.height - 1)
        let newFor = state.settings.newMarkDuration
        for r in 0..<max(0, min(rows, state.leads.visibleCount - state.feedScroll)) {
            guard let entry = state.leads.entry(atRow: state.feedScroll + r) else { continue }
            let delivered = entry.lead.deliveredAt
            if Format.age(state.now.timeIntervalSince(delivered)) != Format.age(earlier.timeIntervalSince(delivered)) {
                return true
            }
            if let arrived = entry.arrivedAt,
               (state.now.timeIntervalSince(arrived) < newFor) != (earlier.timeIntervalSince(arrived) < newFor) {
                return true
            }
        }
        return false
    }

    static func scoreRole(_ score: Int) -> ThemeRole {
        score >= 80 ? .scoreHigh : (score >= 60 ? .scoreMid : .scoreLow)
    }

    static func feedbackMark(_ feedback: Feedback?) -> String {
        switch feedback?.rating {
        case .good: "+"
        case .bad: "-"
        case nil: ""
        }
    }

    static func emailText(_ lead: Lead) -> String {
        switch lead.emailStatus {
        case .valid: "valid"
        case .acceptAll: "accept-all"
        case .unknown: "unknown"
        case nil: "no email"
        }
    }
}
