import Foundation
import LeadOSAPI

extension WorldState {
    /// One page of `GET /v1/leads` as encoded lead bodies, newest first. Walks down from the cursor
    /// (found by binary search), so a page costs O(log n + scanned) whatever the history size.
    mutating func leadPage(_ q: LeadQuery) throws(APIFailure) -> (items: [[UInt8]], hasMore: Bool, nextCursor: String?, version: UInt64) {
        var top = leads.count  // exclusive upper index of the scan
        if let after = q.startingAfter {
            guard let i = leadIndex(after) else {
                throw .invalid("starting_after", "No lead with id '\(after.prefix(100))' exists.")
            }
            top = i
        }
        if let until = q.until { top = min(top, lowerBound(date: until)) }
        var items: [[UInt8]] = []
        var lastID: String?
        var hasMore = false
        var i = top - 1
        while i >= 0 {
            let lead = leads[i].lead
            if let since = q.since, lead.deliveredAt < since { break }
            if matches(lead, q) {
                if items.count == q.limit { hasMore = true; break }
                items.append(encodedLead(at: i))
                lastID = lead.id
            }
            i -= 1
        }
        return (items, hasMore, hasMore ? lastID : nil, leadsVersion)
    }

    private func matches(_ lead: Lead, _ q: LeadQuery) -> Bool {
        if let c = q.campaignID, lead.campaignID != c { return false }
        if let m = q.minScore, lead.score < m { return false }
        if let statuses = q.emailStatuses {
            guard let s = lead.emailStatus, statuses.contains(s) else { return false }
        }
        if let level = q.enrichmentLevel, lead.enrichmentLevel != level { return false }
        if let has = q.hasFeedback, (lead.feedback != nil) != has { return false }
        return true
    }

    /// Per-day stats over `[start, end]` (UTC dates, both inclusive), computed from the same leads
    /// `GET /v1/leads` serves, so the two always agree.
    func stats(startDay: Date, endDay: Date, campaignID: String?) -> DeliveryStats {
        let endExclusive = endDay.addingTimeInterval(86_400)
        struct Acc { var delivered = 0; var credits = 0; var scoreSum = 0 }
        var perDay: [Int64: Acc] = [:]
        var perDayCampaign: [Int64: [String: Acc]] = [:]
        var total = Acc()
        var i = lowerBound(date: startDay)
        while i < leads.count {
            let lead = leads[i].lead
            i += 1
            if lead.deliveredAt >= endExclusive { break }
            if let campaignID, lead.campaignID != campaignID { continue }
            let d = Self.day(lead.deliveredAt)
            perDay[d, default: Acc()].delivered += 1
            perDay[d]!.credits += lead.creditsConsumed
            perDay[d]!.scoreSum += lead.score
            perDayCampaign[d, default: [:]][lead.campaignID, default: Acc()].delivered += 1
            perDayCampaign[d]![lead.campaignID]!.credits += lead.creditsConsumed
            perDayCampaign[d]![lead.campaignID]!.scoreSum += lead.score
            total.delivered += 1; total.credits += lead.creditsConsumed; total.scoreSum += lead.score
        }
        func avg(_ a: Acc) -> Double? {
            a.delivered == 0 ? nil : (Double(a.scoreSum) / Double(a.delivered) * 10).rounded(.toNearestOrAwayFromZero) / 10
        }
        var days: [DeliveryStats.Day] = []
        var d = Self.day(startDay)
        let last = Self.day(endDay)
        while d <= last {
            let date = Date(timeIntervalSince1970: TimeInterval(d * 86_400))
            let a = perDay[d] ?? Acc()
            let byCampaign = (perDayCampaign[d] ?? [:])
                .map { DeliveryStats.CampaignDay(campaignID: $0.key, delivered: $0.value.delivered,
                                                  creditsConsumed: $0.value.credits, avgScore: avg($0.value)) }
                .sorted { $0.delivered != $1.delivered ? $0.delivered > $1.delivered : $0.campaignID < $1.campaignID }
            days.append(DeliveryStats.Day(date: Timestamp.formatDay(date), delivered: a.delivered,
                                          creditsConsumed: a.credits, avgScore: avg(a), byCampaign: byCampaign))
            d += 1
        }
        return DeliveryStats(startDate: Timestamp.formatDay(startDay), endDate: Timestamp.formatDay(endDay),
                             campaignID: campaignID,
                             totals: .init(delivered: total.delivered, creditsConsumed: total.credits, avgScore: avg(total)),
                             data: days)
    }

    /// Adds normalised addresses; `invalid` lists the distinct normalised inputs that are not emails.
    mutating func suppress(_ emails: [String]) -> SuppressionResult {
        var seen = Set<String>()
        var added = 0, already = 0
        var invalid: [String] = []
        for raw in emails {
            let e = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            guard seen.insert(e).inserted else { continue }
            if !Self.isEmail(e) { invalid.append(e); continue }
            if suppressed.insert(e).inserted { added += 1 } else { already += 1 }
        }
        return SuppressionResult(added: added, alreadyPresent: already, invalid: invalid, totalSuppressed: suppressed.count)
    }

    /// A deliberately simple syntax check: one `@`, a non-empty local part, a dotted domain, no
    /// spaces or controls, at most 254 characters.
    static func isEmail(_ e: String) -> Bool {
        guard e.utf8.count <= 254, !e.isEmpty else { return false }
        let parts = e.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].utf8.count <= 64 else { return false }
        let domain = parts[1]
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }) else { return false }
        let allowedLocal = Set("abcdefghijklmnopqrstuvwxyz0123456789.!#$%&'*+/=?^_`{|}~-".unicodeScalars)
        let allowedDomain = Set("abcdefghijklmnopqrstuvwxyz0123456789.-".unicodeScalars)
        return parts[0].unicodeScalars.allSatisfy { allowedLocal.contains($0) || $0.value > 127 && $0.properties.isAlphabetic }
            && domain.unicodeScalars.allSatisfy { allowedDomain.contains($0) || $0.value > 127 && $0.properties.isAlphabetic }
            && !parts[0].hasPrefix(".") && !parts[0].hasSuffix(".") && !parts[0].contains("..")
    }
}
