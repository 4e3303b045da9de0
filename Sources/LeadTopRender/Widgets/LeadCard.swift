import LeadOSContract
import LeadTopCore

/// Enter on a lead: every field, the intent summary wrapped, the LinkedIn URL in full.
enum LeadCard {
    static func draw(into grid: inout CellGrid, state: AppState, screen: Rect, theme: Theme) {
        guard let lead = state.selectedLead else { return }
        let width = min(screen.width - 4, 76)
        let height = min(screen.height - 2, 22)
        let inner = Dialogs.frame(into: &grid, screen: screen, width: width, height: height,
                                  title: " Lead \(lead.id) ", theme: theme)
        let style = theme[.dialog], label = theme[.dim].on(style.bg)
        let labelWidth = 12
        var fields: [(String, String, Style)] = [
            ("Name", lead.fullName, style),
            ("Title", lead.jobTitle, style),
            ("Company", "\(lead.companyName) (\(lead.companyDomain))", style),
            ("Size", "\(lead.companySize.rawValue) · \(lead.companyIndustry)", style),
            ("Geography", lead.geography, style),
            ("Email", (lead.email ?? "—") + (lead.emailStatus.map { " (\($0.rawValue))" } ?? ""), style),
            ("Phone", lead.phone ?? "—", style),
            ("LinkedIn", lead.linkedinURL ?? "—", style),
            ("Score", String(lead.score), theme[FeedPane.scoreRole(lead.score)].on(style.bg)),
            ("Campaign", state.campaign(id: lead.campaignID)?.name ?? lead.campaignID, style),
            ("Delivered", Format.day(lead.deliveredAt) + " " + Format.clock(lead.deliveredAt) + " UTC", style),
            ("Enrichment", "\(lead.enrichmentLevel.rawValue) · \(lead.creditsConsumed) credits", style),
        ]
        let feedback: String
        if let fb = lead.feedback {
            feedback = fb.rating.rawValue + (fb.reason.map { ": \($0.label)" } ?? "") + (fb.note.map { " — \($0)" } ?? "")
        } else {
            feedback = "none (+ good, - bad)"
        }
        fields.append(("Feedback", feedback, style))
        var y = inner.y
        for (name, value, valueStyle) in fields where y < inner.maxY {
            grid.draw(name, x: inner.x + 1, y: y, maxWidth: labelWidth, style: label)
            grid.draw(value, x: inner.x + 1 + labelWidth, y: y, maxWidth: inner.width - labelWidth - 2, style: valueStyle)
            y += 1
        }
        guard y < inner.maxY - 1 else { return }
        grid.draw("Intent", x: inner.x + 1, y: y, maxWidth: labelWidth, style: label)
        for line in wrap(lead.intentSummary, width: inner.width - labelWidth - 2) {
            guard y < inner.maxY - 1 else { break }
            grid.put(line, x: inner.x + 1 + labelWidth, y: y, style: style)
            y += 1
        }
        grid.draw("Esc close · j/k next · + - rate · n note · s suppress · Y copy · o open", x: inner.x + 1, y: inner.maxY - 1,
                  maxWidth: inner.width - 2, style: theme[.keyHint].on(style.bg))
    }

    /// Splits sanitized text into lines of at most `width` columns, breaking at spaces when it can.
    static func wrap(_ text: String, width: Int) -> [[DisplayCluster]] {
        guard width > 0 else { return [] }
        var lines: [[DisplayCluster]] = []
        var line: [DisplayCluster] = []
        var used = 0
        var lastSpace: Int?
        for c in DisplayText.clusters(text) {
            if used + c.width > width {
                if let space = lastSpace {
                    lines.append(Array(line[..<space]))
                    line = Array(line[(space + 1)...])
                } else {
                    lines.append(line)
                    line = []
                }
                used = line.reduce(0) { $0 + $1.width }
                lastSpace = nil
            }
            if c.content == .space { lastSpace = line.count }
            line.append(c); used += c.width
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
