import Foundation
import LeadOSContract
import LeadTopCore

/// `i` on a campaign: its targeting, minimum score, enrichment, caps, status with the pause
/// reason, dates and totals; long lists wrap.
enum CampaignCard {
    static func draw(into grid: inout CellGrid, campaign: Campaign?, state: AppState, screen: Rect, theme: Theme) {
        guard let campaign else { return }
        let width = min(screen.width - 4, 80)
        let labelWidth = 14
        let textWidth = max(1, width - labelWidth - 4)
        let lines = self.lines(campaign, textWidth: textWidth, balance: state.balance)
        let height = min(screen.height - 2, lines.count + 4)
        let inner = Dialogs.frame(into: &grid, screen: screen, width: width, height: height,
                                  title: " Campaign \(campaign.id) ", theme: theme)
        let style = theme[.dialog], label = theme[.dim].on(style.bg)
        for (i, line) in lines.enumerated() where inner.y + i < inner.maxY - 2 {
            grid.draw(line.label, x: inner.x + 1, y: inner.y + i, maxWidth: labelWidth, style: label)
            grid.put(line.text, x: inner.x + 1 + labelWidth, y: inner.y + i, style: style)
        }
        let action = switch campaign.status {
        case .active: "p pause · "
        case .paused: "p resume · "
        case .draft: "p launch · "
        case .completed: ""
        }
        grid.draw("\(action)Esc close", x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 2,
                  style: theme[.keyHint].on(style.bg))
    }

    struct Line {
        var label: String
        var text: [DisplayCluster]
    }

    static func lines(_ c: Campaign, textWidth: Int, balance: Balance?) -> [Line] {
        var result: [Line] = []
        func add(_ label: String, _ text: String) {
            for (i, piece) in LeadCard.wrap(text, width: textWidth).enumerated() {
                result.append(Line(label: i == 0 ? label : "", text: piece))
            }
        }
        func list(_ items: [String]) -> String { items.isEmpty ? "any" : items.joined(separator: ", ") }
        add("Name", c.name)
        var status = c.status.rawValue
        switch c.pausedReason {
        case .user: status += " (by you)"
        case .insufficientCredits: status += " (not enough credits)"
        case nil: break
        }
        add("Status", status)
        add("Job titles", list(c.jobTitles))
        add("Industries", list(c.industries))
        add("Company sizes", list(c.companySizes.map(\.rawValue)))
        add("Geographies", list(c.geographies))
        add("Min score", String(c.minScore))
        add("Enrichment", "\(c.enrichmentLevel.rawValue) · up to \(c.enrichmentLevel.fullCost) credits a lead")
        add("Daily cap", "\(Format.thousands(c.leadsDeliveredToday)) of \(Format.thousands(c.dailyLeadCap)) today")
        add("Total cap", c.totalLeadCap.map { "\(Format.thousands(c.leadsDelivered)) of \(Format.thousands($0))" } ?? "none")
        add("Delivered", "\(Format.thousands(c.leadsDelivered)) leads · \(Format.thousands(c.creditsSpent)) credits")
        add("Created", Format.day(c.createdAt) + " " + Format.clock(c.createdAt) + " UTC")
        add("Updated", Format.day(c.updatedAt) + " " + Format.clock(c.updatedAt) + " UTC")
        if c.status == .draft, let balance {
            add("Launch", balance.creditsRemaining >= c.enrichmentLevel.fullCost
                ? "\(Format.thousands(balance.creditsRemaining)) credits left: enough to start"
                : "\(Format.thousands(balance.creditsRemaining)) credits left: LeadOS will refuse (402) until you top up")
        }
        return result
    }
}
