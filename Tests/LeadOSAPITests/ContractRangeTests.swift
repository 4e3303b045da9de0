import Foundation
import Testing
@testable import LeadOSAPI
@testable import LeadOSContract

/// Numbers outside API.md's ranges make their object fail to decode with an error naming the
/// field, through every decoding path (the stats reader included); extreme values inside the
/// ranges still decode.
@Suite struct ContractRangeTests {
    static let balance = #"{"credits_remaining":1240,"credits_used_this_period":760,"plan_credits":2000,"period_start":"2026-05-01T00:00:00Z","period_end":"2026-06-01T00:00:00Z","low_balance_threshold":200,"low_balance":false}"#
    static let stats = #"{"start_date":"2026-05-06","end_date":"2026-05-07","campaign_id":null,"totals":{"delivered":21,"credits_consumed":44,"avg_score":79.5},"data":[{"date":"2026-05-06","delivered":9,"credits_consumed":18,"avg_score":77.0,"by_campaign":[{"campaign_id":"camp_abc123","delivered":9,"credits_consumed":18,"avg_score":77.0}]},{"date":"2026-05-07","delivered":12,"credits_consumed":26,"avg_score":81.3,"by_campaign":[]}]}"#
    static let summary = #"{"total_delivered":312,"total_feedback":32,"feedback_rate":0.103,"good":24,"bad":8,"bad_reasons":{"invalid_email":2,"wrong_person":1,"not_icp":4,"no_intent":1,"duplicate":0,"other":0},"personalisation":{"status":"collecting","feedback_count":32,"threshold":50,"progress":0.64,"activated_at":null}}"#
    static let campaign = #"{"id":"camp_abc123","name":"Nepal SaaS founders","status":"active","paused_reason":null,"daily_lead_cap":20,"total_lead_cap":500,"job_titles":["Founder","CEO"],"industries":["SaaS"],"company_sizes":["11-50","51-200"],"geographies":["Nepal"],"min_score":70,"enrichment_level":"email","leads_delivered":0,"leads_delivered_today":0,"credits_spent":0,"created_at":"2026-05-07T09:00:00Z","updated_at":"2026-05-07T09:00:00Z"}"#
    static let lead = ModelCodingTests.seedLeadJSON.trimmingCharacters(in: .whitespacesAndNewlines)

    /// `json` with the first occurrence of `old` replaced, failing the test when it is missing.
    static func replacing(_ json: String, _ old: String, _ new: String) -> Data {
        guard let range = json.range(of: old) else {
            Issue.record("\(old) not in the fixture")
            return Data(json.utf8)
        }
        return Data(json.replacingCharacters(in: range, with: new).utf8)
    }

    /// Decodes `body` expecting a data-corrupted error whose coding path ends in `field`.
    static func expectRefused<T: Decodable>(_ type: T.Type, _ body: Data, field: String,
                                            sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let value = try LeadOSJSON.decode(type, from: body)
            Issue.record("decoded \(value)", sourceLocation: sourceLocation)
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.codingPath.last?.stringValue == field, sourceLocation: sourceLocation)
            #expect(context.debugDescription.contains("outside the contract's range"), sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
    }

    /// The values of issue 16, each of which used to trap the dashboard.
    @Test func theIssuesValuesAreRefusedNamingTheField() {
        Self.expectRefused(Balance.self, Self.replacing(Self.balance, #""credits_remaining":1240"#,
                                                        #""credits_remaining":-9223372036854775808"#), field: "credits_remaining")
        Self.expectRefused(Balance.self, Self.replacing(Self.balance, #""credits_remaining":1240"#,
                                                        #""credits_remaining":-1e17"#), field: "credits_remaining")
        Self.expectRefused(DeliveryStats.self, Self.replacing(Self.stats, #""avg_score":79.5"#, #""avg_score":1e300"#),
                           field: "avg_score")
        Self.expectRefused(DeliveryStats.self, Self.replacing(Self.stats, #""avg_score":77.0"#, #""avg_score":1e300"#),
                           field: "avg_score")
        Self.expectRefused(DeliveryStats.self, Self.replacing(Self.stats, #""delivered":21"#, #""delivered":-9223372036854775808"#),
                           field: "delivered")
        Self.expectRefused(FeedbackSummary.self, Self.replacing(Self.summary, #""feedback_rate":0.103"#, #""feedback_rate":1e300"#),
                           field: "feedback_rate")
        Self.expectRefused(Campaign.self, Self.replacing(Self.campaign, #""leads_delivered":0"#,
                                                         #""leads_delivered":-9223372036854775808"#), field: "leads_delivered")
    }

    @Test func everyRangeOfTheContractIsChecked() {
        let cases: [(any Decodable.Type, String, String, String, String)] = [
            (Lead.self, Self.lead, #""score":84"#, #""score":101"#, "score"),
            (Lead.self, Self.lead, #""score":84"#, #""score":-1"#, "score"),
            (Lead.self, Self.lead, #""credits_consumed":2"#, #""credits_consumed":9223372036854775807"#, "credits_consumed"),
            (Campaign.self, Self.campaign, #""daily_lead_cap":20"#, #""daily_lead_cap":0"#, "daily_lead_cap"),
            (Campaign.self, Self.campaign, #""daily_lead_cap":20"#, #""daily_lead_cap":1001"#, "daily_lead_cap"),
            (Campaign.self, Self.campaign, #""total_lead_cap":500"#, #""total_lead_cap":0"#, "total_lead_cap"),
            (Campaign.self, Self.campaign, #""min_score":70"#, #""min_score":-5"#, "min_score"),
            (Campaign.self, Self.campaign, #""credits_spent":0"#, #""credits_spent":-1"#, "credits_spent"),
            (Campaign.self, Self.campaign, #""leads_delivered_today":0"#, #""leads_delivered_today":-1"#, "leads_delivered_today"),
            (Balance.self, Self.balance, #""plan_credits":2000"#, #""plan_credits":-2000"#, "plan_credits"),
            (Balance.self, Self.balance, #""credits_used_this_period":760"#, #""credits_used_this_period":-1"#, "credits_used_this_period"),
            (Balance.self, Self.balance, #""low_balance_threshold":200"#, #""low_balance_threshold":-1"#, "low_balance_threshold"),
            (DeliveryStats.self, Self.stats, #""credits_consumed":44"#, #""credits_consumed":-44"#, "credits_consumed"),
            (DeliveryStats.self, Self.stats, #""delivered":9,"credits_consumed":18,"avg_score":77.0}"#,
             #""delivered":-9,"credits_consumed":18,"avg_score":77.0}"#, "delivered"),
            (DeliveryStats.self, Self.stats, #""avg_score":81.3"#, #""avg_score":-0.1"#, "avg_score"),
            (FeedbackSummary.self, Self.summary, #""feedback_rate":0.103"#, #""feedback_rate":-0.5"#, "feedback_rate"),
            (FeedbackSummary.self, Self.summary, #""progress":0.64"#, #""progress":1.01"#, "progress"),
            (FeedbackSummary.self, Self.summary, #""threshold":50"#, #""threshold":0"#, "threshold"),
            (FeedbackSummary.self, Self.summary, #""good":24"#, #""good":-24"#, "good"),
            (FeedbackSummary.self, Self.summary, #""not_icp":4"#, #""not_icp":-4"#, "not_icp"),
        ]
        for (type, json, old, new, field) in cases {
            Self.expectRefused(type, Self.replacing(json, old, new), field: field)
        }
    }

    /// A lead delivered by webhook is checked like one from a page.
    @Test func aWebhookLeadIsCheckedToo() {
        let event = #"{"event":"lead.delivered","event_id":"evt_1abcdef","created_at":"2026-05-07T14:23:00Z","delivery_id":"del_abc123","campaign_id":"camp_abc123","lead":"#
            + Self.lead.replacingOccurrences(of: #""score":84"#, with: #""score":9223372036854775807"#) + "}"
        Self.expectRefused(WebhookEvent.self, Data(event.utf8), field: "score")
    }

    /// The stats reader declines what is out of range, so the error is `JSONDecoder`'s.
    @Test func theStatsReaderDeclinesOutOfRangeValues() {
        #expect(Data(Self.stats.utf8).withUnsafeBytes(StatsReader.read) != nil)
        for (old, new) in [(#""avg_score":79.5"#, #""avg_score":1e300"#), (#""avg_score":77.0"#, #""avg_score":100.5"#),
                           (#""delivered":21"#, #""delivered":-1"#), (#""credits_consumed":26"#, #""credits_consumed":-26"#)] {
            let body = Self.replacing(Self.stats, old, new)
            #expect(body.withUnsafeBytes(StatsReader.read) == nil)
            #expect(throws: DecodingError.self) { try LeadOSJSON.makeDecoder().decode(DeliveryStats.self, from: body) }
        }
    }

    /// Valid but extreme values decode: the renderer, not the decoder, has to cope with them.
    @Test func extremeValuesInsideTheRangesDecode() throws {
        let balance = try LeadOSJSON.decode(Balance.self, Self.replacing(Self.balance, #""credits_remaining":1240"#,
                                                                         #""credits_remaining":9223372036854775806"#))
        #expect(balance.creditsRemaining == Int.max - 1)
        let stats = try LeadOSJSON.decode(DeliveryStats.self, Self.replacing(Self.stats, #""credits_consumed":26"#,
                                                                             #""credits_consumed":9223372036854775807"#))
        #expect(stats.data[1].creditsConsumed == Int.max)
        let edges = Self.replacing(Self.stats, #""avg_score":79.5"#, #""avg_score":100"#)
        #expect(edges.withUnsafeBytes(StatsReader.read)?.totals.avgScore == 100)
        let summary = try LeadOSJSON.decode(FeedbackSummary.self, Self.replacing(Self.summary, #""feedback_rate":0.103"#,
                                                                                 #""feedback_rate":1"#))
        #expect(summary.feedbackRate == 1)
        let noCap = try LeadOSJSON.decode(Campaign.self, Self.replacing(Self.campaign, #""total_lead_cap":500"#,
                                                                        #""total_lead_cap":null"#))
        #expect(noCap.totalLeadCap == nil)
    }

    /// Unknown fields stay ignored by the checked decoders.
    @Test func unknownFieldsAreStillIgnored() throws {
        let body = Self.replacing(Self.balance, #""low_balance":false"#, #""low_balance":false,"credits_bonus":-1e300"#)
        #expect(try LeadOSJSON.decode(Balance.self, from: body).creditsRemaining == 1240)
        let summary = Self.replacing(Self.summary, #""threshold":50"#, #""threshold":50,"eta":-9223372036854775808"#)
        #expect(try LeadOSJSON.decode(FeedbackSummary.self, from: summary).personalisation.threshold == 50)
    }

    /// Dates far outside the wire format's years format as the nearest representable one.
    @Test func timestampsFormatAnyDate() {
        #expect(Timestamp.format(Date(timeIntervalSince1970: 1e300)) == "9999-12-31T23:59:59Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: -1e300)) == "0000-01-01T00:00:00Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: .infinity)) == "9999-12-31T23:59:59Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: .nan)) == "1970-01-01T00:00:00Z")
        #expect(Timestamp.formatDay(Date(timeIntervalSince1970: 9.3e18)) == "9999-12-31")
        #expect(Timestamp.startOfDay(Date(timeIntervalSince1970: -.infinity)) == Date(timeIntervalSince1970: -62_167_219_200))
    }

    @Test func saturatingArithmetic() {
        #expect(Int.max.addingSaturated(1) == .max)
        #expect(Int.min.addingSaturated(-1) == .min)
        #expect(40.addingSaturated(2) == 42)
        #expect(Int(saturating: 1e300) == .max)
        #expect(Int(saturating: -1e300) == .min)
        #expect(Int(saturating: 9.223372036854775807e18) == .max)
        #expect(Int(saturating: .nan) == 0)
        #expect(Int(saturating: -.infinity) == .min)
        #expect(Int(saturating: -2.9) == -2)
    }
}

extension LeadOSJSON {
    /// `decode(_:from:)` with the body last, for the tests' long literals.
    static func decode<T: Decodable>(_ type: T.Type, _ body: Data) throws -> T { try decode(type, from: body) }
}
