import Foundation
import LeadOSAPI

extension WorldState {
    /// A campaign of the starting world and the window in which it delivered.
    private struct Seeded {
        var draft: CampaignDraft
        var status: CampaignStatus
        var pausedReason: PausedReason?
        var createdAt: Date
        var endsAt: Date  // when it stopped delivering (now for active ones)
    }

    /// Builds the starting world: campaigns in every state with 30 days of delivery history, a few
    /// pieces of feedback and a balance consistent with that history. Days are filled to 25–45 %
    /// of the daily caps, so today leaves room for minutes of live deliveries.
    mutating func populate(now: Date, campaignCount: Int, historyLeads: Int?) {
        let day: TimeInterval = 86_400
        let start = Timestamp.startOfDay(now).addingTimeInterval(-30 * day)
        var seeded = templates(now: now, start: start)
        while seeded.count < campaignCount {
            var draft = CampaignDraft(name: "Outbound wave \(seeded.count + 1)",
                                      jobTitles: Array(CompanyCatalog.titles.shuffled(using: &rng).prefix(3)))
            draft.industries = [rng.pick(CompanyCatalog.industries)]
            draft.geographies = [rng.pick(PeopleLocale.all).country]
            draft.enrichmentLevel = rng.pick(EnrichmentLevel.allCases)
            draft.dailyLeadCap = Int.random(in: 10...60, using: &rng)
            draft.minScore = Int.random(in: 40...80, using: &rng)
            let created = start.addingTimeInterval(Double.random(in: 0...(20 * day), using: &rng))
            seeded.append(Seeded(draft: draft, status: .active, createdAt: created, endsAt: now))
        }
        seeded = Array(seeded.prefix(max(0, campaignCount)))

        // How many leads each campaign got on each day of its window.
        var slots: [(campaign: Int, at: Date)] = []
        var plans: [(Int, Date, Date, Int)] = []  // campaign, from, to, count
        for (index, s) in seeded.enumerated() where s.status != .draft {
            var dayStart = Timestamp.startOfDay(s.createdAt)
            while dayStart < s.endsAt {
                let from = max(dayStart, s.createdAt), to = min(dayStart.addingTimeInterval(day), s.endsAt)
                let share = (to.timeIntervalSince(from)) / day
                let n = Int((Double(s.draft.dailyLeadCap) * Double.random(in: 0.25...0.45, using: &rng) * share).rounded())
                plans.append((index, from, to, min(n, s.draft.dailyLeadCap)))
                dayStart = dayStart.addingTimeInterval(day)
            }
        }
        if let wanted = historyLeads {
            let total = max(1, plans.reduce(0) { $0 + $1.3 })
            var assigned = 0
            for i in plans.indices {
                let n = i == plans.count - 1 ? max(0, wanted - assigned) : Int(Double(plans[i].3) * Double(wanted) / Double(total))
                plans[i].3 = min(n, max(0, wanted - assigned))
                assigned += plans[i].3
            }
        }
        for (campaign, from, to, n) in plans where n > 0 && to > from {
            for _ in 0..<n {
                let t = floor(Double.random(in: from.timeIntervalSince1970..<to.timeIntervalSince1970, using: &rng))
                slots.append((campaign, Date(timeIntervalSince1970: min(t, floor(now.timeIntervalSince1970)))))
            }
        }
        slots.sort { $0.at < $1.at }

        // Campaign records, ids in creation order so the list order is stable.
        var ids: [String] = []
        for s in seeded.sorted(by: { $0.createdAt < $1.createdAt }) {
            let d = s.draft
            let c = Campaign(id: nextCampaignID(), name: d.name, status: s.status, pausedReason: s.pausedReason,
                             dailyLeadCap: d.dailyLeadCap, totalLeadCap: d.totalLeadCap, jobTitles: d.jobTitles,
                             industries: d.industries, companySizes: d.companySizes, geographies: d.geographies,
                             minScore: d.minScore, enrichmentLevel: d.enrichmentLevel, leadsDelivered: 0,
                             leadsDeliveredToday: 0, creditsSpent: 0, createdAt: floorDate(s.createdAt),
                             updatedAt: floorDate(s.status == .active || s.status == .draft ? s.createdAt : s.endsAt))
            campaigns[c.id] = CampaignRecord(campaign: c, countedDay: Self.day(now))
            campaignOrder.append(c.id)
            ids.append(c.id)
        }
        let idByTemplate = seeded.indices.sorted { seeded[$0].createdAt < seeded[$1].createdAt }
        var campaignIDOf = [Int: String]()
        for (position, template) in idByTemplate.enumerated() { campaignIDOf[template] = ids[position] }
        sortCampaignOrder()

        let today = Self.day(now)
        var usedInPeriod = 0
        for slot in slots {
            let id = campaignIDOf[slot.campaign]!
            var record = campaigns[id]!
            var made = LeadFactory.make(id: "", campaign: record.campaign, deliveredAt: slot.at, hostile: hostile, rng: &rng)
            made.lead.id = nextLeadID()
            leads.append(StoredLead(lead: made.lead, personEmail: made.personEmail, encoded: nil))
            leadDates[made.lead.id] = made.lead.deliveredAt
            record.campaign.leadsDelivered += 1
            record.campaign.creditsSpent += made.lead.creditsConsumed
            if Self.day(slot.at) == today { record.campaign.leadsDeliveredToday += 1 }
            if slot.at >= periodStart { usedInPeriod += made.lead.creditsConsumed }
            campaigns[id] = record
        }
        // The completed campaign's cap is what it delivered.
        for (template, id) in campaignIDOf where seeded[template].status == .completed {
            campaigns[id]!.campaign.totalLeadCap = max(1, campaigns[id]!.campaign.leadsDelivered)
        }
        seedFeedback(now: now)
        settleBalance(used: usedInPeriod)
    }

    private func floorDate(_ d: Date) -> Date { Date(timeIntervalSince1970: floor(d.timeIntervalSince1970)) }

    private mutating func templates(now: Date, start: Date) -> [Seeded] {
        let day: TimeInterval = 86_400
        func draft(_ name: String, _ titles: [String], _ industries: [String], _ sizes: [CompanySize], _ geos: [String],
                   _ minScore: Int, _ level: EnrichmentLevel, _ cap: Int, _ total: Int?) -> CampaignDraft {
            var d = CampaignDraft(name: name, jobTitles: titles)
            d.industries = industries; d.companySizes = sizes; d.geographies = geos; d.minScore = minScore
            d.enrichmentLevel = level; d.dailyLeadCap = cap; d.totalLeadCap = total
            return d
        }
        var names = ["Nepal SaaS founders", "EU fintech buyers", "APAC logistics ops", "MENA expansion",
                     "Q3 webinar follow-up", "Global e-commerce pilot"]
        if hostile {
            names[1] = "\u{1B}[1;31mEU\u{1B}[0m fintech \u{202E}buyers\u{202C}"
            names[3] = "MENA توسع \u{07}expansion 🚀👩🏽‍💼"
        }
        let periodStart = Timestamp.startOfMonth(now)
        let insufficientAt = max(start.addingTimeInterval(9 * day), min(periodStart.addingTimeInterval(-2 * 3600), now.addingTimeInterval(-3 * day)))
        return [
            Seeded(draft: draft(names[0], ["Founder", "CEO", "Co-Founder"], ["SaaS"], [.s11_50, .s51_200], ["Nepal", "India"],
                                70, .email, 120, 20_000),
                   status: .active, createdAt: start.addingTimeInterval(0.3 * day), endsAt: now),
            Seeded(draft: draft(names[1], ["VP of Sales", "Chief Revenue Officer", "Head of Growth"], ["Fintech"], [],
                                ["Germany", "France", "Spain", "Poland"], 60, .emailPhone, 200, nil),
                   status: .active, createdAt: start.addingTimeInterval(1.6 * day), endsAt: now),
            Seeded(draft: draft(names[2], ["Director of Operations", "COO", "Procurement Lead"], ["Logistics", "Manufacturing"],
                                [.s201_500, .s501_1000, .s1001_5000], ["Japan", "China", "South Korea", "Vietnam"], 55, .basic, 40, nil),
                   status: .paused, pausedReason: .user, createdAt: start.addingTimeInterval(2.2 * day),
                   endsAt: now.addingTimeInterval(-6 * day)),
            Seeded(draft: draft(names[3], ["CEO", "Head of Partnerships"], [], [], ["United Arab Emirates", "Egypt", "Israel"],
                                65, .emailPhone, 15, nil),
                   status: .paused, pausedReason: .insufficientCredits, createdAt: start.addingTimeInterval(3.5 * day),
                   endsAt: insufficientAt),
            Seeded(draft: draft(names[4], ["Head of Marketing", "Marketing Director"], ["SaaS", "EdTech"], [.s51_200], [],
                                60, .email, 25, 400),
                   status: .draft, createdAt: now.addingTimeInterval(-2 * day), endsAt: now),
            Seeded(draft: draft(names[5], ["Head of Marketing", "Head of Growth"], ["E-commerce", "Retail"], [],
                                [], 50, .email, 25, nil),
                   status: .completed, createdAt: start.addingTimeInterval(0.1 * day), endsAt: now.addingTimeInterval(-10 * day)),
        ]
    }

    /// About 35 pieces of feedback on history leads: personalisation is visibly collecting.
    private mutating func seedFeedback(now: Date) {
        guard !leads.isEmpty else { return }
        let notes = ["Great fit, booked a call", "Bounced twice", "Not the decision maker", "Company too small",
                     nil, nil, "Already a customer", "Replied within an hour"]
        for _ in 0..<min(35, leads.count / 3) {
            let i = Int.random(in: 0..<leads.count, using: &rng)
            guard leads[i].lead.feedback == nil else { continue }
            let good = rng.chance(0.72)
            let at = min(now, leads[i].lead.deliveredAt.addingTimeInterval(Double.random(in: 600...(3 * 86_400), using: &rng)))
            var note = rng.pick(notes)
            if hostile, rng.chance(0.5) { note = String(rng.pick(HostileText.summaries).prefix(500)) }
            let fb = Feedback(leadID: leads[i].lead.id, rating: good ? .good : .bad,
                              reason: good ? nil : rng.pick(BadReason.allCases), note: note,
                              createdAt: floorDate(at), updatedAt: floorDate(at))
            leads[i].lead.feedback = fb
            count(fb, sign: 1)
            feedbackCount += 1
        }
    }

    /// Picks a plan that leaves a healthy balance after this period's history.
    private mutating func settleBalance(used: Int) {
        let plans = [2000, 5000, 10000, 25000, 50000, 100_000]
        planCredits = plans.first { Double($0 - used) >= max(1000, Double($0) * 0.35) }
            ?? Int((Double(used) * 1.6 / 1000).rounded(.up)) * 1000
        lowBalanceThreshold = planCredits / 10
        creditsUsedThisPeriod = used
        creditsRemaining = planCredits - used
        lowBalanceNotified = creditsRemaining < lowBalanceThreshold
    }
}
