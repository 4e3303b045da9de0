import Foundation

/// The one place state changes. Returns what the runtime must do next, as values.
@discardableResult
public func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
    var effects = state.handle(action)
    if let request = state.leads.request(scroll: state.feedScroll, rows: state.layout.visibleRows(.feed)) {
        effects.append(.loadFeed(request))
    }
    return effects
}

extension AppState {
    fileprivate mutating func handle(_ action: Action) -> [Effect] {
        switch action {
        case .key(let key):
            return handleKey(key)
        case .mouse(let event):
            return handleMouse(event)
        case .resize(let width, let height):
            resize(width: width, height: height)
            return []
        case .tick(let now):
            self.now = now
            leads.resumeRequests()
            if let message, message.expiresAt <= now { self.message = nil }
            return []
        case .sync(let update):
            return apply(update)
        case .themeSwitched(let name, let failure):
            if let failure { show(failure, kind: .error) } else { show("Theme \(name)") }
            return []
        case .handOn(let report):
            return receive(report)
        case .campaignEditorClosed(let request, let outcome):
            return campaignEditorClosed(request, outcome: outcome)
        case .profileSwitched(let account):
            profileSwitched(to: account)
            return []
        case .profileSwitchFailed(let name, let reason):
            show("Profile \(name) not opened: \(reason)", kind: .error)
            return []
        case .profileRetired(let name, let leftQueued):
            profileRetired(name: name, leftQueued: leftQueued)
            return []
        case .export(let update):
            return apply(update)
        }
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
