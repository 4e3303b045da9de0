import Foundation
import LeadTopCore

/// The whole screen as a pure function of the state: panes, status bar, then any dialog on top.
public enum DashboardView {
    public static func render(state: AppState, theme: Theme, width: Int, height: Int) -> CellGrid {
        var grid = CellGrid(width: width, height: height, fill: Cell(.space, style: theme[.text]))
        render(state: state, theme: theme, into: &grid)
        return grid
    }

    /// Draws into an existing grid of the right size, to reuse its memory frame after frame.
    public static func render(state: AppState, theme: Theme, into grid: inout CellGrid) {
        let layout = state.layout.width == grid.width && state.layout.height == grid.height
            ? state.layout : DashboardLayout(width: grid.width, height: grid.height)
        if layout.isTooSmall {
            grid.fill(Rect(x: 0, y: 0, width: grid.width, height: grid.height), with: Cell(.space, style: theme[.text]))
            drawTooSmall(into: &grid, theme: theme)
            return
        }
        // The panes and the status bar tile the whole screen and clear what they cover, so there
        // is no full-screen clear first.
        CampaignsPane.draw(into: &grid, state: state, theme: theme, rect: layout.campaigns, focused: state.focus == .campaigns)
        StatsPane.draw(into: &grid, inputs: StatsPane.Inputs(state), theme: theme, rect: layout.stats, focused: state.focus == .stats)
        FeedPane.draw(into: &grid, state: state, theme: theme, rect: layout.feed, focused: state.focus == .feed)
        CreditsPane.draw(into: &grid, state: state, theme: theme, rect: layout.credits, focused: state.focus == .credits)
        FeedbackPane.draw(into: &grid, inputs: FeedbackPane.Inputs(state), theme: theme, rect: layout.feedback,
                          focused: state.focus == .feedback)
        StatusBar.draw(into: &grid, state: state, theme: theme, rect: layout.statusBar)
        drawOverlays(state: state, theme: theme, into: &grid)
    }

    /// Draws any dialog or notice over the panes; true when there was one.
    @discardableResult
    static func drawOverlays(state: AppState, theme: Theme, into grid: inout CellGrid) -> Bool {
        let body = Rect(x: 0, y: 0, width: grid.width, height: grid.height - 1)
        if state.modal == nil, let rejection = state.keyRejection {
            KeyRejectedNotice.draw(into: &grid, rejection: rejection, state: state, screen: body, theme: theme)
        }
        switch state.modal {
        case .help: HelpOverlay.draw(into: &grid, screen: body, keys: state.settings.keys, readOnly: state.settings.readOnly,
                                     demo: state.settings.isDemo, theme: theme)
        case .connectionDetails: ConnectionDetails.draw(into: &grid, state: state, screen: body, theme: theme)
        case .confirm(let confirmation): Dialogs.confirm(into: &grid, confirmation, screen: body, theme: theme)
        case .reasonPicker(let leadID, let note):
            Dialogs.reasonPicker(into: &grid, lead: state.leads.entry(id: leadID)?.lead, note: note, screen: body, theme: theme)
        case .noteInput(_, let text, _): Dialogs.noteInput(into: &grid, text: text, screen: body, theme: theme)
        case .leadCard: LeadCard.draw(into: &grid, state: state, screen: body, theme: theme)
        case .campaignForm(let form): CampaignFormView.draw(into: &grid, form: form, state: state, screen: body, theme: theme)
        case .copyMenu(let leadID, let fromCard):
            if fromCard { LeadCard.draw(into: &grid, state: state, screen: body, theme: theme) }
            CopyMenu.draw(into: &grid, lead: state.leads.entry(id: leadID)?.lead, screen: body, theme: theme)
        case .campaignCard(let campaignID):
            CampaignCard.draw(into: &grid, campaign: state.campaign(id: campaignID), state: state, screen: body, theme: theme)
        case .notifications: NotificationList.draw(into: &grid, state: state, screen: body, theme: theme)
        case .profilePicker(let selected):
            Dialogs.profilePicker(into: &grid, names: state.profileNames, current: state.settings.profile,
                                  selected: selected, screen: body, theme: theme)
        case .filterInput, .commandPrompt, .exportPath, nil: return state.keyRejection != nil
        }
        return true
    }

    /// Whether `renderClockParts` over the previous frame gives the whole new frame when only the
    /// clock moved: not while a dialog or notice covers the panes (some count down), nor below
    /// the minimum size.
    public static func clockPartsSuffice(_ state: AppState, width: Int, height: Int) -> Bool {
        state.modal == nil && state.keyRejection == nil && state.layout.width == width && state.layout.height == height
            && !state.layout.isTooSmall
    }

    /// Redraws the parts of the screen that read the clock, over the previous frame: the feed
    /// (ages and NEW marks), the credits pane (run-out date, days left in the period) and the
    /// status bar (refresh age, retry countdowns, messages that expire). The other panes do not
    /// read `now`, so after clock ticks alone they are already right; a test holds this to a
    /// whole render. With `earlier`, the time of the previous frame, the feed is redrawn only
    /// when one of its ages or NEW marks reads differently now.
    public static func renderClockParts(state: AppState, theme: Theme, into grid: inout CellGrid, since earlier: Date? = nil) {
        let layout = state.layout
        if earlier.map({ FeedPane.clockTextsDiffer(state: state, rect: layout.feed, earlier: $0) }) ?? true {
            FeedPane.draw(into: &grid, state: state, theme: theme, rect: layout.feed, focused: state.focus == .feed)
        }
        CreditsPane.draw(into: &grid, state: state, theme: theme, rect: layout.credits,
                         focused: state.focus == .credits)
        StatusBar.draw(into: &grid, state: state, theme: theme, rect: layout.statusBar)
    }

    static func drawTooSmall(into grid: inout CellGrid, theme: Theme) {
        let lines = [
            "Terminal too small",
            "need \(DashboardLayout.minWidth)×\(DashboardLayout.minHeight), have \(grid.width)×\(grid.height)",
            "enlarge the window or press q to quit",
        ]
        let top = max(0, (grid.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < grid.height {
            let w = DisplayText.width(line)
            grid.draw(line, x: max(0, (grid.width - w) / 2), y: top + i, maxWidth: grid.width, style: theme[i == 0 ? .warning : .text])
        }
    }
}
