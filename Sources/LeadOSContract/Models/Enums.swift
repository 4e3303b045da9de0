/// Company headcount buckets (API.md §6.1).
public enum CompanySize: String, Codable, Sendable, CaseIterable, Hashable {
    case s1_10 = "1-10", s11_50 = "11-50", s51_200 = "51-200", s201_500 = "201-500"
    case s501_1000 = "501-1000", s1001_5000 = "1001-5000", s5001_10000 = "5001-10000", s10001Plus = "10001+"
}

/// Verifier status of a delivered email; LeadOS never delivers `invalid` or `disposable`.
public enum EmailStatus: String, Codable, Sendable, CaseIterable, Hashable {
    case valid, acceptAll = "accept_all", unknown
}

/// How much a lead is enriched, which sets what it costs (API.md §6.1).
public enum EnrichmentLevel: String, Codable, Sendable, CaseIterable, Hashable {
    case basic, email, emailPhone = "email_phone"

    /// Credits for one lead at this level when all its data was found.
    public var fullCost: Int {
        switch self {
        case .basic: 1
        case .email: 2
        case .emailPhone: 4
        }
    }
}

/// Campaign lifecycle states (API.md §6.3).
public enum CampaignStatus: String, Codable, Sendable, CaseIterable, Hashable {
    case draft, active, paused, completed
}

/// Why a campaign is paused; present exactly when it is paused.
public enum PausedReason: String, Codable, Sendable, CaseIterable, Hashable {
    case user
    case insufficientCredits = "insufficient_credits"
}

/// A binary quality signal on a lead.
public enum FeedbackRating: String, Codable, Sendable, CaseIterable, Hashable {
    case good, bad
}

/// Why a lead was rated bad (API.md §6.2), in the contract's order.
public enum BadReason: String, Codable, Sendable, CaseIterable, Hashable {
    case invalidEmail = "invalid_email"
    case wrongPerson = "wrong_person"
    case notICP = "not_icp"
    case noIntent = "no_intent"
    case duplicate
    case other
}

/// Personalisation moves forward only: collecting → training → active.
public enum PersonalisationStatus: String, Codable, Sendable, CaseIterable, Hashable {
    case collecting, training, active
}

/// Webhook event types (API.md §8.4).
public enum WebhookEventType: String, Codable, Sendable, CaseIterable, Hashable {
    case leadDelivered = "lead.delivered"
    case campaignPaused = "campaign.paused"
    case balanceLow = "balance.low"
}
