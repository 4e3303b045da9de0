import LeadOSContract
import LeadTopCore

/// What the last frame drew in the panes that change least (campaigns, stats, feedback): each
/// pane's inputs, everything its drawing reads. A frame whose pane has the same inputs, place,
/// focus and theme copies it from the last frame instead of drawing it again: moving through
/// the feed redraws the feed alone, and a 1,000-campaign list and its chart cost a row copy.
///
/// Comparing inputs is cheap when nothing changed: the state's arrays and dictionaries are
/// shared between states until written, and `==` on the same storage returns at once.
public struct PaneMemo: Sendable {
    struct Drawn<Inputs: Equatable & Sendable>: Equatable, Sendable {
        var inputs: Inputs
        var rect: Rect
        var focused: Bool
    }

    var width = -1, height = -1
    var theme: Theme?
    var campaigns: Drawn<CampaignsPane.Inputs>?
    var stats: Drawn<StatsPane.Inputs>?
    var feedback: Drawn<FeedbackPane.Inputs>?

    public init() {}
}

extension DashboardView {
    /// `render(state:theme:into:)` for a grid whose last frame is `last`, as `memo` describes it:
    /// panes drawn with the same inputs are copied from `last`. `memo` then describes this frame.
    /// A frame with a dialog or notice over the panes is drawn whole and leaves nothing to reuse.
    public static func render(state: AppState, theme: Theme, into grid: inout CellGrid, over last: CellGrid,
                              memo: inout PaneMemo) {
        let layout = state.layout
        let reusable = memo.width == grid.width && memo.height == grid.height && last.width == grid.width
            && last.height == grid.height && memo.theme == theme
        guard layout.width == grid.width, layout.height == grid.height, !layout.isTooSmall else {
            memo = PaneMemo()
            render(state: state, theme: theme, into: &grid)
            return
        }
        var next = PaneMemo()
        next.width = grid.width; next.height = grid.height; next.theme = theme

        let campaigns = PaneMemo.Drawn(inputs: CampaignsPane.Inputs(state), rect: layout.campaigns, focused: state.focus == .campaigns)
        if reusable, memo.campaigns == campaigns { grid.copyCells(in: campaigns.rect, from: last) } else {
            CampaignsPane.draw(into: &grid, state: state, theme: theme, rect: campaigns.rect, focused: campaigns.focused)
        }
        next.campaigns = campaigns
        let stats = PaneMemo.Drawn(inputs: StatsPane.Inputs(state), rect: layout.stats, focused: state.focus == .stats)
        if reusable, memo.stats == stats { grid.copyCells(in: stats.rect, from: last) } else {
            StatsPane.draw(into: &grid, inputs: stats.inputs, theme: theme, rect: stats.rect, focused: stats.focused)
        }
        next.stats = stats
        FeedPane.draw(into: &grid, state: state, theme: theme, rect: layout.feed, focused: state.focus == .feed)
        CreditsPane.draw(into: &grid, state: state, theme: theme, rect: layout.credits, focused: state.focus == .credits)
        let feedback = PaneMemo.Drawn(inputs: FeedbackPane.Inputs(state), rect: layout.feedback, focused: state.focus == .feedback)
        if reusable, memo.feedback == feedback { grid.copyCells(in: feedback.rect, from: last) } else {
            FeedbackPane.draw(into: &grid, inputs: feedback.inputs, theme: theme, rect: feedback.rect, focused: feedback.focused)
        }
        next.feedback = feedback
        StatusBar.draw(into: &grid, state: state, theme: theme, rect: layout.statusBar)
        if drawOverlays(state: state, theme: theme, into: &grid) { next = PaneMemo() }
        memo = next
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
