import LeadOSContract

/// The campaign form (`c` creates, `e` edits): each writable field of a campaign (API.md §6.3) as
/// the user edits it, which field has the cursor, and what is wrong with which field. Values are
/// kept as typed and checked against the contract's limits only on save, so a half-typed number
/// is never lost.
public struct CampaignForm: Sendable, Hashable {
    public enum Mode: Sendable, Hashable {
        case create
        case edit(campaignID: String)
    }

    public enum Field: Int, CaseIterable, Sendable, Hashable {
        case name, jobTitles, industries, companySizes, geographies, minScore, enrichment, dailyCap, totalCap, start

        public var label: String {
            switch self {
            case .name: "Name"
            case .jobTitles: "Job titles"
            case .industries: "Industries"
            case .companySizes: "Company sizes"
            case .geographies: "Geographies"
            case .minScore: "Min score"
            case .enrichment: "Enrichment"
            case .dailyCap: "Daily cap"
            case .totalCap: "Total cap"
            case .start: "Start"
            }
        }

        /// The field a 422's `param` names.
        public init?(param: String) {
            switch param {
            case "name": self = .name
            case "job_titles": self = .jobTitles
            case "industries": self = .industries
            case "company_sizes": self = .companySizes
            case "geographies": self = .geographies
            case "min_score": self = .minScore
            case "enrichment_level": self = .enrichment
            case "daily_lead_cap": self = .dailyCap
            case "total_lead_cap": self = .totalCap
            case "status": self = .start
            default: return nil
            }
        }
    }

    /// What the fields hold. Lists are typed comma-separated; an empty list means "any".
    public struct Values: Sendable, Hashable {
        public var name = ""
        public var jobTitles = ""
        public var industries = ""
        public var companySizes: [CompanySize] = []
        public var geographies = ""
        public var minScore = "60"
        public var enrichment = EnrichmentLevel.email
        public var dailyCap = "25"
        /// Empty: no cap.
        public var totalCap = ""
        /// Create as active (true) or as a draft.
        public var launch = true

        public init() {}

        public init(_ campaign: Campaign) {
            name = campaign.name
            jobTitles = campaign.jobTitles.joined(separator: ", ")
            industries = campaign.industries.joined(separator: ", ")
            companySizes = campaign.companySizes
            geographies = campaign.geographies.joined(separator: ", ")
            minScore = String(campaign.minScore)
            enrichment = campaign.enrichmentLevel
            dailyCap = String(campaign.dailyLeadCap)
            totalCap = campaign.totalLeadCap.map(String.init) ?? ""
            launch = campaign.status != .draft
        }
    }

    public var mode: Mode
    public var values: Values
    /// As the form opened, to tell whether there is anything to lose.
    public var initial: Values
    public var focus: Field = .name
    /// The company size under the cursor in that field.
    public var sizeCursor = 0
    public var errors: [Field: String] = [:]
    /// LeadOS's own words when it refused the last save.
    public var notice: String?
    /// Esc on a changed form asks first; this is the question being shown.
    public var confirmingDiscard = false
    /// Leads delivered so far (edit): a total cap must stay above it (§7.6).
    public var leadsDelivered = 0

    public init(mode: Mode, values: Values = Values(), leadsDelivered: Int = 0) {
        self.mode = mode; self.values = values; self.initial = values; self.leadsDelivered = leadsDelivered
    }

    public var isDirty: Bool { values != initial }

    /// The fields shown: `Start` only when creating.
    public var fields: [Field] {
        if case .create = mode { return Field.allCases }
        return Field.allCases.filter { $0 != .start }
    }

    public static let maxTextLength = 2_000
}

/// Checking the values against the contract (API.md §6.3), field by field.
extension CampaignForm.Values {
    public typealias Field = CampaignForm.Field

    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The values as the API takes them, or each field's problem.
    public func checked(leadsDelivered: Int = 0) -> Result<Checked, Errors> {
        var errors: [Field: String] = [:]
        let trimmedName = name.trimmingCharacters(in: .whitespaces)
        if trimmedName.isEmpty || trimmedName.count > 100 { errors[.name] = "1 to 100 characters" }
        let titles = Self.list(jobTitles)
        if titles.isEmpty || titles.count > 50 { errors[.jobTitles] = "1 to 50 titles, separated by commas" }
        else if titles.contains(where: { $0.count > 100 }) { errors[.jobTitles] = "each title at most 100 characters" }
        let industryList = Self.list(industries), geographyList = Self.list(geographies)
        if industryList.count > 50 || industryList.contains(where: { $0.count > 100 }) {
            errors[.industries] = "at most 50, each at most 100 characters"
        }
        if geographyList.count > 50 || geographyList.contains(where: { $0.count > 100 }) {
            errors[.geographies] = "at most 50, each at most 100 characters"
        }
        let score = Int(minScore.trimmingCharacters(in: .whitespaces))
        if score.map({ !ContractRange.score.contains($0) }) ?? true { errors[.minScore] = "a whole number from 0 to 100" }
        let daily = Int(dailyCap.trimmingCharacters(in: .whitespaces))
        if daily.map({ !ContractRange.dailyLeadCap.contains($0) }) ?? true { errors[.dailyCap] = "a whole number from 1 to 1000" }
        let totalText = totalCap.trimmingCharacters(in: .whitespaces)
        var total: Int?
        if !totalText.isEmpty && totalText.lowercased() != "none" {
            total = Int(totalText)
            if let value = total, value >= 1 {
                if value <= leadsDelivered {
                    errors[.totalCap] = "more than the \(leadsDelivered) leads already delivered, or empty for none"
                }
            } else {
                errors[.totalCap] = "a whole number of at least 1, or empty for none"
            }
        }
        guard errors.isEmpty, let score, let daily else { return .failure(Errors(byField: errors)) }
        return .success(Checked(name: trimmedName, jobTitles: titles, industries: industryList, companySizes: companySizes,
                                geographies: geographyList, minScore: score, enrichment: enrichment, dailyCap: daily,
                                totalCap: total, launch: launch))
    }

    public struct Errors: Error, Sendable, Hashable {
        public var byField: [Field: String]
    }

    /// Values the API accepts.
    public struct Checked: Sendable, Hashable {
        public var name: String
        public var jobTitles: [String]
        public var industries: [String]
        public var companySizes: [CompanySize]
        public var geographies: [String]
        public var minScore: Int
        public var enrichment: EnrichmentLevel
        public var dailyCap: Int
        public var totalCap: Int?
        public var launch: Bool

        public var draft: CampaignDraft {
            CampaignDraft(name: name, jobTitles: jobTitles, status: launch ? .active : .draft, dailyLeadCap: dailyCap,
                          totalLeadCap: totalCap, industries: industries, companySizes: companySizes,
                          geographies: geographies, minScore: minScore, enrichmentLevel: enrichment)
        }

        /// Only what differs from `campaign` (arrays are replaced whole, §7.6).
        public func patch(from campaign: Campaign) -> CampaignPatch {
            var patch = CampaignPatch()
            if name != campaign.name { patch.name = name }
            if jobTitles != campaign.jobTitles { patch.jobTitles = jobTitles }
            if industries != campaign.industries { patch.industries = industries }
            if companySizes != campaign.companySizes { patch.companySizes = companySizes }
            if geographies != campaign.geographies { patch.geographies = geographies }
            if minScore != campaign.minScore { patch.minScore = minScore }
            if enrichment != campaign.enrichmentLevel { patch.enrichmentLevel = enrichment }
            if dailyCap != campaign.dailyLeadCap { patch.dailyLeadCap = dailyCap }
            if totalCap != campaign.totalLeadCap { patch.totalLeadCap = .some(totalCap) }
            return patch
        }
    }
}

extension CampaignPatch {
    /// The campaign as it will be once LeadOS applies the patch (shown before it answers).
    public func applied(to campaign: Campaign) -> Campaign {
        var c = campaign
        if let name { c.name = name }
        if let jobTitles { c.jobTitles = jobTitles }
        if let industries { c.industries = industries }
        if let companySizes { c.companySizes = companySizes }
        if let geographies { c.geographies = geographies }
        if let minScore { c.minScore = minScore }
        if let enrichmentLevel { c.enrichmentLevel = enrichmentLevel }
        if let dailyLeadCap { c.dailyLeadCap = dailyLeadCap }
        if let totalLeadCap { c.totalLeadCap = totalLeadCap }
        return c
    }

    public var isEmpty: Bool { self == CampaignPatch() }
}
