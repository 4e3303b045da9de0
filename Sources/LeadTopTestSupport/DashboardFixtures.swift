import Foundation
import LeadOSAPI
import LeadTopCore

/// Deterministic campaigns, leads, stats, balance and feedback built in code, including CJK,
/// emoji, right-to-left and hostile text (escape sequences, bidi overrides, control characters).
public enum DashboardFixtures {
    /// 2026-05-07T14:30:00Z, "now" in every fixture.
    public static let now = Date(timeIntervalSince1970: 1_778_164_200)

    public static func date(minutesAgo: Int) -> Date { now.addingTimeInterval(-Double(minutesAgo) * 60) }

    public static func campaign(_ id: String, _ name: String, status: CampaignStatus = .active,
                                pausedReason: PausedReason? = nil, today: Int = 0, cap: Int = 25,
                                delivered: Int = 0, credits: Int = 0, createdDaysAgo: Int = 30) -> Campaign {
        let created = now.addingTimeInterval(-Double(createdDaysAgo) * 86_400)
        return Campaign(id: id, name: name, status: status, pausedReason: pausedReason, dailyLeadCap: cap,
                        totalLeadCap: nil, jobTitles: ["Founder"], industries: [], companySizes: [], geographies: [],
                        minScore: 60, enrichmentLevel: .email, leadsDelivered: delivered, leadsDeliveredToday: today,
                        creditsSpent: credits, createdAt: created, updatedAt: created)
    }

    public static let campaigns: [Campaign] = [
        campaign("camp_solar01", "Solar installers DE", today: 12, cap: 25, delivered: 1_204, credits: 2_408, createdDaysAgo: 10),
        campaign("camp_tokyo02", "東京 SaaS 創業者", status: .paused, pausedReason: .user, today: 0, cap: 20,
                 delivered: 310, credits: 620, createdDaysAgo: 20),
        campaign("camp_rocket3", "🚀 Growth leads", status: .paused, pausedReason: .insufficientCredits, today: 3,
                 cap: 50, delivered: 88, credits: 176, createdDaysAgo: 30),
        campaign("camp_draft04", "Draft: fintech CFOs", status: .draft, cap: 10, createdDaysAgo: 40),
        campaign("camp_done005", "Nepal SaaS founders", status: .completed, delivered: 500, credits: 1_000, createdDaysAgo: 50),
    ]

    public static func lead(_ id: String, campaign: String = "camp_solar01", name: String, title: String = "Founder",
                            company: String = "Acme GmbH", geography: String = "Berlin, Germany", score: Int = 84,
                            minutesAgo: Int, emailStatus: EmailStatus? = .valid, feedback: Feedback? = nil,
                            intent: String = "Evaluating CRM solutions for a growing sales team") -> Lead {
        let email: String? = emailStatus == nil ? nil : "\(id.dropFirst(4))@example.com"
        return Lead(id: id, campaignID: campaign, fullName: name, jobTitle: title, companyName: company,
                    companyDomain: "example.com", companySize: .s11_50, companyIndustry: "SaaS", geography: geography,
                    email: email, emailStatus: emailStatus, phone: nil, linkedinURL: "https://linkedin.com/in/\(id)",
                    score: score, intentSummary: intent, enrichmentLevel: emailStatus == nil ? .basic : .email,
                    creditsConsumed: emailStatus == nil ? 1 : 2, deliveredAt: date(minutesAgo: minutesAgo), feedback: feedback)
    }

    /// Hostile strings as a malicious or broken API could send them.
    public enum Hostile {
        public static let csiColour = "Eve\u{1B}[31mRED\u{1B}[0m Smith"
        public static let oscTitle = "\u{1B}]0;pwned title\u{07}Mallory"
        public static let bidiOverride = "Bob \u{202E}gnp.exe\u{202C} Ltd"
        public static let controls = "Line\nBreak\tTab\r\u{7}Bell\u{9B}2JC1"
        public static let zeroWidth = "Zero\u{200B}Width\u{FEFF}\u{2066}Iso\u{2069}"
        public static let unterminatedOSC = "Trent\u{1B}]8;;http://evil.example/\u{1B}\\link\u{1B}]8;;\u{1B}\\ Co\u{1B}]2;never ends"
    }

    public static let leads: [Lead] = [
        lead("del_a01", name: "Raj Sharma", title: "Founder", company: "TechCorp Pvt Ltd", geography: "Kathmandu, Nepal",
             score: 92, minutesAgo: 1),
        lead("del_a02", campaign: "camp_tokyo02", name: "山田 太郎", title: "代表取締役", company: "株式会社テック",
             geography: "Tokyo, Japan", score: 77, minutesAgo: 4),
        lead("del_a03", campaign: "camp_rocket3", name: "Zoë 👩‍💻 Ng", title: "CTO 🚀", company: "Café Déjà Vu",
             geography: "Paris, France", score: 65, minutesAgo: 9, emailStatus: .acceptAll),
        lead("del_a04", name: "محمد العلي", title: "المدير التنفيذي", company: "شركة دبي", geography: "Dubai, UAE",
             score: 58, minutesAgo: 15, emailStatus: .unknown),
        lead("del_a05", name: Hostile.csiColour, title: Hostile.controls, company: Hostile.bidiOverride,
             geography: Hostile.zeroWidth, score: 45, minutesAgo: 22),
        lead("del_a06", name: Hostile.oscTitle, title: "VP Sales", company: Hostile.unterminatedOSC, score: 81,
             minutesAgo: 30, emailStatus: nil),
        lead("del_a07", name: "Anna Müller", title: "Head of Growth", company: "Sonnenkraft AG", geography: "Munich, Germany",
             score: 88, minutesAgo: 45, feedback: Feedback(leadID: "del_a07", rating: .good, reason: nil, note: nil,
                                                            createdAt: date(minutesAgo: 40), updatedAt: date(minutesAgo: 40))),
        lead("del_a08", name: "Lars Jensen", title: "COO", company: "Nordlicht ApS", geography: "Copenhagen, Denmark",
             score: 71, minutesAgo: 70, feedback: Feedback(leadID: "del_a08", rating: .bad, reason: .notICP, note: "Too big",
                                                            createdAt: date(minutesAgo: 60), updatedAt: date(minutesAgo: 60))),
        lead("del_a09", name: "Priya Patel", title: "Founder & CEO", company: "Greenfield Energy", geography: "London, UK",
             score: 95, minutesAgo: 125),
        lead("del_a10", name: "Tomás García", title: "Director of Ops", company: "Solaria SL", geography: "Madrid, Spain",
             score: 63, minutesAgo: 190),
        lead("del_a11", name: "Kim Min-jun", title: "Growth Lead", company: "서울 솔라", geography: "Seoul, South Korea",
             score: 84, minutesAgo: 300),
        lead("del_a12", name: "Olivia Brown", title: "Procurement Manager", company: "Brown & Sons", geography: "Leeds, UK",
             score: 52, minutesAgo: 1_500),
    ]

    /// 30 days ending today, with deliveries split between the first three campaigns.
    public static let stats: DeliveryStats = {
        var days: [DeliveryStats.Day] = []
        var total = 0, credits = 0, scoreSum = 0.0
        for i in 0..<30 {
            let date = Timestamp.formatDay(now.addingTimeInterval(Double(i - 29) * 86_400))
            let solar = (i * 7) % 13 + (i > 20 ? 8 : 2)
            let tokyo = i % 4 == 0 ? 0 : (i * 3) % 5 + 1
            let rocket = i < 25 ? (i % 3) : 0
            var parts: [DeliveryStats.CampaignDay] = []
            for (id, n, avg) in [("camp_solar01", solar, 81.0), ("camp_tokyo02", tokyo, 74.5), ("camp_rocket3", rocket, 68.0)] where n > 0 {
                parts.append(.init(campaignID: id, delivered: n, creditsConsumed: n * 2, avgScore: avg))
            }
            parts.sort { $0.delivered != $1.delivered ? $0.delivered > $1.delivered : $0.campaignID < $1.campaignID }
            let delivered = parts.reduce(0) { $0 + $1.delivered }
            let sum = parts.reduce(0.0) { $0 + Double($1.delivered) * ($1.avgScore ?? 0) }
            total += delivered; credits += delivered * 2; scoreSum += sum
            let avg = delivered > 0 ? (sum / Double(delivered) * 10).rounded() / 10 : nil
            days.append(.init(date: date, delivered: delivered, creditsConsumed: delivered * 2, avgScore: avg, byCampaign: parts))
        }
        return DeliveryStats(startDate: days[0].date, endDate: days[29].date, campaignID: nil,
                             totals: .init(delivered: total, creditsConsumed: credits,
                                           avgScore: total > 0 ? (scoreSum / Double(total) * 10).rounded() / 10 : nil),
                             data: days)
    }()

    public static let balance = Balance(
        creditsRemaining: 1_240, creditsUsedThisPeriod: 760, planCredits: 2_000,
        periodStart: Timestamp.parse("2026-05-01T00:00:00Z")!, periodEnd: Timestamp.parse("2026-06-01T00:00:00Z")!,
        lowBalanceThreshold: 200, lowBalance: false)

    public static let feedbackSummary: FeedbackSummary = {
        var reasons = FeedbackSummary.BadReasonCounts()
        reasons.invalidEmail = 2; reasons.wrongPerson = 1; reasons.notICP = 4; reasons.noIntent = 1
        return FeedbackSummary(totalDelivered: 312, totalFeedback: 32, feedbackRate: 0.103, good: 24, bad: 8,
                               badReasons: reasons,
                               personalisation: .init(status: .collecting, feedbackCount: 32, threshold: 50,
                                                      progress: 0.64, activatedAt: nil))
    }()

    /// A dashboard state fed with every fixture through the reducer, as the runtime would.
    public static func state(width: Int = 120, height: Int = 40, readOnly: Bool = false) -> AppState {
        var state = AppState(width: width, height: height, now: now, settings: .init(readOnly: readOnly))
        let updates: [SyncUpdate] = [
            .campaigns(campaigns), .newLeads(leads), .stats(stats), .balance(balance), .feedbackSummary(feedbackSummary),
            .connection(.live), .refreshed(.feed, at: now.addingTimeInterval(-3)), .rateLimit(remaining: 117, limit: 120),
        ]
        for update in updates { reduce(&state, .sync(update)) }
        return state
    }
}
