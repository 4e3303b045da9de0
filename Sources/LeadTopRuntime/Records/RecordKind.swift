import Foundation
import LeadOSAPI

/// What a subcommand prints, with its columns: every leaf of a fully filled object of that type
/// (in the contract's order), and the few a table shows when `--fields` does not say.
public struct RecordKind: Sendable {
    public var name: String
    public var columns: [String]
    public var tableColumns: [String]

    /// The columns of `sample`, a value with every optional part present, so a null `feedback`
    /// in the first row still has its `feedback.rating` column.
    public init(name: String, sample: some Encodable, tableColumns: [String]? = nil) {
        self.name = name
        let all = ((try? RecordNode.of(sample)) ?? .null).flattened.map(\.name)
        self.columns = all
        self.tableColumns = tableColumns ?? all
    }

    private static let epoch = Date(timeIntervalSince1970: 0)

    public static let feedback = RecordKind(name: "feedback", sample: Feedback(
        leadID: "del_x", rating: .bad, reason: .other, note: "", createdAt: epoch, updatedAt: epoch))

    public static let lead = RecordKind(name: "leads", sample: Lead(
        id: "del_x", campaignID: "camp_x", fullName: "", jobTitle: "", companyName: "", companyDomain: "",
        companySize: .s1_10, companyIndustry: "", geography: "", email: "", emailStatus: .valid, phone: "",
        linkedinURL: "", score: 0, intentSummary: "", enrichmentLevel: .email, creditsConsumed: 0, deliveredAt: epoch,
        feedback: Feedback(leadID: "del_x", rating: .bad, reason: .other, note: "", createdAt: epoch, updatedAt: epoch)),
        tableColumns: ["id", "delivered_at", "score", "full_name", "job_title", "company_name", "email", "campaign_id",
                       "feedback.rating"])

    public static let campaign = RecordKind(name: "campaigns", sample: Campaign(
        id: "camp_x", name: "", status: .paused, pausedReason: .user, dailyLeadCap: 1, totalLeadCap: 1, jobTitles: [],
        industries: [], companySizes: [], geographies: [], minScore: 0, enrichmentLevel: .email, leadsDelivered: 0,
        leadsDeliveredToday: 0, creditsSpent: 0, createdAt: epoch, updatedAt: epoch),
        tableColumns: ["id", "name", "status", "paused_reason", "daily_lead_cap", "leads_delivered_today",
                       "leads_delivered", "total_lead_cap", "min_score", "enrichment_level"])

    public static let balance = RecordKind(name: "balance", sample: Balance(
        creditsRemaining: 0, creditsUsedThisPeriod: 0, planCredits: 0, periodStart: epoch, periodEnd: epoch,
        lowBalanceThreshold: 0, lowBalance: false))

    public static let feedbackSummary = RecordKind(name: "feedback summary", sample: FeedbackSummary(
        totalDelivered: 0, totalFeedback: 0, feedbackRate: 0, good: 0, bad: 0, badReasons: .init(),
        personalisation: .init(status: .active, feedbackCount: 0, threshold: 50, progress: 0, activatedAt: epoch)))

    /// `stats` prints one row per day; the whole reply (totals included) is its JSON output.
    public static let statsDay = RecordKind(name: "stats", sample: DeliveryStats.Day(
        date: "", delivered: 0, creditsConsumed: 0, avgScore: 0, byCampaign: []),
        tableColumns: ["date", "delivered", "credits_consumed", "avg_score"])

    public static let suppression = RecordKind(name: "suppression", sample: SuppressionResult(
        added: 0, alreadyPresent: 0, invalid: [], totalSuppressed: 0))
}
