/// Mouse: a click focuses the pane under it and selects the row; the wheel scrolls that pane.
extension AppState {
    static let wheelStep = 3

    mutating func handleMouse(_ event: MouseEvent) -> [Effect] {
        if let modal {
            if case .press = event.kind, modal == .help || modal == .leadCard { self.modal = nil }
            return []
        }
        guard let pane = layout.pane(atX: event.x, y: event.y) else { return [] }
        switch event.kind {
        case .press(.left):
            focus = pane
            if let row = layout.visibleRow(in: pane, y: event.y) {
                switch pane {
                case .campaigns: selectCampaign(row: campaignScroll + row)
                case .feed: selectLead(row: feedScroll + row)
                case .stats, .credits, .feedback: break
                }
            }
        case .wheelUp:
            moveSelection(in: pane, by: -Self.wheelStep)
        case .wheelDown:
            moveSelection(in: pane, by: Self.wheelStep)
        case .press, .release:
            break
        }
        return []
    }
}
