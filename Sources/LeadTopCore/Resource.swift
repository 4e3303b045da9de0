/// The things the dashboard keeps fresh, each with its own poller and refresh age.
public enum Resource: String, CaseIterable, Sendable, Hashable, Codable {
    case feed, campaigns, balance, stats, feedbackSummary
}
