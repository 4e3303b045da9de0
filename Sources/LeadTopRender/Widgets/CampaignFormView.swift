import Foundation
import LeadOSContract
import LeadTopCore

/// `c` / `e`: the campaign form. One row per field, the focused one marked; a field's problem
/// beside its value; LeadOS's refusal under the fields; the keys, or the discard question, last.
enum CampaignFormView {
    static let labelWidth = 15

    static func draw(into grid: inout CellGrid, form: CampaignForm, state: AppState, screen: Rect, theme: Theme) {
        let fields = form.fields
        let width = min(screen.width - 4, 78)
        let height = min(screen.height - 2, fields.count + 6)
        let title: String
        switch form.mode {
        case .create: title = " New campaign "
        case .edit(let id): title = " Edit \(state.campaign(id: id)?.name ?? id) "
        }
        let inner = Dialogs.frame(into: &grid, screen: screen, width: width, height: height, title: title, theme: theme)
        let style = theme[.dialog]
        let valueWidth = max(1, inner.width - labelWidth - 2)
        for (row, field) in fields.enumerated() where inner.y + row < inner.maxY - 2 {
            let y = inner.y + row
            let focused = field == form.focus
            var labelStyle = focused ? theme[.keyHint].on(style.bg) : theme[.dim].on(style.bg)
            if focused { labelStyle.attributes.insert(.bold) }
            grid.draw((focused ? "▸" : " ") + field.label, x: inner.x, y: y, maxWidth: labelWidth, style: labelStyle)
            let x = inner.x + labelWidth
            var used = drawValue(field, form: form, focused: focused, into: &grid, x: x, y: y, width: valueWidth, style: style, theme: theme)
            if let error = form.errors[field], used + 3 < valueWidth {
                used += grid.draw("  ✗ " + error, x: x + used, y: y, maxWidth: valueWidth - used, style: theme[.error].on(style.bg))
            }
        }
        let footerY = inner.maxY - 1
        if let notice = form.notice {
            grid.draw(notice, x: inner.x + 1, y: footerY - 1, maxWidth: inner.width - 2, style: theme[.error].on(style.bg))
        }
        let footer = form.confirmingDiscard
            ? "Discard your changes? y discards · any other key keeps editing"
            : "Tab ↓ next · ↑ back · ←→ choose · Space tick · Enter save · Esc cancel"
        grid.draw(footer, x: inner.x + 1, y: footerY, maxWidth: inner.width - 2,
                  style: form.confirmingDiscard ? theme[.warning].on(style.bg) : theme[.keyHint].on(style.bg))
    }

    /// Draws one field's value; returns the columns used.
    private static func drawValue(_ field: CampaignForm.Field, form: CampaignForm, focused: Bool, into grid: inout CellGrid,
                                  x: Int, y: Int, width: Int, style: Style, theme: Theme) -> Int {
        let dim = theme[.dim].on(style.bg)
        let values = form.values
        switch field {
        case .companySizes:
            guard focused else {
                let text = values.companySizes.isEmpty ? "any" : values.companySizes.map(\.rawValue).joined(separator: ", ")
                return grid.draw(text, x: x, y: y, maxWidth: width, style: values.companySizes.isEmpty ? dim : style)
            }
            return drawSizes(values.companySizes, cursor: form.sizeCursor, into: &grid, x: x, y: y, width: width, style: style)
        case .enrichment:
            let text = focused ? "‹ \(values.enrichment.rawValue) ›" : values.enrichment.rawValue
            var used = grid.draw(text, x: x, y: y, maxWidth: width, style: style)
            used += grid.draw("  up to \(values.enrichment.fullCost) credits a lead", x: x + used, y: y, maxWidth: width - used, style: dim)
            return used
        case .start:
            let text = values.launch ? "active (starts delivering now)" : "draft (launch it later with p)"
            return grid.draw(focused ? "‹ \(text) ›" : text, x: x, y: y, maxWidth: width, style: style)
        case .name, .jobTitles, .industries, .geographies, .minScore, .dailyCap, .totalCap:
            let text = values[text: field]
            if focused {
                // The end of a long value stays in view, with the cursor after it.
                var clusters = DisplayText.clusters(text)
                var used = clusters.reduce(0) { $0 + $1.width }
                while used > width - 1, !clusters.isEmpty { used -= clusters.removeFirst().width }
                let shown = grid.put(clusters, x: x, y: y, style: style)
                grid.set(x: x + shown, y: y, Cell(text: "█", style: style))
                return shown + 1
            }
            if text.trimmingCharacters(in: .whitespaces).isEmpty {
                return grid.draw(placeholder(field), x: x, y: y, maxWidth: width, style: dim)
            }
            return grid.draw(text, x: x, y: y, maxWidth: width, style: style)
        }
    }

    static func placeholder(_ field: CampaignForm.Field) -> String {
        switch field {
        case .industries, .geographies: "any (comma-separated)"
        case .jobTitles: "required, comma-separated"
        case .name: "required"
        case .totalCap: "none"
        default: ""
        }
    }

    /// The sizes around the cursor that fit, ticked ones marked; the cursor's in reverse.
    private static func drawSizes(_ ticked: [CompanySize], cursor: Int, into grid: inout CellGrid,
                                  x: Int, y: Int, width: Int, style: Style) -> Int {
        let sizes = CompanySize.allCases
        let labels = sizes.map { (ticked.contains($0) ? "■" : "□") + $0.rawValue }
        var first = 0
        func span(_ from: Int, _ to: Int) -> Int { labels[from...to].reduce(0) { $0 + DisplayText.width($1) + 1 } + 2 }
        while first < cursor, span(first, cursor) > width { first += 1 }
        var used = grid.draw(first > 0 ? "‹" : " ", x: x, y: y, maxWidth: 1, style: style)
        for index in first..<sizes.count {
            let w = DisplayText.width(labels[index]) + 1
            guard used + w + 1 <= width else {
                used += grid.draw("›", x: x + used, y: y, maxWidth: 1, style: style)
                return used
            }
            var s = style
            if index == cursor { s.attributes.insert(.reverse) }
            used += grid.draw(labels[index], x: x + used, y: y, maxWidth: width - used, style: s)
            used += grid.draw(" ", x: x + used, y: y, maxWidth: 1, style: style)
        }
        return used
    }
}
