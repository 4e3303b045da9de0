import Foundation
import LeadOSAPI

/// Query-string parsing and validation for the GET endpoints; every bad value is a 422 naming
/// its parameter (API.md §2, "400 vs 422").
struct QueryParameters {
    /// Parameters in the order they appear (repeated names: the last one wins).
    var pairs: [(String, String)] = []

    init(_ query: String?) throws(APIFailure) {
        guard let query, !query.isEmpty else { return }
        for part in query.split(separator: "&", omittingEmptySubsequences: true) {
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let rawName = String(kv[0]).replacingOccurrences(of: "+", with: " ")
            let rawValue = kv.count > 1 ? String(kv[1]).replacingOccurrences(of: "+", with: " ") : ""
            guard let name = rawName.removingPercentEncoding else { throw .invalid(String(rawName.prefix(100)), "Malformed percent-encoding in a parameter name.") }
            guard let value = rawValue.removingPercentEncoding else { throw .invalid(name, "\(name) has malformed percent-encoding.") }
            pairs.append((name, value))
        }
    }

    var dictionary: [String: String] {
        var d: [String: String] = [:]
        for (k, v) in pairs { d[k] = v }
        return d
    }

    func checkKnown(_ allowed: Set<String>) throws(APIFailure) {
        for (name, _) in pairs where !allowed.contains(name) { throw .unknown(name) }
    }

    static func integer(_ name: String, _ text: String, _ range: ClosedRange<Int>) throws(APIFailure) -> Int {
        guard !text.isEmpty, text.utf8.count <= 12, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 || $0 == 45 }),
              let n = Int(text), range.contains(n)
        else { throw .invalid(name, "\(name) must be an integer from \(range.lowerBound) to \(range.upperBound).") }
        return n
    }

    static func timestamp(_ name: String, _ text: String) throws(APIFailure) -> Date {
        guard let d = Timestamp.parse(text) else {
            throw .invalid(name, "\(name) must be a timestamp like 2026-05-07T14:23:00Z.")
        }
        return d
    }

    static func date(_ name: String, _ text: String) throws(APIFailure) -> Date {
        guard let d = Timestamp.parseDay(text) else { throw .invalid(name, "\(name) must be a date like 2026-05-07.") }
        return d
    }

    static func id(_ name: String, _ text: String, prefix: String) throws(APIFailure) -> String {
        guard text.hasPrefix(prefix) else { throw .invalid(name, "\(name) must be an id starting with \(prefix).") }
        return text
    }

    // MARK: - Endpoints

    func limit() throws(APIFailure) -> Int {
        guard let v = dictionary["limit"] else { return 25 }
        return try Self.integer("limit", v, 1...100)
    }

    func leadQuery() throws(APIFailure) -> LeadQuery {
        try checkKnown(["limit", "starting_after", "campaign_id", "since", "until", "min_score", "email_status",
                        "enrichment_level", "has_feedback"])
        let d = dictionary
        var q = LeadQuery()
        q.limit = try limit()
        if let v = d["starting_after"] { q.startingAfter = try Self.id("starting_after", v, prefix: "del_") }
        if let v = d["campaign_id"] { q.campaignID = v }
        if let v = d["since"] { q.since = try Self.timestamp("since", v) }
        if let v = d["until"] { q.until = try Self.timestamp("until", v) }
        if let s = q.since, let u = q.until, s >= u { throw .invalid("since", "since must be earlier than until.") }
        if let v = d["min_score"] { q.minScore = try Self.integer("min_score", v, 0...100) }
        if let v = d["email_status"] {
            var set = Set<EmailStatus>()
            for part in v.split(separator: ",", omittingEmptySubsequences: false) {
                guard let s = EmailStatus(rawValue: String(part)) else {
                    throw .invalid("email_status", "email_status must be a comma-separated subset of valid,accept_all,unknown.")
                }
                set.insert(s)
            }
            q.emailStatuses = set
        }
        if let v = d["enrichment_level"] {
            guard let level = EnrichmentLevel(rawValue: v) else {
                throw .invalid("enrichment_level", "enrichment_level must be one of basic, email, email_phone.")
            }
            q.enrichmentLevel = level
        }
        if let v = d["has_feedback"] {
            guard v == "true" || v == "false" else { throw .invalid("has_feedback", "has_feedback must be true or false.") }
            q.hasFeedback = v == "true"
        }
        return q
    }

    func campaignQuery() throws(APIFailure) -> (limit: Int, startingAfter: String?, status: CampaignStatus?) {
        try checkKnown(["limit", "starting_after", "status"])
        let d = dictionary
        let limit = try limit()
        var after: String?
        if let v = d["starting_after"] { after = try Self.id("starting_after", v, prefix: "camp_") }
        var status: CampaignStatus?
        if let v = d["status"] {
            guard let s = CampaignStatus(rawValue: v) else {
                throw .invalid("status", "status must be one of draft, active, paused, completed.")
            }
            status = s
        }
        return (limit, after, status)
    }

    /// Start and end days (inclusive) of `GET /v1/leads/stats`, defaulting to the last 30 days.
    func statsQuery(today: Date) throws(APIFailure) -> (start: Date, end: Date, campaignID: String?) {
        try checkKnown(["start_date", "end_date", "campaign_id"])
        let d = dictionary
        let end = try d["end_date"].map { v throws(APIFailure) in try Self.date("end_date", v) } ?? Timestamp.startOfDay(today)
        let start = try d["start_date"].map { v throws(APIFailure) in try Self.date("start_date", v) } ?? end.addingTimeInterval(-29 * 86_400)
        if start > end { throw .invalid("start_date", "start_date must not be after end_date.") }
        if end.timeIntervalSince(start) / 86_400 + 1 > 90 {
            throw APIFailure(status: 422, type: "invalid_request_error", code: "date_range_too_large",
                             message: "The range from start_date to end_date covers more than 90 days.", param: "start_date")
        }
        return (start, end, d["campaign_id"])
    }
}
