import LeadOSContract

/// What the feed shows: an optional campaign scope plus the terms typed after `/`.
///
/// Terms are separated by spaces and all must match. `score>80`, `score>=80`, `score<50`,
/// `score<=50` and `score=90` compare the score; any other term is a case-insensitive substring of
/// the lead's name, title, company, domain, industry, geography or email.
public struct FeedFilter: Sendable, Hashable {
    public enum Comparison: String, Sendable, Hashable, CaseIterable {
        case greaterOrEqual = ">=", lessOrEqual = "<=", greater = ">", less = "<", equal = "="
    }

    public struct ScoreCondition: Sendable, Hashable {
        public var comparison: Comparison
        public var value: Int

        public init(_ comparison: Comparison, _ value: Int) {
            self.comparison = comparison; self.value = value
        }

        public func matches(_ score: Int) -> Bool {
            switch comparison {
            case .greaterOrEqual: score >= value
            case .lessOrEqual: score <= value
            case .greater: score > value
            case .less: score < value
            case .equal: score == value
            }
        }
    }

    public var campaignID: String?
    /// Lower-cased substrings.
    public var terms: [String]
    public var scores: [ScoreCondition]
    /// Only leads without feedback (`u`): LeadOS's `has_feedback=false`, over the cache.
    public var unratedOnly: Bool

    public init(campaignID: String? = nil, terms: [String] = [], scores: [ScoreCondition] = [], unratedOnly: Bool = false) {
        self.campaignID = campaignID; self.terms = terms; self.scores = scores; self.unratedOnly = unratedOnly
    }

    public static let all = FeedFilter()

    public var isEmpty: Bool { campaignID == nil && terms.isEmpty && scores.isEmpty && !unratedOnly }

    /// Whether a lead passes; `haystack` is the lead's searchable text, already lower-cased.
    public func matches(_ lead: Lead, haystack: String) -> Bool {
        if let campaignID, lead.campaignID != campaignID { return false }
        if unratedOnly, lead.feedback != nil { return false }
        for condition in scores where !condition.matches(lead.score) { return false }
        // By bytes, as the cache's `instr` does: "श" finds "शर्मा" although, as characters,
        // "श्" is one grapheme there.
        for term in terms where haystack.utf8.firstRange(of: term.utf8) == nil { return false }
        return true
    }

    /// The text a lead is searched by, lower-cased once when it is stored.
    public static func haystack(for lead: Lead) -> String {
        [lead.fullName, lead.jobTitle, lead.companyName, lead.companyDomain, lead.companyIndustry,
         lead.geography, lead.email ?? ""].joined(separator: "\u{1F}").lowercased()
    }
}

// MARK: - Parsing

public struct FilterSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public var term: String
    public init(term: String) { self.term = term }
    public var description: String { "\"\(term)\": a score filter needs a whole number 0–100, e.g. score>80" }
}

extension FeedFilter {
    /// Parses the text typed after `/`, keeping `campaignID` as the scope and `unratedOnly` (`u`).
    public static func parse(_ text: String, campaignID: String? = nil,
                             unratedOnly: Bool = false) -> Result<FeedFilter, FilterSyntaxError> {
        var filter = FeedFilter(campaignID: campaignID, unratedOnly: unratedOnly)
        for raw in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            let term = raw.lowercased()
            if term.hasPrefix("score"), let condition = parseScore(term) {
                switch condition {
                case .some(let c): filter.scores.append(c)
                case .none: return .failure(FilterSyntaxError(term: String(raw)))
                }
            } else {
                filter.terms.append(term)
            }
        }
        return .success(filter)
    }

    /// nil: not a score term at all; .some(nil): a score term with a bad number.
    private static func parseScore(_ term: String) -> ScoreCondition?? {
        let rest = term.dropFirst(5)
        for comparison in Comparison.allCases where rest.hasPrefix(comparison.rawValue) {
            let number = rest.dropFirst(comparison.rawValue.count)
            guard let value = Int(number), (0...100).contains(value) else { return .some(nil) }
            return .some(ScoreCondition(comparison, value))
        }
        return nil
    }
}
