import Foundation
import LeadOSAPI

/// A validated `POST /v1/campaigns` body with defaults filled in (API.md §7.5).
public struct CampaignDraft: Sendable, Hashable {
    public var name: String
    public var status: CampaignStatus = .active
    public var dailyLeadCap = 25
    public var totalLeadCap: Int?
    public var jobTitles: [String]
    public var industries: [String] = []
    public var companySizes: [CompanySize] = []
    public var geographies: [String] = []
    public var minScore = 60
    public var enrichmentLevel = EnrichmentLevel.email

    public init(name: String, jobTitles: [String]) { self.name = name; self.jobTitles = jobTitles }
}

/// A validated `PATCH /v1/campaigns/{id}` body: nil means "leave as is" (API.md §7.6).
public struct CampaignPatch: Sendable, Hashable {
    public var name: String?
    /// `"status":"active"` was sent.
    public var launch = false
    public var dailyLeadCap: Int?
    /// `.some(nil)` removes the cap.
    public var totalLeadCap: Int??
    public var jobTitles: [String]?
    public var industries: [String]?
    public var companySizes: [CompanySize]?
    public var geographies: [String]?
    public var minScore: Int?
    public var enrichmentLevel: EnrichmentLevel?

    public init() {}
}

/// Filters and cursor of `GET /v1/leads` (API.md §7.1).
public struct LeadQuery: Sendable, Hashable {
    public var limit = 25
    public var startingAfter: String?
    public var campaignID: String?
    public var since: Date?
    public var until: Date?
    public var minScore: Int?
    public var emailStatuses: Set<EmailStatus>?
    public var enrichmentLevel: EnrichmentLevel?
    public var hasFeedback: Bool?

    public init() {}
}
