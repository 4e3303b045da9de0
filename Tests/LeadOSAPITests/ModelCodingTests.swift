import Foundation
import Testing
@testable import LeadOSAPI

@Suite struct ModelCodingTests {
    static let seedLeadJSON = #"""
    {"id":"del_abc123","campaign_id":"camp_abc123","full_name":"Raj Sharma","job_title":"Founder","company_name":"TechCorp Pvt Ltd","company_domain":"techcorp.io","company_size":"11-50","company_industry":"SaaS","geography":"Kathmandu, Nepal","email":"raj@techcorp.io","email_status":"valid","phone":null,"linkedin_url":"https://linkedin.com/in/rajsharma","score":84,"intent_summary":"Evaluating CRM solutions for growing sales team","enrichment_level":"email","credits_consumed":2,"delivered_at":"2026-05-07T14:23:00Z","feedback":null}
    """#

    @Test func leadRoundTripsWithNullsPresent() throws {
        let lead = try LeadOSJSON.decode(Lead.self, from: Data(Self.seedLeadJSON.utf8))
        #expect(lead.fullName == "Raj Sharma")
        #expect(lead.phone == nil)
        #expect(lead.deliveredAt == Timestamp.parse("2026-05-07T14:23:00Z"))
        let encoded = try JSONSerialization.jsonObject(with: try LeadOSJSON.encode(lead)) as! NSDictionary
        let seed = try JSONSerialization.jsonObject(with: Data(Self.seedLeadJSON.utf8)) as! NSDictionary
        #expect(encoded == seed)
        #expect(encoded.allKeys.count == 19)
    }

    @Test func unknownFieldsAreIgnored() throws {
        let json = Self.seedLeadJSON.replacingOccurrences(of: #""score":84"#, with: #""score":84,"future_field":{"x":[1,2]}"#)
        let lead = try LeadOSJSON.decode(Lead.self, from: Data(json.utf8))
        #expect(lead.score == 84)
    }

    @Test func timestampsAreStrict() {
        #expect(Timestamp.parse("2026-05-07T14:23:00Z") != nil)
        #expect(Timestamp.parse("2026-05-07T14:23:00+00:00") == nil)
        #expect(Timestamp.parse("2026-02-30T00:00:00Z") == nil)
        #expect(Timestamp.parse("2026-05-07T14:23:00.5Z") == nil)
        #expect(Timestamp.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(Timestamp.format(Timestamp.parse("2024-02-29T23:59:59Z")!) == "2024-02-29T23:59:59Z")
        #expect(Timestamp.formatDay(Timestamp.parse("2026-05-07T14:23:00Z")!) == "2026-05-07")
        #expect(Timestamp.startOfMonth(Timestamp.parse("2026-12-07T14:23:00Z")!, addingMonths: 1) == Timestamp.parse("2027-01-01T00:00:00Z"))
    }

    @Test func errorBodyEncodesNullParam() throws {
        let body = APIErrorBody(error: .init(type: "authentication_error", code: "missing_api_key", message: "m", param: nil, requestID: "req_1"))
        let text = String(decoding: try LeadOSJSON.encode(body), as: UTF8.self)
        #expect(text == #"{"error":{"code":"missing_api_key","message":"m","param":null,"request_id":"req_1","type":"authentication_error"}}"#)
    }

    @Test func seedSignatureScheme() {
        let body = Data(#"{"event":"lead.delivered"}"#.utf8)
        let sig = WebhookSignature.sign(body: body, secret: "ldo_whsec_test")
        #expect(sig.hasPrefix("sha256="))
        #expect(WebhookSignature.verify(body: body, signature: sig, secret: "ldo_whsec_test"))
        #expect(!WebhookSignature.verify(body: body, signature: sig, secret: "ldo_whsec_other"))
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let tsig = WebhookSignature.signTimestamped(body: body, timestamp: 1_800_000_000, secret: "s")
        #expect(WebhookSignature.verifyTimestamped(body: body, timestamp: "1800000000", signature: tsig, secret: "s", now: now))
        #expect(!WebhookSignature.verifyTimestamped(body: body, timestamp: "1800000000", signature: tsig, secret: "s", now: now.addingTimeInterval(301)))
    }

    @Test func keysAreRedacted() {
        let key = "ldo_live_sk_" + String(repeating: "a", count: 28) + "WXYZ"
        #expect(APIKey.isWellFormed(key))
        #expect(APIKey.redacted(key) == "ldo_live_sk_…WXYZ")
        #expect(!APIKey.isWellFormed("ldo_live_sk_short"))
    }
}
