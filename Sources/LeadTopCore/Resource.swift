/// The things the dashboard keeps fresh, each with its own poller and refresh age.
public enum Resource: String, CaseIterable, Sendable, Hashable, Codable {
    case feed, campaigns, balance, stats, feedbackSummary

    /// The resource's one name outside the code: the config's `[poll]` keys, the cache's rows,
    /// the log and the trace.
    public var name: String { self == .feedbackSummary ? "feedback_summary" : rawValue }
}
