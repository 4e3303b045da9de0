import Foundation
import LeadOSAPI

/// Turns validated JSON bodies into the world's typed inputs (API.md §6–7).
enum RequestBodies {
    static let writableCampaignFields: Set<String> = [
        "name", "daily_lead_cap", "total_lead_cap", "job_titles", "industries", "company_sizes", "geographies",
        "min_score", "enrichment_level",
    ]
    static let readOnlyCampaignFields: Set<String> = [
        "id", "paused_reason", "leads_delivered", "leads_delivered_today", "credits_spent", "created_at", "updated_at",
    ]

    static func campaignDraft(_ b: BodyFields) throws(APIFailure) -> CampaignDraft {
        try b.check(allowed: writableCampaignFields.union(["status"]), readOnly: readOnlyCampaignFields)
        guard let name = try b.string("name", required: true, length: 1...100), let name else { throw .missing("name") }
        guard let titles = try b.stringArray("job_titles", required: true, count: 1...50, itemLength: 1...100) else {
            throw .missing("job_titles")
        }
        var d = CampaignDraft(name: name, jobTitles: titles)
        if b.has("status") {
            guard case .string(let s)? = b.object["status"], s == "draft" || s == "active" else {
                throw .invalid("status", "status must be draft or active when creating a campaign.")
            }
            d.status = s == "draft" ? .draft : .active
        }
        try applyTargeting(b, to: &d.dailyLeadCap, &d.totalLeadCap, &d.industries, &d.companySizes, &d.geographies,
                           &d.minScore, &d.enrichmentLevel)
        return d
    }

    static func campaignPatch(_ b: BodyFields) throws(APIFailure) -> CampaignPatch {
        try b.check(allowed: writableCampaignFields.union(["status"]), readOnly: readOnlyCampaignFields)
        var p = CampaignPatch()
        if let name = try b.string("name", length: 1...100) { p.name = name }
        if b.has("status") {
            guard case .string("active")? = b.object["status"] else {
                throw .invalid("status", "status can only be set to active; use /pause and /resume otherwise.")
            }
            p.launch = true
        }
        p.jobTitles = try b.stringArray("job_titles", count: 1...50, itemLength: 1...100)
        if let v = try b.int("daily_lead_cap", range: 1...1000) { p.dailyLeadCap = v }
        if let v = try b.int("total_lead_cap", nullable: true, range: 1...Int.max) { p.totalLeadCap = .some(v) }
        p.industries = try b.stringArray("industries", count: 0...50, itemLength: 1...100)
        p.companySizes = try b.enumArray("company_sizes", CompanySize.self, count: 0...8)
        p.geographies = try b.stringArray("geographies", count: 0...50, itemLength: 1...100)
        if let v = try b.int("min_score", range: 0...100) { p.minScore = v }
        p.enrichmentLevel = try b.enumValue("enrichment_level", EnrichmentLevel.self)
        return p
    }

    private static func applyTargeting(
        _ b: BodyFields, to dailyCap: inout Int, _ totalCap: inout Int?, _ industries: inout [String],
        _ sizes: inout [CompanySize], _ geographies: inout [String], _ minScore: inout Int, _ level: inout EnrichmentLevel
    ) throws(APIFailure) {
        if let v = try b.int("daily_lead_cap", range: 1...1000) { dailyCap = v! }
        if let v = try b.int("total_lead_cap", nullable: true, range: 1...Int.max) { totalCap = v }
        if let v = try b.stringArray("industries", count: 0...50, itemLength: 1...100) { industries = v }
        if let v = try b.enumArray("company_sizes", CompanySize.self, count: 0...8) { sizes = v }
        if let v = try b.stringArray("geographies", count: 0...50, itemLength: 1...100) { geographies = v }
        if let v = try b.int("min_score", range: 0...100) { minScore = v! }
        if let v = try b.enumValue("enrichment_level", EnrichmentLevel.self) { level = v }
    }

    static func feedback(_ b: BodyFields) throws(APIFailure) -> FeedbackSubmission {
        try b.check(allowed: ["rating", "reason", "note"])
        guard b.has("rating") else { throw .missing("rating") }
        guard let rating = try b.enumValue("rating", FeedbackRating.self) else { throw .missing("rating") }
        var reason: BadReason?
        if let v = b.object["reason"], v != .null {
            guard case .string(let s) = v, let r = BadReason(rawValue: s) else {
                throw .invalid("reason", "reason must be one of: \(BadReason.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            reason = r
        }
        if rating == .bad, reason == nil { throw .missing("reason") }
        if rating == .good, reason != nil { throw .invalid("reason", "reason must be null when rating is good.") }
        let note = try b.string("note", nullable: true, length: 0...500) ?? nil
        return FeedbackSubmission(rating: rating, reason: reason, note: note)
    }

    static func webhook(_ b: BodyFields) throws(APIFailure) -> (url: String, events: [String], description: String?) {
        try b.check(allowed: ["url", "events", "description"])
        guard let url = try b.string("url", required: true, length: 1...2048), let url else { throw .missing("url") }
        guard isAcceptableWebhookURL(url) else {
            throw .invalid("url", "url must be an https URL (http is allowed only for localhost, 127.0.0.1 and [::1]).")
        }
        var events = [WebhookEventType.leadDelivered.rawValue]
        if let given = try b.stringArray("events", count: 1...10, itemLength: 1...100) {
            for (i, e) in given.enumerated() where WebhookEventType(rawValue: e) == nil && !(e == "*" && given.count == 1) {
                throw .invalid("events[\(i)]", "Unknown event type '\(e.prefix(100))'; use lead.delivered, campaign.paused, balance.low or [\"*\"].")
            }
            var unique: [String] = []
            for e in given where !unique.contains(e) { unique.append(e) }
            events = unique
        }
        let description = try b.string("description", nullable: true, length: 0...200) ?? nil
        return (url, events, description)
    }

    /// The URL shapes the contract accepts (API.md §7.9): https to a DNS name or IPv4 address, or
    /// plain http to loopback; a port, a path and a query are allowed. The OpenAPI document
    /// (`scripts/openapi.py`) states the same pattern, and a test keeps them equal.
    static let webhookURLPattern =
        #"^(https://[A-Za-z0-9.-]+|http://(localhost|127\.0\.0\.1|\[::1\]))(:[0-9]{1,5})?(/[A-Za-z0-9._~/%-]*)?(\?[A-Za-z0-9._~/%&=+-]*)?$"#

    static func isAcceptableWebhookURL(_ text: String) -> Bool {
        guard text.range(of: webhookURLPattern, options: .regularExpression) != nil,
              let host = URLComponents(string: text)?.host, !host.isEmpty,
              !host.hasPrefix("."), !host.hasSuffix("."), !host.contains("..")
        else { return false }
        return true
    }

    static func suppression(_ b: BodyFields) throws(APIFailure) -> [String] {
        try b.check(allowed: ["emails"])
        guard let v = b.object["emails"] else { throw .missing("emails") }
        guard case .array(let items) = v else { throw .invalid("emails", "emails must be an array of strings.") }
        guard (1...1000).contains(items.count) else {
            throw .invalid("emails", "emails must have 1 to 1000 items, not \(items.count).")
        }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            guard case .string(let s) = item else { throw .invalid("emails[\(i)]", "emails[\(i)] must be a string, not \(item.typeName).") }
            out.append(s)
        }
        return out
    }

    static func empty(_ b: BodyFields) throws(APIFailure) { try b.check(allowed: []) }
}
