import Foundation

/// Filters for `GET /v1/leads` (API.md §7.1). Nil fields are not sent.
public struct LeadQuery: Sendable, Hashable {
    public var limit: Int?
    public var startingAfter: String?
    public var campaignID: String?
    /// Inclusive: `delivered_at ≥ since`.
    public var since: Date?
    /// Exclusive: `delivered_at < until`.
    public var until: Date?
    public var minScore: Int?
    public var emailStatus: [EmailStatus]?
    public var enrichmentLevel: EnrichmentLevel?
    public var hasFeedback: Bool?

    public init(limit: Int? = nil, startingAfter: String? = nil, campaignID: String? = nil, since: Date? = nil,
                until: Date? = nil, minScore: Int? = nil, emailStatus: [EmailStatus]? = nil,
                enrichmentLevel: EnrichmentLevel? = nil, hasFeedback: Bool? = nil) {
        self.limit = limit; self.startingAfter = startingAfter; self.campaignID = campaignID; self.since = since
        self.until = until; self.minScore = minScore; self.emailStatus = emailStatus
        self.enrichmentLevel = enrichmentLevel; self.hasFeedback = hasFeedback
    }

    /// The query string this filter sends.
    public var queryItems: [URLQueryItem] {
        var q: [URLQueryItem] = []
        if let limit { q.append(.init(name: "limit", value: String(limit))) }
        if let startingAfter { q.append(.init(name: "starting_after", value: startingAfter)) }
        if let campaignID { q.append(.init(name: "campaign_id", value: campaignID)) }
        if let since { q.append(.init(name: "since", value: Timestamp.format(since))) }
        if let until { q.append(.init(name: "until", value: Timestamp.format(until))) }
        if let minScore { q.append(.init(name: "min_score", value: String(minScore))) }
        if let emailStatus { q.append(.init(name: "email_status", value: emailStatus.map(\.rawValue).joined(separator: ","))) }
        if let enrichmentLevel { q.append(.init(name: "enrichment_level", value: enrichmentLevel.rawValue)) }
        if let hasFeedback { q.append(.init(name: "has_feedback", value: hasFeedback ? "true" : "false")) }
        return q
    }
}

/// Filters for `GET /v1/campaigns` (API.md §7.4).
public struct CampaignQuery: Sendable, Hashable {
    public var limit: Int?
    public var startingAfter: String?
    public var status: CampaignStatus?

    public init(limit: Int? = nil, startingAfter: String? = nil, status: CampaignStatus? = nil) {
        self.limit = limit; self.startingAfter = startingAfter; self.status = status
    }

    /// The query string this filter sends.
    public var queryItems: [URLQueryItem] {
        var q: [URLQueryItem] = []
        if let limit { q.append(.init(name: "limit", value: String(limit))) }
        if let startingAfter { q.append(.init(name: "starting_after", value: startingAfter)) }
        if let status { q.append(.init(name: "status", value: status.rawValue)) }
        return q
    }
}

/// `POST /v1/campaigns` body (API.md §7.5): `name` and `job_titles` are required; nil fields take
/// the server's defaults and are not sent.
public struct CampaignDraft: Codable, Sendable, Hashable {
    public var name: String
    public var jobTitles: [String]
    public var status: CampaignStatus?
    public var dailyLeadCap: Int?
    public var totalLeadCap: Int?
    public var industries: [String]?
    public var companySizes: [CompanySize]?
    public var geographies: [String]?
    public var minScore: Int?
    public var enrichmentLevel: EnrichmentLevel?

    public init(name: String, jobTitles: [String], status: CampaignStatus? = nil, dailyLeadCap: Int? = nil,
                totalLeadCap: Int? = nil, industries: [String]? = nil, companySizes: [CompanySize]? = nil,
                geographies: [String]? = nil, minScore: Int? = nil, enrichmentLevel: EnrichmentLevel? = nil) {
        self.name = name; self.jobTitles = jobTitles; self.status = status; self.dailyLeadCap = dailyLeadCap
        self.totalLeadCap = totalLeadCap; self.industries = industries; self.companySizes = companySizes
        self.geographies = geographies; self.minScore = minScore; self.enrichmentLevel = enrichmentLevel
    }

    enum CodingKeys: String, CodingKey {
        case name, jobTitles = "job_titles", status, dailyLeadCap = "daily_lead_cap", totalLeadCap = "total_lead_cap"
        case industries, companySizes = "company_sizes", geographies, minScore = "min_score"
        case enrichmentLevel = "enrichment_level"
    }
}

/// `PATCH /v1/campaigns/{id}` body (API.md §7.6): only the fields set are sent.
/// `totalLeadCap` is double-optional: `.some(nil)` sends `null`, which removes the cap.
public struct CampaignPatch: Codable, Sendable, Hashable {
    public var name: String?
    public var status: CampaignStatus?
    public var dailyLeadCap: Int?
    public var totalLeadCap: Int??
    public var jobTitles: [String]?
    public var industries: [String]?
    public var companySizes: [CompanySize]?
    public var geographies: [String]?
    public var minScore: Int?
    public var enrichmentLevel: EnrichmentLevel?

    public init(name: String? = nil, status: CampaignStatus? = nil, dailyLeadCap: Int? = nil,
                totalLeadCap: Int?? = nil, jobTitles: [String]? = nil, industries: [String]? = nil,
                companySizes: [CompanySize]? = nil, geographies: [String]? = nil, minScore: Int? = nil,
                enrichmentLevel: EnrichmentLevel? = nil) {
        self.name = name; self.status = status; self.dailyLeadCap = dailyLeadCap; self.totalLeadCap = totalLeadCap
        self.jobTitles = jobTitles; self.industries = industries; self.companySizes = companySizes
        self.geographies = geographies; self.minScore = minScore; self.enrichmentLevel = enrichmentLevel
    }

    typealias CodingKeys = CampaignDraft.CodingKeys

    /// Reads a patch as `encode` writes it (the outbox keeps it): a `total_lead_cap` of `null`
    /// is "remove the cap", a missing one "leave it".
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        status = try c.decodeIfPresent(CampaignStatus.self, forKey: .status)
        dailyLeadCap = try c.decodeIfPresent(Int.self, forKey: .dailyLeadCap)
        if c.contains(.totalLeadCap) { totalLeadCap = .some(try c.decodeNil(forKey: .totalLeadCap) ? nil : try c.decode(Int.self, forKey: .totalLeadCap)) }
        jobTitles = try c.decodeIfPresent([String].self, forKey: .jobTitles)
        industries = try c.decodeIfPresent([String].self, forKey: .industries)
        companySizes = try c.decodeIfPresent([CompanySize].self, forKey: .companySizes)
        geographies = try c.decodeIfPresent([String].self, forKey: .geographies)
        minScore = try c.decodeIfPresent(Int.self, forKey: .minScore)
        enrichmentLevel = try c.decodeIfPresent(EnrichmentLevel.self, forKey: .enrichmentLevel)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encodeIfPresent(status, forKey: .status)
        try c.encodeIfPresent(dailyLeadCap, forKey: .dailyLeadCap)
        if let cap = totalLeadCap { try c.encode(cap, forKey: .totalLeadCap) }
        try c.encodeIfPresent(jobTitles, forKey: .jobTitles)
        try c.encodeIfPresent(industries, forKey: .industries)
        try c.encodeIfPresent(companySizes, forKey: .companySizes)
        try c.encodeIfPresent(geographies, forKey: .geographies)
        try c.encodeIfPresent(minScore, forKey: .minScore)
        try c.encodeIfPresent(enrichmentLevel, forKey: .enrichmentLevel)
    }
}
