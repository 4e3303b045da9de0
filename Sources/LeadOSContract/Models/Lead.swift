import Foundation

/// A delivered lead (API.md §6.1). Its id is also the delivery id.
public struct Lead: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var campaignID: String
    public var fullName: String
    public var jobTitle: String
    public var companyName: String
    public var companyDomain: String
    public var companySize: CompanySize
    public var companyIndustry: String
    public var geography: String
    public var email: String?
    public var emailStatus: EmailStatus?
    public var phone: String?
    public var linkedinURL: String?
    public var score: Int
    public var intentSummary: String
    public var enrichmentLevel: EnrichmentLevel
    public var creditsConsumed: Int
    public var deliveredAt: Date
    public var feedback: Feedback?

    public init(
        id: String, campaignID: String, fullName: String, jobTitle: String, companyName: String,
        companyDomain: String, companySize: CompanySize, companyIndustry: String, geography: String,
        email: String?, emailStatus: EmailStatus?, phone: String?, linkedinURL: String?, score: Int,
        intentSummary: String, enrichmentLevel: EnrichmentLevel, creditsConsumed: Int, deliveredAt: Date,
        feedback: Feedback?
    ) {
        self.id = id; self.campaignID = campaignID; self.fullName = fullName; self.jobTitle = jobTitle
        self.companyName = companyName; self.companyDomain = companyDomain; self.companySize = companySize
        self.companyIndustry = companyIndustry; self.geography = geography; self.email = email
        self.emailStatus = emailStatus; self.phone = phone; self.linkedinURL = linkedinURL; self.score = score
        self.intentSummary = intentSummary; self.enrichmentLevel = enrichmentLevel
        self.creditsConsumed = creditsConsumed; self.deliveredAt = deliveredAt; self.feedback = feedback
    }

    enum CodingKeys: String, CodingKey {
        case id, campaignID = "campaign_id", fullName = "full_name", jobTitle = "job_title"
        case companyName = "company_name", companyDomain = "company_domain", companySize = "company_size"
        case companyIndustry = "company_industry", geography, email, emailStatus = "email_status", phone
        case linkedinURL = "linkedin_url", score, intentSummary = "intent_summary"
        case enrichmentLevel = "enrichment_level", creditsConsumed = "credits_consumed"
        case deliveredAt = "delivered_at", feedback
    }

    /// Decodes a lead, refusing a score or a credit cost outside the contract (`ContractRange`).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        campaignID = try c.decode(String.self, forKey: .campaignID)
        fullName = try c.decode(String.self, forKey: .fullName)
        jobTitle = try c.decode(String.self, forKey: .jobTitle)
        companyName = try c.decode(String.self, forKey: .companyName)
        companyDomain = try c.decode(String.self, forKey: .companyDomain)
        companySize = try c.decode(CompanySize.self, forKey: .companySize)
        companyIndustry = try c.decode(String.self, forKey: .companyIndustry)
        geography = try c.decode(String.self, forKey: .geography)
        email = try c.decodeIfPresent(String.self, forKey: .email)
        emailStatus = try c.decodeIfPresent(EmailStatus.self, forKey: .emailStatus)
        phone = try c.decodeIfPresent(String.self, forKey: .phone)
        linkedinURL = try c.decodeIfPresent(String.self, forKey: .linkedinURL)
        score = try c.decode(Int.self, forKey: .score, in: ContractRange.score)
        intentSummary = try c.decode(String.self, forKey: .intentSummary)
        enrichmentLevel = try c.decode(EnrichmentLevel.self, forKey: .enrichmentLevel)
        creditsConsumed = try c.decode(Int.self, forKey: .creditsConsumed, in: ContractRange.leadCredits)
        deliveredAt = try c.decode(Date.self, forKey: .deliveredAt)
        feedback = try c.decodeIfPresent(Feedback.self, forKey: .feedback)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(campaignID, forKey: .campaignID)
        try c.encode(fullName, forKey: .fullName)
        try c.encode(jobTitle, forKey: .jobTitle)
        try c.encode(companyName, forKey: .companyName)
        try c.encode(companyDomain, forKey: .companyDomain)
        try c.encode(companySize, forKey: .companySize)
        try c.encode(companyIndustry, forKey: .companyIndustry)
        try c.encode(geography, forKey: .geography)
        try c.encode(email, forKey: .email)
        try c.encode(emailStatus, forKey: .emailStatus)
        try c.encode(phone, forKey: .phone)
        try c.encode(linkedinURL, forKey: .linkedinURL)
        try c.encode(score, forKey: .score)
        try c.encode(intentSummary, forKey: .intentSummary)
        try c.encode(enrichmentLevel, forKey: .enrichmentLevel)
        try c.encode(creditsConsumed, forKey: .creditsConsumed)
        try c.encode(deliveredAt, forKey: .deliveredAt)
        try c.encode(feedback, forKey: .feedback)
    }
}
