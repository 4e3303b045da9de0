import Foundation
import LeadOSContract

/// What `x` (or `:export PATH`) asks the runtime to write: every lead of the feed view, as
/// `leadtop leads` prints them. The view's scope and score floor become the API's `campaign_id`
/// and `min_score` (the query `leadtop leads --campaign ID --min-score N` sends); what LeadOS
/// cannot express (text terms, an upper score bound) is applied to the rows as they are walked.
public struct ExportRequest: Sendable, Hashable {
    public enum Format: String, Sendable, Hashable {
        /// RFC 4180 with a header row, the columns of `leadtop leads --format csv`.
        case csv
        /// One lead per line, as `leadtop leads --format jsonl`.
        case jsonl
    }

    /// The path as typed: `~/` is the user's home, a relative path is from where leadtop started.
    public var path: String
    public var format: Format
    /// The feed's filter at the time of the request, its campaign scope included.
    public var filter: FeedFilter
    /// The user said yes to replacing an existing file.
    public var overwrite: Bool

    public init(path: String, filter: FeedFilter, overwrite: Bool = false) {
        self.path = path
        self.format = Self.format(forPath: path)
        self.filter = filter
        self.overwrite = overwrite
    }

    /// `.jsonl` and `.json` write JSON lines; anything else CSV.
    public static func format(forPath path: String) -> Format {
        let lowered = path.lowercased()
        return lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".json") ? .jsonl : .csv
    }

    /// `~/leadtop-leads-YYYYMMDD-HHMM.csv`, the minute in UTC (LeadOS's times are UTC too).
    public static func defaultPath(now: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: now)
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "~/leadtop-leads-\(c.year ?? 1970)\(two(c.month))\(two(c.day))-\(two(c.hour))\(two(c.minute)).csv"
    }

    /// The API's `campaign_id`: the view's scope.
    public var campaignID: String? { filter.campaignID }

    /// The API's `min_score`: the highest lower bound the view's score terms set (`score>80` is 81),
    /// nil when they set none.
    public var minScore: Int? {
        let floors = filter.scores.compactMap { condition -> Int? in
            switch condition.comparison {
            case .greaterOrEqual, .equal: condition.value
            case .greater: min(100, condition.value + 1)
            case .less, .lessOrEqual: nil
            }
        }
        return floors.max().flatMap { $0 > 0 ? $0 : nil }
    }

    /// Whether a lead LeadOS returned for the query belongs to the view (its text and score terms).
    public func matches(_ lead: Lead) -> Bool {
        filter.matches(lead, haystack: FeedFilter.haystack(for: lead))
    }
}

/// How an export is going, back from the runtime to the status bar.
public enum ExportUpdate: Sendable, Hashable {
    /// This many leads are written so far.
    case progress(written: Int)
    /// The file is in place with this many leads; `skipped` leads LeadOS sent could not be read.
    case finished(path: String, count: Int, skipped: Int)
    /// The file exists and the request did not say to overwrite it: nothing was written.
    case exists(ExportRequest)
    /// Nothing was written, for this reason.
    case failed(path: String, reason: String)
}
