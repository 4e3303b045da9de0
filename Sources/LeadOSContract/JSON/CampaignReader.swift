import Foundation

/// Reads a campaign of exactly the documented shape (API.md §6.3) straight from its bytes.
///
/// Start-up decodes every cached campaign before the first frame: a thousand `JSONDecoder` calls
/// took about 16 ms, most of it building a map of each small document and a container per object.
/// This reader accepts only what it is sure `JSONDecoder` decodes to the same value: the known
/// keys once each, strings without escapes, plain integers, the enums' raw values, timestamps
/// `Timestamp.parse` reads, `null` for the two optional fields, each number in its contract range
/// (`ContractRange`). On anything else it returns nil and the caller decodes the ordinary way, so
/// every unusual campaign, and every error, is `JSONDecoder`'s.
enum CampaignReader {
    /// The campaign in `bytes`, or nil when it is not of the plain shape.
    static func read(_ bytes: UnsafeRawBufferPointer) -> Campaign? {
        var scanner = PlainJSONScanner(bytes: bytes)
        var fields = Fields()
        let complete = scanner.members { scanner, key in
            guard let field = Field.named(key, in: scanner) else { return false }
            return fields.read(field, from: &scanner)
        }
        guard complete, scanner.isAtEnd() else { return nil }
        return fields.campaign()
    }

    /// The members of a campaign, by their JSON names.
    private enum Field: PlainJSONField {
        case id, name, status, pausedReason, dailyLeadCap, totalLeadCap, jobTitles, industries, companySizes
        case geographies, minScore, enrichmentLevel, leadsDelivered, leadsDeliveredToday, creditsSpent
        case createdAt, updatedAt

        var spelling: StaticString {
            switch self {
            case .id: "id"
            case .name: "name"
            case .status: "status"
            case .pausedReason: "paused_reason"
            case .dailyLeadCap: "daily_lead_cap"
            case .totalLeadCap: "total_lead_cap"
            case .jobTitles: "job_titles"
            case .industries: "industries"
            case .companySizes: "company_sizes"
            case .geographies: "geographies"
            case .minScore: "min_score"
            case .enrichmentLevel: "enrichment_level"
            case .leadsDelivered: "leads_delivered"
            case .leadsDeliveredToday: "leads_delivered_today"
            case .creditsSpent: "credits_spent"
            case .createdAt: "created_at"
            case .updatedAt: "updated_at"
            }
        }

        static let byLength = lengthTable()
    }

    /// What has been read so far; each slot is filled at most once.
    private struct Fields {
        var id: String?, name: String?, status: CampaignStatus?, pausedReason: PausedReason??
        var dailyLeadCap: Int?, totalLeadCap: Int??, minScore: Int?
        var jobTitles: [String]?, industries: [String]?, companySizes: [CompanySize]?, geographies: [String]?
        var enrichmentLevel: EnrichmentLevel?, leadsDelivered: Int?, leadsDeliveredToday: Int?, creditsSpent: Int?
        var createdAt: Date?, updatedAt: Date?

        /// Reads the value of `field` into its slot; false for a value outside the plain shape or
        /// its contract range, or a field seen twice.
        mutating func read(_ field: Field, from scanner: inout PlainJSONScanner) -> Bool {
            switch field {
            case .id: Plain.setOnce(&id, scanner.string())
            case .name: Plain.setOnce(&name, scanner.string())
            case .status: Plain.setOnce(&status, scanner.string().flatMap(CampaignStatus.init(rawValue:)))
            case .pausedReason: Plain.setOnce(&pausedReason, Plain.optional(&scanner) { $0.string().flatMap(PausedReason.init(rawValue:)) })
            case .dailyLeadCap: Plain.setOnce(&dailyLeadCap, Plain.integer(&scanner, in: ContractRange.dailyLeadCap))
            case .totalLeadCap: Plain.setOnce(&totalLeadCap, Plain.optional(&scanner) { Plain.integer(&$0, in: ContractRange.positive) })
            case .jobTitles: Plain.setOnce(&jobTitles, scanner.strings())
            case .industries: Plain.setOnce(&industries, scanner.strings())
            case .companySizes: Plain.setOnce(&companySizes, Self.companySizes(&scanner))
            case .geographies: Plain.setOnce(&geographies, scanner.strings())
            case .minScore: Plain.setOnce(&minScore, Plain.integer(&scanner, in: ContractRange.score))
            case .enrichmentLevel: Plain.setOnce(&enrichmentLevel, scanner.string().flatMap(EnrichmentLevel.init(rawValue:)))
            case .leadsDelivered: Plain.setOnce(&leadsDelivered, Plain.integer(&scanner, in: ContractRange.count))
            case .leadsDeliveredToday: Plain.setOnce(&leadsDeliveredToday, Plain.integer(&scanner, in: ContractRange.count))
            case .creditsSpent: Plain.setOnce(&creditsSpent, Plain.integer(&scanner, in: ContractRange.count))
            case .createdAt: Plain.setOnce(&createdAt, scanner.timestamp())
            case .updatedAt: Plain.setOnce(&updatedAt, scanner.timestamp())
            }
        }

        /// The campaign, when every required field was read (the optional ones may be missing,
        /// as `decodeIfPresent` allows).
        func campaign() -> Campaign? {
            guard let id, let name, let status, let dailyLeadCap, let jobTitles, let industries, let companySizes,
                  let geographies, let minScore, let enrichmentLevel, let leadsDelivered, let leadsDeliveredToday,
                  let creditsSpent, let createdAt, let updatedAt else { return nil }
            return Campaign(
                id: id, name: name, status: status, pausedReason: pausedReason ?? nil, dailyLeadCap: dailyLeadCap,
                totalLeadCap: totalLeadCap ?? nil, jobTitles: jobTitles, industries: industries,
                companySizes: companySizes, geographies: geographies, minScore: minScore,
                enrichmentLevel: enrichmentLevel, leadsDelivered: leadsDelivered,
                leadsDeliveredToday: leadsDeliveredToday, creditsSpent: creditsSpent,
                createdAt: createdAt, updatedAt: updatedAt)
        }

        private static func companySizes(_ scanner: inout PlainJSONScanner) -> [CompanySize]? {
            var sizes: [CompanySize] = []
            let complete = scanner.elements { scanner in
                guard let size = scanner.string().flatMap(CompanySize.init(rawValue:)) else { return false }
                sizes.append(size)
                return true
            }
            return complete ? sizes : nil
        }
    }
}

extension Campaign {
    /// Decodes a campaign the cheapest way that gives exactly `JSONDecoder`'s result:
    /// `CampaignReader` for the plain shape, `decoder` for anything else (and for every error).
    public static func decode(from data: Data, decoder: JSONDecoder) throws -> Campaign {
        if let campaign = data.withUnsafeBytes(CampaignReader.read) { return campaign }
        return try decoder.decode(Campaign.self, from: data)
    }
}
