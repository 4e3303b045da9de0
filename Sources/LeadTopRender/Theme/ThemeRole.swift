/// What a colour is for. Themes name colours by role, never by pane, so one theme styles everything.
/// In a theme file each role has up to three keys: `<role>_fg`, `<role>_bg` and `<role>_attrs`.
public enum ThemeRole: Int, CaseIterable, Sendable, Hashable {
    /// Ordinary text; its background is the screen background.
    case text
    case dim
    case border
    case borderFocused
    case title
    case titleFocused
    case header
    /// The selected row in the focused pane.
    case selected
    /// The selected row in a pane without focus.
    case selectedUnfocused
    case statusBar
    case statusLive
    case statusDegraded
    case statusOffline
    /// LeadOS refuses the API key: not an outage, and it needs the user.
    case statusKeyRejected
    case scoreHigh
    case scoreMid
    case scoreLow
    case chart
    case sparkline
    case gauge
    case gaugeEmpty
    case warning
    case error
    case newMark
    case good
    case bad
    case keyHint
    case dialog
    case dialogBorder
    case campaignActive
    case campaignPaused
    case campaignDraft
    case campaignCompleted

    /// The role's name in theme files.
    public var key: String {
        switch self {
        case .text: "text"
        case .dim: "dim"
        case .border: "border"
        case .borderFocused: "border_focused"
        case .title: "title"
        case .titleFocused: "title_focused"
        case .header: "header"
        case .selected: "selected"
        case .selectedUnfocused: "selected_unfocused"
        case .statusBar: "status_bar"
        case .statusLive: "status_live"
        case .statusDegraded: "status_degraded"
        case .statusOffline: "status_offline"
        case .statusKeyRejected: "status_key_rejected"
        case .scoreHigh: "score_high"
        case .scoreMid: "score_mid"
        case .scoreLow: "score_low"
        case .chart: "chart"
        case .sparkline: "sparkline"
        case .gauge: "gauge"
        case .gaugeEmpty: "gauge_empty"
        case .warning: "warning"
        case .error: "error"
        case .newMark: "new_mark"
        case .good: "good"
        case .bad: "bad"
        case .keyHint: "key_hint"
        case .dialog: "dialog"
        case .dialogBorder: "dialog_border"
        case .campaignActive: "campaign_active"
        case .campaignPaused: "campaign_paused"
        case .campaignDraft: "campaign_draft"
        case .campaignCompleted: "campaign_completed"
        }
    }

    static let byKey: [String: ThemeRole] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.key, $0) })
}
