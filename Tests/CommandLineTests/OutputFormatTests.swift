import Foundation
import LeadOSAPI
import Testing
@testable import LeadTopCLI
import LeadTopRuntime

/// The formats as text, without a server: CSV quoting, dotted names, the table's sanitising.
@Suite("Output formats")
struct OutputFormatTests {
    static let day = Date(timeIntervalSince1970: 1_778_163_780) // 2026-05-07T14:23:00Z

    static func lead(name: String = "Raj Sharma", feedback: Feedback? = nil) -> Lead {
        Lead(id: "del_abc123", campaignID: "camp_abc123", fullName: name, jobTitle: "Founder", companyName: "TechCorp Pvt Ltd",
             companyDomain: "techcorp.io", companySize: .s11_50, companyIndustry: "SaaS", geography: "Kathmandu, Nepal",
             email: "raj@techcorp.io", emailStatus: .valid, phone: nil, linkedinURL: nil, score: 84,
             intentSummary: "Evaluating CRM", enrichmentLevel: .email, creditsConsumed: 2, deliveredAt: day, feedback: feedback)
    }

    func output(_ format: OutputFormat, _ values: [Lead], fields: [String]? = nil) throws -> String {
        var text = ""
        let writer = RecordWriter(format: format, kind: .lead, fields: fields) { text += $0 }
        for value in values { try writer.write(value) }
        try writer.finish()
        return text
    }

    @Test("lead columns follow the contract's order, feedback flattened with dotted names")
    func columns() {
        #expect(RecordKind.lead.columns == [
            "id", "campaign_id", "full_name", "job_title", "company_name", "company_domain", "company_size",
            "company_industry", "geography", "email", "email_status", "phone", "linkedin_url", "score", "intent_summary",
            "enrichment_level", "credits_consumed", "delivered_at", "feedback.lead_id", "feedback.rating", "feedback.reason",
            "feedback.note", "feedback.created_at", "feedback.updated_at",
        ])
    }

    @Test("csv: RFC 4180 quoting, CRLF, one header row, null as empty, a rated lead's feedback in its columns")
    func csv() throws {
        let rated = Self.lead(name: "O\"Brien, \"Pat\"\nJr", feedback: Feedback(
            leadID: "del_abc123", rating: .bad, reason: .notICP, note: nil, createdAt: Self.day, updatedAt: Self.day))
        let text = try output(.csv, [Self.lead(), rated], fields: ["id", "full_name", "phone", "feedback.rating", "feedback.reason"])
        #expect(text == "id,full_name,phone,feedback.rating,feedback.reason\r\n"
            + "del_abc123,Raj Sharma,,,\r\n"
            + "del_abc123,\"O\"\"Brien, \"\"Pat\"\"\nJr\",,bad,not_icp\r\n")
        #expect(try output(.csv, [], fields: ["id", "score"]) == "id,score\r\n")
    }

    @Test("json is one array, jsonl one object per line, both the contract's objects")
    func json() throws {
        let object = String(decoding: try LeadOSJSON.encode(Self.lead()), as: UTF8.self)
        #expect(try output(.jsonl, [Self.lead(), Self.lead()]) == object + "\n" + object + "\n")
        #expect(try output(.json, [Self.lead(), Self.lead()]) == "[\n" + object + ",\n" + object + "\n]\n")
        #expect(try output(.json, []) == "[]\n")
        #expect(object.contains("\"phone\":null") && object.contains("\"delivered_at\":\"2026-05-07T14:23:00Z\""))
    }

    @Test("table: aligned columns, escape sequences removed from what LeadOS sent")
    func table() throws {
        let text = try output(.table, [Self.lead(), Self.lead(name: "Evil\u{1B}]0;owned\u{07}\u{1B}[31mName")],
                              fields: ["id", "full_name", "score"])
        #expect(text == """
            ID          FULL_NAME   SCORE
            del_abc123  Raj Sharma  84
            del_abc123  EvilName    84

            """)
    }
}
