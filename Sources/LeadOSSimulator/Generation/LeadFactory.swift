import Foundation
import LeadOSAPI

/// Makes plausible people at plausible companies that match a campaign's targeting. Every choice
/// comes from the caller's seeded generator, so a seed and a sequence of calls give the same leads.
enum LeadFactory {
    /// A generated lead plus the person's email even when the lead's level hides it, so suppression
    /// applies to `basic` leads too.
    struct Made { var lead: Lead; var personEmail: String }

    static func make(id: String, campaign: Campaign, deliveredAt: Date, hostile: Bool,
                     rng: inout SeededRandom) -> Made {
        let (locale, city) = place(for: campaign.geographies, rng: &rng)
        let given = rng.pick(locale.givenNames), family = rng.pick(locale.familyNames)
        var fullName = locale.familyFirst
            ? family.display + locale.separator + given.display
            : given.display + locale.separator + family.display
        let root = rng.pick(CompanyCatalog.roots), trade = rng.pick(CompanyCatalog.trades)
        let suffix = rng.pick(locale.companySuffixes)
        var companyName = suffix == "株式会社" || suffix == "ООО" || suffix == "ТОВ" || suffix == "(주)"
            ? "\(suffix) \(root) \(trade)" : "\(root) \(trade) \(suffix)"
        let domain = "\(root.lowercased())\(trade.lowercased()).\(locale.domainSuffix)"
        let personEmail = "\(given.ascii.isEmpty ? "hello" : given.ascii).\(family.ascii.isEmpty ? "team" : family.ascii)@\(domain)"

        var title = campaign.jobTitles.isEmpty ? rng.pick(CompanyCatalog.titles) : rng.pick(campaign.jobTitles)
        if rng.chance(0.15) { title = title.lowercased() } else if rng.chance(0.05) { title = title.uppercased() }
        let industry = campaign.industries.isEmpty ? rng.pick(CompanyCatalog.industries) : rng.pick(campaign.industries)
        let size = campaign.companySizes.isEmpty ? rng.pick(CompanySize.allCases) : rng.pick(campaign.companySizes)
        let score = Int.random(in: min(campaign.minScore, 100)...100, using: &rng)
        var intent = "Evaluating \(rng.pick(CompanyCatalog.products)) \(rng.pick(CompanyCatalog.triggers)). \(rng.pick(CompanyCatalog.signals))"
            .trimmingCharacters(in: .whitespaces)
        if hostile {
            if rng.chance(0.5) { fullName = rng.pick(HostileText.names) }
            if rng.chance(0.3) { companyName = rng.pick(HostileText.names) }
            if rng.chance(0.5) { intent = rng.pick(HostileText.summaries) }
        }
        // ≤ 280 counted in Unicode scalars (what JSON Schema's maxLength counts), cut on a character boundary.
        while intent.unicodeScalars.count > 280 { intent.removeLast() }

        let level = campaign.enrichmentLevel
        let email: String? = level == .basic ? nil : personEmail
        let status: EmailStatus? = email == nil ? nil : pickStatus(&rng)
        var phone: String?
        if level == .emailPhone, rng.chance(0.7) { phone = e164(locale, &rng) }
        let cost = level == .emailPhone && phone == nil ? 2 : level.fullCost
        let linkedin: String? = rng.chance(0.85)
            ? "https://linkedin.com/in/\(given.ascii.isEmpty ? "member" : given.ascii)-\(family.ascii)-\(rng.alphanumerics(6).lowercased())"
            : nil

        let lead = Lead(id: id, campaignID: campaign.id, fullName: fullName, jobTitle: title, companyName: companyName,
                        companyDomain: domain, companySize: size, companyIndustry: industry,
                        geography: "\(city), \(locale.country)", email: email, emailStatus: status, phone: phone,
                        linkedinURL: linkedin, score: score, intentSummary: intent, enrichmentLevel: level,
                        creditsConsumed: cost, deliveredAt: deliveredAt, feedback: nil)
        return Made(lead: lead, personEmail: personEmail)
    }

    /// A locale and city matching one of the targeted geographies (a country or a city, compared
    /// case-insensitively); an unknown target becomes its own country so the lead still matches.
    static func place(for geographies: [String], rng: inout SeededRandom) -> (PeopleLocale, String) {
        let all = PeopleLocale.all
        guard !geographies.isEmpty else {
            let locale = rng.pick(all)
            return (locale, rng.pick(locale.cities))
        }
        let target = rng.pick(geographies).trimmingCharacters(in: .whitespaces)
        let key = target.lowercased()
        if let locale = all.first(where: { $0.country.lowercased() == key }) { return (locale, rng.pick(locale.cities)) }
        for locale in all {
            if let city = locale.cities.first(where: { $0.lowercased() == key }) { return (locale, city) }
        }
        var locale = rng.pick(all)
        if let comma = target.range(of: ", ") {
            locale.country = String(target[comma.upperBound...])
            return (locale, String(target[..<comma.lowerBound]))
        }
        locale.country = target
        return (locale, target.isEmpty ? "Capital" : "Central \(target)")
    }

    static func pickStatus(_ rng: inout SeededRandom) -> EmailStatus {
        let r = Double.random(in: 0..<1, using: &rng)
        return r < 0.72 ? .valid : r < 0.9 ? .acceptAll : .unknown
    }

    static func e164(_ locale: PeopleLocale, _ rng: inout SeededRandom) -> String {
        var digits = String(Int.random(in: 2...9, using: &rng))
        for _ in 1..<locale.nationalDigits { digits.append(String(Int.random(in: 0...9, using: &rng))) }
        return "+\(locale.callingCode)\(digits)"
    }

    /// True when a lead matches a campaign's targeting: the rules deliveries honour.
    static func matches(_ lead: Lead, _ campaign: Campaign) -> Bool {
        let title = lead.jobTitle.lowercased()
        guard campaign.jobTitles.contains(where: { $0.lowercased() == title }) else { return false }
        if !campaign.industries.isEmpty, !campaign.industries.contains(where: { $0.lowercased() == lead.companyIndustry.lowercased() }) { return false }
        if !campaign.companySizes.isEmpty, !campaign.companySizes.contains(lead.companySize) { return false }
        if !campaign.geographies.isEmpty {
            let whole = lead.geography.lowercased()
            let parts = whole.components(separatedBy: ", ")
            guard campaign.geographies.contains(where: {
                let wanted = $0.lowercased().trimmingCharacters(in: .whitespaces)
                return wanted == whole || parts.contains(wanted)
            }) else { return false }
        }
        return lead.score >= campaign.minScore
    }
}
