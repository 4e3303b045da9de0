import Foundation

/// Reads a lead of exactly the documented shape (API.md §6.1) straight from its bytes.
///
/// Start-up decodes the feed's first page of cached leads before the first frame: 200
/// `JSONDecoder` calls took about 4.5 ms, most of it building a map of each small document. Like
/// `CampaignReader`, this reader accepts only what it is sure `JSONDecoder` decodes to the same
/// value: the known keys once each, strings without escapes, plain integers in their contract
/// ranges, the enums' raw values, timestamps `Timestamp.parse` reads, `null` for the optional
/// fields, and a feedback object of the same plain form. On anything else it returns nil and the
/// caller decodes the ordinary way, so every unusual lead, and every error, is `JSONDecoder`'s.
enum LeadReader {
    /// The lead in `bytes`, or nil when it is not of the plain shape.
    static func read(_ bytes: UnsafeRawBufferPointer) -> Lead? {
        var scanner = PlainJSONScanner(bytes: bytes)
        var fields = Fields()
        let complete = scanner.members { scanner, key in
            guard let field = Field.named(key, in: scanner) else { return false }
            return fields.read(field, from: &scanner)
        }
        guard complete, scanner.isAtEnd() else { return nil }
        return fields.lead()
    }

    /// The members of a lead, by their JSON names.
    private enum Field: PlainJSONField {
        case id, campaignID, fullName, jobTitle, companyName, companyDomain, companySize, companyIndustry
        case geography, email, emailStatus, phone, linkedinURL, score, intentSummary, enrichmentLevel
        case creditsConsumed, deliveredAt, feedback

        var spelling: StaticString {
            switch self {
            case .id: "id"
            case .campaignID: "campaign_id"
            case .fullName: "full_name"
            case .jobTitle: "job_title"
            case .companyName: "company_name"
            case .companyDomain: "company_domain"
            case .companySize: "company_size"
            case .companyIndustry: "company_industry"
            case .geography: "geography"
            case .email: "email"
            case .emailStatus: "email_status"
            case .phone: "phone"
            case .linkedinURL: "linkedin_url"
            case .score: "score"
            case .intentSummary: "intent_summary"
            case .enrichmentLevel: "enrichment_level"
            case .creditsConsumed: "credits_consumed"
            case .deliveredAt: "delivered_at"
            case .feedback: "feedback"
            }
        }

        static let byLength = lengthTable()
    }

    /// What has been read so far; each slot is filled at most once.
    private struct Fields {
        var id: String?, campaignID: String?, fullName: String?, jobTitle: String?, companyName: String?
        var companyDomain: String?, companySize: CompanySize?, companyIndustry: String?, geography: String?
        var email: String??, emailStatus: EmailStatus??, phone: String??, linkedinURL: String??
        var score: Int?, intentSummary: String?, enrichmentLevel: EnrichmentLevel?, creditsConsumed: Int?
        var deliveredAt: Date?, feedback: Feedback??

        /// Reads the value of `field` into its slot; false for a value outside the plain shape or
        /// its contract range, or a field seen twice.
        mutating func read(_ field: Field, from scanner: inout PlainJSONScanner) -> Bool {
            switch field {
            case .id: Plain.setOnce(&id, scanner.string())
            case .campaignID: Plain.setOnce(&campaignID, scanner.string())
            case .fullName: Plain.setOnce(&fullName, scanner.string())
            case .jobTitle: Plain.setOnce(&jobTitle, scanner.string())
            case .companyName: Plain.setOnce(&companyName, scanner.string())
            case .companyDomain: Plain.setOnce(&companyDomain, scanner.string())
            case .companySize: Plain.setOnce(&companySize, scanner.string().flatMap(CompanySize.init(rawValue:)))
            case .companyIndustry: Plain.setOnce(&companyIndustry, scanner.string())
            case .geography: Plain.setOnce(&geography, scanner.string())
            case .email: Plain.setOnce(&email, Plain.optional(&scanner) { $0.string() })
            case .emailStatus: Plain.setOnce(&emailStatus, Plain.optional(&scanner) { $0.string().flatMap(EmailStatus.init(rawValue:)) })
            case .phone: Plain.setOnce(&phone, Plain.optional(&scanner) { $0.string() })
            case .linkedinURL: Plain.setOnce(&linkedinURL, Plain.optional(&scanner) { $0.string() })
            case .score: Plain.setOnce(&score, Plain.integer(&scanner, in: ContractRange.score))
            case .intentSummary: Plain.setOnce(&intentSummary, scanner.string())
            case .enrichmentLevel: Plain.setOnce(&enrichmentLevel, scanner.string().flatMap(EnrichmentLevel.init(rawValue:)))
            case .creditsConsumed: Plain.setOnce(&creditsConsumed, Plain.integer(&scanner, in: ContractRange.leadCredits))
            case .deliveredAt: Plain.setOnce(&deliveredAt, scanner.timestamp())
            case .feedback: Plain.setOnce(&feedback, Plain.optional(&scanner, FeedbackReader.read))
            }
        }

        /// The lead, when every required field was read (the optional ones may be missing, as
        /// `decodeIfPresent` allows).
        func lead() -> Lead? {
            guard let id, let campaignID, let fullName, let jobTitle, let companyName, let companyDomain, let companySize,
                  let companyIndustry, let geography, let score, let intentSummary, let enrichmentLevel,
                  let creditsConsumed, let deliveredAt else { return nil }
            return Lead(
                id: id, campaignID: campaignID, fullName: fullName, jobTitle: jobTitle, companyName: companyName,
                companyDomain: companyDomain, companySize: companySize, companyIndustry: companyIndustry,
                geography: geography, email: email ?? nil, emailStatus: emailStatus ?? nil, phone: phone ?? nil,
                linkedinURL: linkedinURL ?? nil, score: score, intentSummary: intentSummary,
                enrichmentLevel: enrichmentLevel, creditsConsumed: creditsConsumed, deliveredAt: deliveredAt,
                feedback: feedback ?? nil)
        }
    }
}

/// A lead's feedback object (API.md §6.2) of the plain form, for `LeadReader`.
private enum FeedbackReader {
    static func read(_ scanner: inout PlainJSONScanner) -> Feedback? {
        var leadID: String?, rating: FeedbackRating?, reason: BadReason??, note: String??
        var createdAt: Date?, updatedAt: Date?
        let complete = scanner.members { scanner, key in
            if scanner.bytes(in: key, equal: "lead_id") { return Plain.setOnce(&leadID, scanner.string()) }
            if scanner.bytes(in: key, equal: "rating") { return Plain.setOnce(&rating, scanner.string().flatMap(FeedbackRating.init(rawValue:))) }
            if scanner.bytes(in: key, equal: "reason") {
                return Plain.setOnce(&reason, Plain.optional(&scanner) { $0.string().flatMap(BadReason.init(rawValue:)) })
            }
            if scanner.bytes(in: key, equal: "note") { return Plain.setOnce(&note, Plain.optional(&scanner) { $0.string() }) }
            if scanner.bytes(in: key, equal: "created_at") { return Plain.setOnce(&createdAt, scanner.timestamp()) }
            if scanner.bytes(in: key, equal: "updated_at") { return Plain.setOnce(&updatedAt, scanner.timestamp()) }
            return false
        }
        guard complete, let leadID, let rating, let createdAt, let updatedAt else { return nil }
        return Feedback(leadID: leadID, rating: rating, reason: reason ?? nil, note: note ?? nil,
                        createdAt: createdAt, updatedAt: updatedAt)
    }
}

/// Steps the plain readers share.
enum Plain {
    static func setOnce<T>(_ slot: inout T?, _ value: T?) -> Bool {
        guard slot == nil, let value else { return false }
        slot = value
        return true
    }

    static func integer(_ scanner: inout PlainJSONScanner, in range: ClosedRange<Int>) -> Int? {
        scanner.integer().flatMap { range.contains($0) ? $0 : nil }
    }

    /// `null` as `.some(nil)`, else the value `read` gives (nil when it gives none).
    static func optional<T>(_ scanner: inout PlainJSONScanner, _ read: (inout PlainJSONScanner) -> T?) -> T?? {
        if scanner.takeNull() { return .some(nil) }
        return read(&scanner).map { .some($0) }
    }
}

extension Lead {
    /// Decodes a lead the cheapest way that gives exactly `JSONDecoder`'s result: `LeadReader`
    /// for the plain shape, `decoder` for anything else (and for every error).
    public static func decode(from data: Data, decoder: JSONDecoder) throws -> Lead {
        if let lead = data.withUnsafeBytes(LeadReader.read) { return lead }
        return try decoder.decode(Lead.self, from: data)
    }
}
