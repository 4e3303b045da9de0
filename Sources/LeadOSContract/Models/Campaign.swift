import Foundation

/// A lead-finding campaign (API.md §6.3).
public struct Campaign: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var status: CampaignStatus
    public var pausedReason: PausedReason?
    public var dailyLeadCap: Int
    public var totalLeadCap: Int?
    public var jobTitles: [String]
    public var industries: [String]
    public var companySizes: [CompanySize]
    public var geographies: [String]
    public var minScore: Int
    public var enrichmentLevel: EnrichmentLevel
    public var leadsDelivered: Int
    public var leadsDeliveredToday: Int
    public var creditsSpent: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, name: String, status: CampaignStatus, pausedReason: PausedReason?, dailyLeadCap: Int,
        totalLeadCap: Int?, jobTitles: [String], industries: [String], companySizes: [CompanySize],
        geographies: [String], minScore: Int, enrichmentLevel: EnrichmentLevel, leadsDelivered: Int,
        leadsDeliveredToday: Int, creditsSpent: Int, createdAt: Date, updatedAt: Date
    ) {
        self.id = id; self.name = name; self.status = status; self.pausedReason = pausedReason
        self.dailyLeadCap = dailyLeadCap; self.totalLeadCap = totalLeadCap; self.jobTitles = jobTitles
        self.industries = industries; self.companySizes = companySizes; self.geographies = geographies
        self.minScore = minScore; self.enrichmentLevel = enrichmentLevel; self.leadsDelivered = leadsDelivered
        self.leadsDeliveredToday = leadsDeliveredToday; self.creditsSpent = creditsSpent
        self.createdAt = createdAt; self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, name, status, pausedReason = "paused_reason", dailyLeadCap = "daily_lead_cap"
        case totalLeadCap = "total_lead_cap", jobTitles = "job_titles", industries
        case companySizes = "company_sizes", geographies, minScore = "min_score"
        case enrichmentLevel = "enrichment_level", leadsDelivered = "leads_delivered"
        case leadsDeliveredToday = "leads_delivered_today", creditsSpent = "credits_spent"
        case createdAt = "created_at", updatedAt = "updated_at"
    }

    /// Decodes a campaign, refusing caps, scores and counts outside the contract (`ContractRange`).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        status = try c.decode(CampaignStatus.self, forKey: .status)
        pausedReason = try c.decodeIfPresent(PausedReason.self, forKey: .pausedReason)
        dailyLeadCap = try c.decode(Int.self, forKey: .dailyLeadCap, in: ContractRange.dailyLeadCap)
        totalLeadCap = try c.decode(Int?.self, forKey: .totalLeadCap, in: ContractRange.positive)
        jobTitles = try c.decode([String].self, forKey: .jobTitles)
        industries = try c.decode([String].self, forKey: .industries)
        companySizes = try c.decode([CompanySize].self, forKey: .companySizes)
        geographies = try c.decode([String].self, forKey: .geographies)
        minScore = try c.decode(Int.self, forKey: .minScore, in: ContractRange.score)
        enrichmentLevel = try c.decode(EnrichmentLevel.self, forKey: .enrichmentLevel)
        leadsDelivered = try c.decode(Int.self, forKey: .leadsDelivered, in: ContractRange.count)
        leadsDeliveredToday = try c.decode(Int.self, forKey: .leadsDeliveredToday, in: ContractRange.count)
        creditsSpent = try c.decode(Int.self, forKey: .creditsSpent, in: ContractRange.count)
        createdAt = try c.decode(Date.self, forKey: .createdAt)
        updatedAt = try c.decode(Date.self, forKey: .updatedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(status, forKey: .status)
        try c.encode(pausedReason, forKey: .pausedReason)
        try c.encode(dailyLeadCap, forKey: .dailyLeadCap)
        try c.encode(totalLeadCap, forKey: .totalLeadCap)
        try c.encode(jobTitles, forKey: .jobTitles)
        try c.encode(industries, forKey: .industries)
        try c.encode(companySizes, forKey: .companySizes)
        try c.encode(geographies, forKey: .geographies)
        try c.encode(minScore, forKey: .minScore)
        try c.encode(enrichmentLevel, forKey: .enrichmentLevel)
        try c.encode(leadsDelivered, forKey: .leadsDelivered)
        try c.encode(leadsDeliveredToday, forKey: .leadsDeliveredToday)
        try c.encode(creditsSpent, forKey: .creditsSpent)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
    }
}
