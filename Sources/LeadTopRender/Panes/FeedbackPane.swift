import LeadOSContract
import LeadTopCore

/// Feedback and personalisation: good/bad counts, bad reasons, personalisation progress.
enum FeedbackPane {
    static func draw(into grid: inout CellGrid, state: AppState, theme: Theme, rect: Rect, focused: Bool) {
        draw(into: &grid, inputs: Inputs(state), theme: theme, rect: rect, focused: focused)
    }

    /// Draws from `inputs` alone (`PaneReuse`): what it does not read cannot make it stale.
    static func draw(into grid: inout CellGrid, inputs: Inputs, theme: Theme, rect: Rect, focused: Bool) {
        let inner = Block.draw(into: &grid, rect, title: "5 Feedback", focused: focused, theme: theme)
        guard inner.height > 0 else { return }
        guard let summary = inputs.summary else {
            grid.draw(AppState.placeholder("Waiting for feedback summary…", keyRejected: inputs.keyRejected), x: inner.x,
                      y: inner.y, maxWidth: inner.width, style: theme[.dim])
            return
        }
        var y = inner.y
        var x = inner.x
        x += grid.draw("good \(summary.good)", x: x, y: y, maxWidth: inner.maxX - x, style: theme[.good])
        x += grid.draw("  bad \(summary.bad)", x: x, y: y, maxWidth: inner.maxX - x, style: theme[.bad])
        grid.draw("  rate \(Format.oneDecimal(summary.feedbackRate * 100))%", x: x, y: y, maxWidth: inner.maxX - x, style: theme[.dim])

        let p = summary.personalisation
        let status: String
        switch p.status {
        case .collecting: status = "collecting \(p.feedbackCount)/\(p.threshold)"
        case .training: status = "training…"
        case .active: status = "active" + (p.activatedAt.map { " since " + Format.day($0) } ?? "")
        }
        y += 1
        if y < inner.maxY {
            let label = DisplayText.width("personalisation: " + status) <= inner.width ? "personalisation: " : ""
            grid.draw(label + status, x: inner.x, y: y, maxWidth: inner.width,
                      style: theme[p.status == .active ? .good : .text])
        }
        y += 1
        if y < inner.maxY, p.status == .collecting {
            Gauge.draw(into: &grid, x: inner.x, y: y, width: inner.width, ratio: p.progress,
                       fill: theme[.gauge], empty: theme[.gaugeEmpty])
            y += 1
        }
        // Bad reasons, as many per line as fit.
        let parts = BadReason.allCases.map { "\(shortLabel($0)) \(summary.badReasons[$0])" }
        var line = ""
        for part in parts {
            let candidate = line.isEmpty ? part : line + " · " + part
            if DisplayText.width(candidate) > inner.width, !line.isEmpty {
                guard y < inner.maxY else { return }
                grid.draw(line, x: inner.x, y: y, maxWidth: inner.width, style: theme[.dim])
                y += 1; line = part
            } else {
                line = candidate
            }
        }
        if !line.isEmpty, y < inner.maxY { grid.draw(line, x: inner.x, y: y, maxWidth: inner.width, style: theme[.dim]) }
    }

    static func shortLabel(_ reason: BadReason) -> String {
        switch reason {
        case .invalidEmail: "bounced"
        case .wrongPerson: "wrong person"
        case .notICP: "not ICP"
        case .noIntent: "no intent"
        case .duplicate: "duplicate"
        case .other: "other"
        }
    }
}
