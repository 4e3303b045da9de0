import Foundation
import LeadOSContract

/// How many days the stats pane covers (`[` and `]`, `:range 30d`). LeadOS refuses more than 90
/// (`date_range_too_large`), so no value here can ask for more.
public enum StatsRange: Int, CaseIterable, Sendable, Hashable, Codable {
    case week = 7, fortnight = 14, month = 30, twoMonths = 60, quarter = 90

    /// LeadOS's own default span (§7.2), which the dashboard starts with.
    public static let standard = StatsRange.month

    public var days: Int { rawValue }

    /// `30d`, as `:range` takes it and the pane shows it.
    public var name: String { "\(rawValue)d" }

    /// The next shorter or longer range; nil at either end.
    public var shorter: StatsRange? { Self.allCases.last { $0.rawValue < rawValue } }
    public var longer: StatsRange? { Self.allCases.first { $0.rawValue > rawValue } }

    /// `7d`, `7` or `7 days`; nil for anything else.
    public static func parse(_ text: String) -> StatsRange? {
        var digits = text.lowercased().trimmingCharacters(in: .whitespaces)
        for suffix in [" days", "days", "d"] where digits.hasSuffix(suffix) {
            digits = String(digits.dropLast(suffix.count))
            break
        }
        return Int(digits).flatMap(StatsRange.init(rawValue:))
    }

    /// `start_date` and `end_date` (both inclusive) of the range ending on the UTC day of `now`.
    public func dates(endingAt now: Date) -> (start: String, end: String) {
        let end = Timestamp.startOfDay(now)
        let start = end.addingTimeInterval(-Double(days - 1) * 86_400)
        return (Timestamp.formatDay(start), Timestamp.formatDay(end))
    }
}
