import ArgumentParser
import Foundation
import LeadOSAPI

/// The writable fields of a campaign (API.md §6.3), from flags or from a JSON file (`-` for
/// stdin) in the API's own shape; flags win over the file.
struct CampaignFieldOptions: ParsableArguments {
    @Option(help: "Campaign name.") var name: String?
    @Option(name: .customLong("job-title"), help: "A job title to target (repeat for more).") var jobTitles: [String] = []
    @Option(name: .customLong("industry"), help: "An industry (repeat for more).") var industries: [String] = []
    @Option(name: .customLong("company-size"), help: "1-10, 11-50, 51-200, 201-500, 501-1000, 1001-5000, 5001-10000 or 10001+ (repeat for more).")
    var companySizes: [String] = []
    @Option(name: .customLong("geography"), help: "A geography (repeat for more).") var geographies: [String] = []
    @Option(name: .customLong("daily-lead-cap"), help: "Leads per UTC day (1–1000).") var dailyLeadCap: Int?
    @Option(name: .customLong("total-lead-cap"), help: ArgumentHelp("Lifetime leads, or none for unlimited.", valueName: "n|none"))
    var totalLeadCap: String?
    @Option(name: .customLong("min-score"), help: "Lowest lead score (0–100).") var minScore: Int?
    @Option(name: .customLong("enrichment-level"), help: "basic, email or email_phone.") var enrichmentLevel: String?
    @Option(name: .customLong("from-file"), help: ArgumentHelp("The fields as a JSON object in the API's shape; - reads stdin.",
                                                               valueName: "file.json|-"))
    var fromFile: String?

    /// Everything given, file first, then flags.
    func fields() throws -> CampaignFileFields {
        var f = try fromFile.map(CampaignFileFields.read) ?? CampaignFileFields()
        if let name { f.name = name }
        if !jobTitles.isEmpty { f.jobTitles = jobTitles }
        if !industries.isEmpty { f.industries = industries }
        if !companySizes.isEmpty {
            f.companySizes = try companySizes.map { text in
                guard let size = CompanySize(rawValue: text) else {
                    throw ValidationError("--company-size takes \(CompanySize.allCases.map(\.rawValue).joined(separator: ", ")), not '\(text)'")
                }
                return size
            }
        }
        if !geographies.isEmpty { f.geographies = geographies }
        if let dailyLeadCap { f.dailyLeadCap = dailyLeadCap }
        if let totalLeadCap {
            if totalLeadCap == "none" { f.totalLeadCap = .some(nil) } else if let n = Int(totalLeadCap) { f.totalLeadCap = .some(n) } else {
                throw ValidationError("--total-lead-cap takes a number or none, not '\(totalLeadCap)'")
            }
        }
        if let minScore { f.minScore = minScore }
        if let enrichmentLevel {
            guard let level = EnrichmentLevel(rawValue: enrichmentLevel) else {
                throw ValidationError("--enrichment-level takes basic, email or email_phone, not '\(enrichmentLevel)'")
            }
            f.enrichmentLevel = level
        }
        return f
    }
}

/// A campaign's writable fields as a JSON file gives them; `totalLeadCap` is `.some(nil)` when
/// the file says `null` (no cap).
struct CampaignFileFields: Decodable {
    var name: String?
    var status: CampaignStatus?
    var dailyLeadCap: Int?
    var totalLeadCap: Int??
    var jobTitles: [String]?
    var industries: [String]?
    var companySizes: [CompanySize]?
    var geographies: [String]?
    var minScore: Int?
    var enrichmentLevel: EnrichmentLevel?

    init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, status, dailyLeadCap = "daily_lead_cap", totalLeadCap = "total_lead_cap", jobTitles = "job_titles"
        case industries, companySizes = "company_sizes", geographies, minScore = "min_score", enrichmentLevel = "enrichment_level"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        status = try c.decodeIfPresent(CampaignStatus.self, forKey: .status)
        dailyLeadCap = try c.decodeIfPresent(Int.self, forKey: .dailyLeadCap)
        if c.contains(.totalLeadCap) { totalLeadCap = .some(try c.decodeIfPresent(Int.self, forKey: .totalLeadCap)) }
        jobTitles = try c.decodeIfPresent([String].self, forKey: .jobTitles)
        industries = try c.decodeIfPresent([String].self, forKey: .industries)
        companySizes = try c.decodeIfPresent([CompanySize].self, forKey: .companySizes)
        geographies = try c.decodeIfPresent([String].self, forKey: .geographies)
        minScore = try c.decodeIfPresent(Int.self, forKey: .minScore)
        enrichmentLevel = try c.decodeIfPresent(EnrichmentLevel.self, forKey: .enrichmentLevel)
    }

    /// Reads `path` (`-` is stdin) as one JSON object of writable fields; anything else is a
    /// usage error naming the file and what is wrong.
    static func read(_ path: String) throws -> CampaignFileFields {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw ValidationError("cannot read --from-file \(path)")
            }
            data = contents
        }
        let name = path == "-" ? "stdin" : path
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ValidationError("\(name) is not a JSON object")
        }
        let known = Set(CodingKeys.allCases.map(\.rawValue))
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw ValidationError("\(name): '\(unknown)' is not a writable campaign field (\(known.sorted().joined(separator: ", ")))")
        }
        do {
            return try LeadOSJSON.makeDecoder().decode(CampaignFileFields.self, from: data)
        } catch {
            throw ValidationError("\(name): \(error)")
        }
    }

    /// The body of `POST /v1/campaigns`.
    func draft(asDraft: Bool) throws -> CampaignDraft {
        guard let name else { throw ValidationError("a new campaign needs --name (or name in --from-file)") }
        guard let jobTitles, !jobTitles.isEmpty else {
            throw ValidationError("a new campaign needs at least one --job-title (or job_titles in --from-file)")
        }
        return CampaignDraft(
            name: name, jobTitles: jobTitles, status: asDraft ? .draft : status, dailyLeadCap: dailyLeadCap,
            totalLeadCap: totalLeadCap ?? nil, industries: industries, companySizes: companySizes, geographies: geographies,
            minScore: minScore, enrichmentLevel: enrichmentLevel)
    }

    /// The body of `PATCH /v1/campaigns/{id}`: only what was given.
    var patch: CampaignPatch {
        CampaignPatch(name: name, status: status, dailyLeadCap: dailyLeadCap, totalLeadCap: totalLeadCap,
                      jobTitles: jobTitles, industries: industries, companySizes: companySizes, geographies: geographies,
                      minScore: minScore, enrichmentLevel: enrichmentLevel)
    }
}
