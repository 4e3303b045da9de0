/// The dashboard's panes, in focus order (`Tab`) and by their number key (`1`–`5`).
public enum Pane: Int, CaseIterable, Sendable, Hashable {
    case campaigns = 1, feed, stats, credits, feedback

    public var title: String {
        switch self {
        case .campaigns: "Campaigns"
        case .feed: "Live lead feed"
        case .stats: "Delivery stats"
        case .credits: "Credits"
        case .feedback: "Feedback"
        }
    }

    public var next: Pane { Pane(rawValue: rawValue % Pane.allCases.count + 1)! }
    public var previous: Pane { Pane(rawValue: (rawValue + Pane.allCases.count - 2) % Pane.allCases.count + 1)! }
}
