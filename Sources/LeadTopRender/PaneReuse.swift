import LeadOSContract
import LeadTopCore

/// What the last two frames drew in the panes that change least (campaigns, stats, feedback):
/// each pane's inputs, everything its drawing reads. A pane with the same inputs, place, focus
/// and theme as in the frame before last, which the grid being drawn into still holds, is left
/// as it is; one the same as in the last frame is copied from it; only a changed pane is drawn.
/// Moving through the feed redraws the feed alone, and a 1,000-campaign list and its chart cost
/// nothing once two frames have shown them.
///
/// Comparing inputs is cheap when nothing changed: the state's arrays and dictionaries are
/// shared between states until written, and `==` on the same storage returns at once.
///
/// It describes the two grids the caller alternates between (the dashboard draws into the frame
/// before last, keeping the last for the terminal's diff), so it must see every frame drawn into
/// them: `render(…over:memo:)`, or `copiedLast()` when a frame is made a copy of the last one.
public struct PaneMemo: Sendable {
    struct Drawn<Inputs: Equatable & Sendable>: Equatable, Sendable {
        var inputs: Inputs
        var rect: Rect
        var focused: Bool
    }

    /// What one grid holds in the reusable panes; nil panes hold nothing known.
    struct Record: Sendable {
        var width = -1, height = -1
        var theme: Theme?
        var campaigns: Drawn<CampaignsPane.Inputs>?
        var stats: Drawn<StatsPane.Inputs>?
        var feedback: Drawn<FeedbackPane.Inputs>?

        func holds(width: Int, height: Int, theme: Theme) -> Bool {
            self.width == width && self.height == height && self.theme == theme
        }
    }

    /// The grid drawn most recently, and the one before it (the next to be drawn into).
    var last = Record(), beforeLast = Record()

    public init() {}

    /// The frame just made is a copy of the last one (a clock-only frame that redraws none of
    /// these panes): both grids now hold what the last one held.
    public mutating func copiedLast() {
        beforeLast = last
    }
}

extension DashboardView {
    /// `render(state:theme:into:)` for `grid`, the frame before `last`, both as `memo` describes
    /// them: a pane that `grid` already holds is left, one that `last` holds is copied, the rest
    /// are drawn. `memo` then describes this frame. A frame with a dialog or notice over the
    /// panes is drawn whole and leaves nothing to reuse.
    public static func render(state: AppState, theme: Theme, into grid: inout CellGrid, over last: CellGrid,
                              memo: inout PaneMemo) {
        let layout = state.layout
        guard layout.width == grid.width, layout.height == grid.height, !layout.isTooSmall else {
            memo = PaneMemo()
            render(state: state, theme: theme, into: &grid)
            return
        }
        let held = memo.beforeLast.holds(width: grid.width, height: grid.height, theme: theme)
        let copyable = memo.last.holds(width: grid.width, height: grid.height, theme: theme)
            && last.width == grid.width && last.height == grid.height
        var next = PaneMemo.Record()
        next.width = grid.width; next.height = grid.height; next.theme = theme

        /// Leaves, copies or draws one pane; what it then holds.
        func place<Inputs>(_ drawn: PaneMemo.Drawn<Inputs>, held heldPane: PaneMemo.Drawn<Inputs>?,
                           last lastPane: PaneMemo.Drawn<Inputs>?, draw: (inout CellGrid) -> Void) {
            if held, heldPane == drawn { return }
            if copyable, lastPane == drawn { grid.copyCells(in: drawn.rect, from: last); return }
            draw(&grid)
        }
        let campaigns = PaneMemo.Drawn(inputs: CampaignsPane.Inputs(state), rect: layout.campaigns, focused: state.focus == .campaigns)
        place(campaigns, held: memo.beforeLast.campaigns, last: memo.last.campaigns) {
            CampaignsPane.draw(into: &$0, inputs: campaigns.inputs, theme: theme, rect: campaigns.rect, focused: campaigns.focused)
        }
        next.campaigns = campaigns
        let stats = PaneMemo.Drawn(inputs: StatsPane.Inputs(state), rect: layout.stats, focused: state.focus == .stats)
        place(stats, held: memo.beforeLast.stats, last: memo.last.stats) {
            StatsPane.draw(into: &$0, inputs: stats.inputs, theme: theme, rect: stats.rect, focused: stats.focused)
        }
        next.stats = stats
        FeedPane.draw(into: &grid, state: state, theme: theme, rect: layout.feed, focused: state.focus == .feed)
        CreditsPane.draw(into: &grid, state: state, theme: theme, rect: layout.credits, focused: state.focus == .credits)
        let feedback = PaneMemo.Drawn(inputs: FeedbackPane.Inputs(state), rect: layout.feedback, focused: state.focus == .feedback)
        place(feedback, held: memo.beforeLast.feedback, last: memo.last.feedback) {
            FeedbackPane.draw(into: &$0, inputs: feedback.inputs, theme: theme, rect: feedback.rect, focused: feedback.focused)
        }
        next.feedback = feedback
        StatusBar.draw(into: &grid, state: state, theme: theme, rect: layout.statusBar)
        if drawOverlays(state: state, theme: theme, into: &grid) { next = PaneMemo.Record() }
        memo.beforeLast = memo.last
        memo.last = next
    }
}

extension CampaignsPane {
    /// Everything `draw` reads of the state.
    struct Inputs: Equatable, Sendable {
        var campaigns: [Campaign]
        var selectedCampaignID: String?
        var scopeCampaignID: String?
        var moreOnServer: Bool
        var series: [String: [Int]]
        var scroll: Int
        var order: CampaignOrder?
        var keyRejected: Bool

        init(_ state: AppState) {
            campaigns = state.campaigns; selectedCampaignID = state.selectedCampaignID; scopeCampaignID = state.scopeCampaignID
            moreOnServer = state.moreCampaignsOnServer; series = state.campaignSeries; scroll = state.campaignScroll
            order = state.campaignOrder; keyRejected = state.keyRejection != nil
        }
    }
}

extension StatsPane {
    /// Everything `draw` reads of the state: the scope's name and the stats shown.
    struct Inputs: Equatable, Sendable {
        var scopeName: String
        var stats: DeliveryStats?
        var keyRejected: Bool

        init(_ state: AppState) {
            scopeName = state.scopeCampaignID.map { state.campaign(id: $0)?.name ?? $0 } ?? "all"
            stats = state.displayedStats
            keyRejected = state.keyRejection != nil
        }
    }
}

extension FeedbackPane {
    /// Everything `draw` reads of the state: the summary shown.
    struct Inputs: Equatable, Sendable {
        var summary: FeedbackSummary?
        var keyRejected: Bool

        init(_ state: AppState) {
            summary = state.displayedFeedbackSummary
            keyRejected = state.keyRejection != nil
        }
    }
}
