import Foundation
import Testing
@testable import LeadOSContract
import LeadOSSimulator

/// Cached leads of the plain shape are read by `LeadReader`; the result, and every error, must be
/// exactly those of `JSONDecoder`, whatever the bytes (the cache replays what LeadOS once sent).
@Suite struct LeadReaderTests {
    typealias Described = CampaignReaderTests.Described

    static func wholeDecode(_ data: Data) -> Result<Lead, Described> {
        Result { try LeadOSJSON.makeDecoder().decode(Lead.self, from: data) }.mapError(Described.init)
    }

    static func read(_ data: Data) -> Lead? { data.withUnsafeBytes(LeadReader.read) }

    static func decode(_ data: Data) -> Result<Lead, Described> {
        Result { try Lead.decode(from: data, decoder: LeadOSJSON.makeDecoder()) }.mapError(Described.init)
    }

    /// The reader takes only what `JSONDecoder` decodes to the same value, and the outcome with
    /// the reader in front is `JSONDecoder`'s.
    static func expectSameOutcome(_ body: Data, sourceLocation: SourceLocation = #_sourceLocation) {
        CampaignReaderTests.expectSameOutcome(body, whole: wholeDecode, read: read, decode: decode, sourceLocation: sourceLocation)
    }

    static let now = Date(timeIntervalSince1970: 1_778_164_200)

    static func world(hostile: Bool) -> SimulatedWorld {
        SimulatedWorld(seed: 7, clock: SimulationClock(start: now, speed: 0), campaignCount: 6, historyLeads: 400,
                       hostileData: hostile)
    }

    static let rated = Feedback(leadID: "del_1", rating: .bad, reason: .notICP, note: "not our market",
                                createdAt: now, updatedAt: now.addingTimeInterval(60))

    /// Leads as the simulator makes them, with and without feedback, are all read to
    /// `JSONDecoder`'s value; hostile ones (escapes, controls) keep `JSONDecoder`'s outcome.
    @Test func generatedLeadsAreReadToJSONDecodersValue() throws {
        let leads = Self.world(hostile: false).leads()
        #expect(leads.count == 400)
        var read = 0
        for (index, var lead) in leads.enumerated() {
            if index % 3 == 0 { lead.feedback = Self.rated }
            if index % 7 == 0 { lead.email = nil; lead.emailStatus = nil; lead.phone = nil; lead.linkedinURL = nil }
            let body = try LeadOSJSON.encode(lead)
            if Self.read(body) == lead { read += 1 }
            Self.expectSameOutcome(body)
        }
        // Names with quotes or escaped characters go to `JSONDecoder`; the rest are read.
        #expect(read > 360, "\(read) of 400 read")
        for lead in Self.world(hostile: true).leads() { Self.expectSameOutcome(try LeadOSJSON.encode(lead)) }
    }

    /// Changes that take a lead out of the plain shape or out of the contract: each is declined by
    /// the reader, and decoded or refused by `JSONDecoder` as before.
    @Test func whatTheReaderDeclinesIsDecodedTheOrdinaryWay() throws {
        var lead = Self.world(hostile: false).leads()[0]
        lead.feedback = Self.rated
        lead.fullName = "Anna Berg"
        let plain = String(decoding: try LeadOSJSON.encode(lead), as: UTF8.self)
        #expect(Self.read(Data(plain.utf8)) == lead)
        let cases: [(old: String, new: String, decodes: Bool)] = [
            (#""full_name":"Anna Berg""#, #""full_name":"Anna \"B\" Berg""#, true),
            (#""full_name":"Anna Berg""#, #""full_name":"Anna\u00a0Berg""#, true),
            (#""full_name""#, #""full_n\u0061me""#, true),
            (#""full_name":"Anna Berg""#, #""full_name":"Anna Berg","extra":1"#, true),
            (#""score":"#, #""score":1e1,"unused":"#, true),
            (#""credits_consumed":"#, #""credits_consumed":9,"x":"#, false),
            (#""full_name":"Anna Berg""#, #""full_name":null"#, false),
            (#""feedback":{"#, #""feedback":{"extra":true,"#, true),
            (#""rating":"bad""#, #""rating":"meh""#, false),
            (#""reason":"not_icp""#, #""reason":"NOT_ICP""#, false),
            (#""note":"not our market""#, #""note":7"#, false),
            (#""feedback":{"#, #""feedback":null,"old":{"#, true),
        ]
        for (index, change) in cases.enumerated() {
            guard plain.contains(change.old) else {
                Issue.record("case \(index): \(change.old) not in \(plain)")
                continue
            }
            let body = Data(plain.replacingOccurrences(of: change.old, with: change.new).utf8)
            #expect(Self.read(body) == nil, "case \(index)")
            let outcome = Self.decode(body)
            #expect(outcome == Self.wholeDecode(body), "case \(index)")
            switch outcome {
            case .success: #expect(change.decodes, "case \(index) decoded")
            case .failure(let error): #expect(!change.decodes, "case \(index): \(error.text)")
            }
        }
        // Out of the contract's ranges, or of the wire format: `JSONDecoder`'s error.
        for (key, value) in [("score", "101"), ("score", "-1"), ("credits_consumed", "5"), ("score", "99999999999999999999"),
                             ("delivered_at", #""2026-02-30T09:00:00Z""#), ("company_size", #""huge""#), ("email_status", "7")] {
            guard let range = plain.range(of: "\"\(key)\":") else { Issue.record("no \(key)"); continue }
            let rest = plain[range.upperBound...]
            let end = rest.firstIndex { $0 == "," || $0 == "}" } ?? rest.endIndex
            let body = Data((plain[..<range.upperBound] + value + rest[end...]).utf8)
            #expect(Self.read(body) == nil, "\(key): \(value)")
            Self.expectSameOutcome(body)
        }
        for body in ["", "{}", "[]", "null", "{", String(plain.dropLast())] {
            #expect(Self.read(Data(body.utf8)) == nil, "\(body)")
            Self.expectSameOutcome(Data(body.utf8))
        }
    }

    /// Leads of any field values, encoded as the cache stores them: whatever the text and the
    /// numbers, the outcome is `JSONDecoder`'s.
    @Test func anyLeadKeepsJSONDecodersOutcome() throws {
        var random = SeededRandom(seed: 3)
        let pieces = ["Oslo", " ", "ü", "東京", "🚀", "\u{2028}", "\"", "\\", "/", "\n", "\u{0}", "\u{7F}", "e\u{301}", "{", ","]
        let ints = [Int.min, -1, 0, 1, 4, 5, 70, 100, 101, Int.max]
        let times: [TimeInterval] = [-62_167_219_200, -1, 0, 1_778_144_400.5, 253_402_300_799]
        let base = Self.world(hostile: false).leads()[1]
        for _ in 0..<400 {
            func text() -> String { (0..<Int(random.next() % 4)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined() }
            var lead = base
            lead.fullName = text(); lead.companyName = text(); lead.jobTitle = text()
            lead.score = ints[Int(random.next() % UInt64(ints.count))]
            lead.creditsConsumed = ints[Int(random.next() % UInt64(ints.count))]
            lead.deliveredAt = Date(timeIntervalSince1970: times[Int(random.next() % UInt64(times.count))])
            lead.email = random.next() % 2 == 0 ? nil : text()
            lead.feedback = random.next() % 2 == 0 ? nil
                : Feedback(leadID: text(), rating: .good, reason: nil, note: random.next() % 2 == 0 ? nil : text(),
                           createdAt: lead.deliveredAt, updatedAt: lead.deliveredAt)
            Self.expectSameOutcome(try LeadOSJSON.encode(lead))
        }
    }
}
