import Foundation

/// The one place state changes. Returns what the runtime must do next, as values.
@discardableResult
public func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .key(let key):
        return state.handleKey(key)
    case .mouse(let event):
        return state.handleMouse(event)
    case .resize(let width, let height):
        state.resize(width: width, height: height)
        return []
    case .tick(let now):
        state.now = now
        if let message = state.message, message.expiresAt <= now { state.message = nil }
        return []
    case .sync(let update):
        return state.apply(update)
    }
}

extension AppState {
    mutating func resize(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        layout = DashboardLayout(width: self.width, height: self.height)
        if let row = selectedCampaignRow { revealCampaign(row: row) }
        clampCampaignScroll()
        if let row = selectedLeadRow { revealLead(row: row) }
        clampFeedScroll()
    }

    /// Shows a transient message in the status bar.
    mutating func show(_ text: String, kind: StatusMessage.Kind = .info) {
        message = StatusMessage(text, kind: kind, expiresAt: now.addingTimeInterval(settings.messageDuration))
    }

    /// Says that a write key does nothing in read-only mode.
    mutating func refuseInReadOnly(_ what: String) -> [Effect] {
        show("Read-only mode: \(what) is disabled", kind: .error)
        return []
    }
}
