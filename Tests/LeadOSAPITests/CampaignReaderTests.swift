import Foundation
import PropertyBased
import Testing
@testable import LeadOSAPI
@testable import LeadOSContract
import LeadOSSimulator

/// Campaigns of the plain shape are read by `CampaignReader`; the result, and every error, must be
/// exactly those of `JSONDecoder`, whatever the bytes (the cache replays what LeadOS once sent).
@Suite struct CampaignReaderTests {
    static let plain = ContractRangeTests.campaign

    /// An error compared by its description.
    struct Described: Error, Equatable {
        let text: String
        init(_ error: any Error) { text = String(describing: error) }
    }

    static func wholeDecode(_ data: Data) -> Result<Campaign, Described> {
        Result { try LeadOSJSON.makeDecoder().decode(Campaign.self, from: data) }.mapError(Described.init)
    }

    static func read(_ data: Data) -> Campaign? { data.withUnsafeBytes(CampaignReader.read) }

    /// What the dashboard's decoding gives: the reader's value, or `JSONDecoder`'s value or error.
    static func decode(_ data: Data) -> Result<Campaign, Described> {
        Result { try Campaign.decode(from: data, decoder: LeadOSJSON.makeDecoder()) }.mapError(Described.init)
    }

    /// The property every input must keep: the reader takes only what `JSONDecoder` decodes to the
    /// same value, and the outcome with the reader in front is `JSONDecoder`'s.
    static func expectSameOutcome(_ body: Data, sourceLocation: SourceLocation = #_sourceLocation) {
        expectSameOutcome(body, whole: wholeDecode, read: read, decode: decode, sourceLocation: sourceLocation)
    }

    /// The same property for any plain reader: `read` is the hand reader alone, `decode` the
    /// decoding the app uses (the reader in front of `JSONDecoder`), `whole` `JSONDecoder` alone.
    static func expectSameOutcome<T: Equatable>(
        _ body: Data, whole: (Data) -> Result<T, Described>, read: (Data) -> T?, decode: (Data) -> Result<T, Described>,
        sourceLocation: SourceLocation
    ) {
        let whole = whole(body)
        let text = String(decoding: body, as: UTF8.self)
        if let read = read(body) {
            #expect(whole == .success(read), "the reader took \(text)", sourceLocation: sourceLocation)
        }
        #expect(decode(body) == whole, "\(text)", sourceLocation: sourceLocation)
    }

    @Test func thePlainShapeIsReadToJSONDecodersValue() throws {
        let body = Data(Self.plain.utf8)
        let expected = try Self.wholeDecode(body).get()
        #expect(Self.read(body) == expected)
        let pretty = try { let e = LeadOSJSON.makeEncoder(); e.outputFormatting.insert(.prettyPrinted); return try e.encode(expected) }()
        for framed in [try LeadOSJSON.encode(expected), pretty, Data(" \n\t".utf8) + body + Data("\r\n ".utf8)] {
            #expect(Self.read(framed) == expected)
        }
        // Optional fields: null, or missing altogether (as `decodeIfPresent` allows).
        let paused = Self.plain.replacingOccurrences(of: #""paused_reason":null"#, with: #""paused_reason":"insufficient_credits""#)
        #expect(Self.read(Data(paused.utf8))?.pausedReason == .insufficientCredits)
        let bare = Self.plain.replacingOccurrences(of: #""paused_reason":null,"#, with: "")
            .replacingOccurrences(of: #""total_lead_cap":500,"#, with: "")
        let read = try #require(Self.read(Data(bare.utf8)))
        #expect(read.pausedReason == nil && read.totalLeadCap == nil)
        #expect(Self.wholeDecode(Data(bare.utf8)) == .success(read))
    }

    /// Campaigns as the simulator makes them (the shape a real cache holds) are all read, to the
    /// value `JSONDecoder` gives.
    @Test func generatedCampaignsAreAllRead() throws {
        let campaigns = SimulatedWorld(seed: 7, clock: SimulationClock(start: Date(timeIntervalSince1970: 1_778_164_200), speed: 0),
                                       campaignCount: 300, historyLeads: 0).campaigns()
        #expect(campaigns.count == 300)
        for campaign in campaigns {
            let body = try LeadOSJSON.encode(campaign)
            #expect(Self.read(body) == campaign, "\(String(decoding: body, as: UTF8.self))")
        }
    }

    /// What the reader declines goes to `JSONDecoder`, which decodes it or names the error.
    @Test func whatTheReaderDeclinesIsDecodedTheOrdinaryWay() {
        let cases: [(old: String, new: String, decodes: Bool)] = [
            (#""name":"Nepal SaaS founders""#, #""name":"Nepal \"SaaS\" founders""#, true),
            (#""name":"Nepal SaaS founders""#, #""name":"Nepal\u00a0SaaS""#, true),
            (#""name""#, #""n\u0061me""#, true),
            (#""id":"camp_abc123","#, #""id":"camp_abc123","note":"a new field","#, true),
            (#""daily_lead_cap":20"#, #""daily_lead_cap":20.0"#, true),
            (#""daily_lead_cap":20"#, #""daily_lead_cap":2e1"#, true),
            (#""daily_lead_cap":20"#, #""daily_lead_cap":1001"#, false),
            (#""daily_lead_cap":20"#, #""daily_lead_cap":"20""#, false),
            (#""leads_delivered":0"#, #""leads_delivered":99999999999999999999"#, false),
            (#""leads_delivered":0"#, #""leads_delivered":-9223372036854775808"#, false),
            (#""leads_delivered":0"#, #""leads_delivered":-1"#, false),
            (#""min_score":70"#, #""min_score":070"#, false),
            (#""total_lead_cap":500"#, #""total_lead_cap":0"#, false),
            (#""status":"active""#, #""status":"running""#, false),
            (#""status":"active""#, #""status":null"#, false),
            (#""paused_reason":null"#, #""paused_reason":"tired""#, false),
            (#""company_sizes":["11-50","51-200"]"#, #""company_sizes":["11-50","12-50"]"#, false),
            (#""job_titles":["Founder","CEO"]"#, #""job_titles":["Founder",7]"#, false),
            (#""job_titles":["Founder","CEO"]"#, #""job_titles":"Founder""#, false),
            (#""created_at":"2026-05-07T09:00:00Z""#, #""created_at":"2026-05-07T09:00:00+02:00""#, false),
            (#""created_at":"2026-05-07T09:00:00Z""#, #""created_at":"2026-02-30T09:00:00Z""#, false),
            (#""updated_at":"2026-05-07T09:00:00Z"}"#, #""updated_at":"2026-05-07T09:00:00Z"}x"#, false),
            (#""updated_at":"2026-05-07T09:00:00Z"}"#, #""updated_at":"2026-05-07T09:00:00Z""#, false),
            (#""industries":["SaaS"],"#, "", false),
            (#"{"id""#, "\u{FEFF}{\"id\"", true),
            (#""id":"camp_abc123","#, "", false),
        ]
        for (index, change) in cases.enumerated() {
            guard Self.plain.contains(change.old) else {
                Issue.record("case \(index): \(change.old) not in the fixture")
                continue
            }
            let body = Data(Self.plain.replacingOccurrences(of: change.old, with: change.new).utf8)
            #expect(Self.read(body) == nil, "case \(index)")
            let outcome = Self.decode(body)
            #expect(outcome == Self.wholeDecode(body), "case \(index)")
            switch outcome {
            case .success: #expect(change.decodes, "case \(index) decoded")
            case .failure(let error): #expect(!change.decodes, "case \(index): \(error.text)")
            }
        }
        // A key seen twice: `JSONDecoder` picks one; the reader does not guess which.
        let twice = Self.plain.replacingOccurrences(of: #""min_score":70"#, with: #""min_score":70,"min_score":80"#)
        #expect(Self.read(Data(twice.utf8)) == nil)
        Self.expectSameOutcome(Data(twice.utf8))
        for body in ["", "{}", "[]", "null", "{", #"{"id":"camp_abc123""#, String(Self.plain.dropLast())] {
            #expect(Self.read(Data(body.utf8)) == nil, "\(body)")
            #expect(throws: DecodingError.self, "\(body)") { try Campaign.decode(from: Data(body.utf8), decoder: LeadOSJSON.makeDecoder()) }
        }
    }

    // MARK: Properties

    static let edgeInts = [Int.min, Int.min + 1, -1, 0, 1, 2, 70, 100, 101, 500, 1_000, 1_001, Int.max - 1, Int.max]
    /// Seconds since 1970 the wire format can hold: its first and last second, and around now.
    static let edgeTimes: [TimeInterval] = [-62_167_219_200, -1, 0, 1_778_144_400, 1_778_144_401, 253_402_300_799]
    /// Text of every kind a name or a title may hold: plain, non-ASCII, and what must be escaped.
    static let pieces = ["Oslo", "CTO", " ", "ü", "東京", "🚀", "\u{2028}", "\"", "\\", "/", "\n", "\t", "\u{0}",
                         "\u{1F}", "\u{7F}", "\u{FEFF}", "e\u{301}", "{", "]", ",", ":"]

    static func pick<T: Sendable>(_ values: [T]) -> Generator<T, some SendableSequenceType> {
        Gen<Int>.int(in: 0...(values.count - 1)).map { values[$0] }
    }
    /// Mostly inside every field's range, so that one field out of range is often the only one.
    static var int: Generator<Int, some SendableSequenceType> {
        Gen<Int>.oneOf(Gen<Int>.int(in: 1...100), Gen<Int>.int(in: 1...100), Gen<Int>.int(in: 1...100),
                       pick(edgeInts), Gen<Int>.int(in: Int.min...Int.max))
    }
    static var text: Generator<String, some SendableSequenceType> {
        pick(pieces).array(of: 0...6).map { $0.joined() }
    }

    /// A campaign of any field values, built directly, past the decoder's range checks.
    static func campaign(ints: [Int], texts: [String], times: [TimeInterval], choices: [Int]) -> Campaign {
        func text(_ i: Int) -> String { texts[i % texts.count] }
        func choice<T>(_ i: Int, _ values: [T]) -> T { values[choices[i % choices.count] % values.count] }
        return Campaign(
            id: "camp_" + text(0), name: text(1), status: choice(0, CampaignStatus.allCases),
            pausedReason: choice(1, [nil] + PausedReason.allCases), dailyLeadCap: ints[0],
            totalLeadCap: choice(2, [nil, ints[1]]), jobTitles: (0..<choice(3, [0, 1, 3])).map { text(2 + $0) },
            industries: (0..<choice(4, [0, 2])).map { text(3 + $0) },
            companySizes: (0..<choice(5, [0, 1, 3])).map { choice(6 + $0, CompanySize.allCases) },
            geographies: (0..<choice(7, [0, 1])).map { text(5 + $0) }, minScore: ints[2],
            enrichmentLevel: choice(8, EnrichmentLevel.allCases), leadsDelivered: ints[3], leadsDeliveredToday: ints[4],
            creditsSpent: ints[5], createdAt: Date(timeIntervalSince1970: times[0]),
            updatedAt: Date(timeIntervalSince1970: times[1]))
    }

    /// Round trip: any campaign, encoded as the cache encodes it, decodes to the same outcome as
    /// with `JSONDecoder` alone; one inside the contract's ranges is read back equal to itself.
    @Test func anyCampaignDecodesAsJSONDecoderDecodesIt() async {
        await propertyCheck(count: 800, input: Self.int.array(of: 6), Self.text.array(of: 7),
                            Self.pick(Self.edgeTimes).array(of: 2), Gen<Int>.int(in: 0...1_000).array(of: 10)) { ints, texts, times, choices in
            let campaign = Self.campaign(ints: ints, texts: texts, times: times, choices: choices)
            let body = try LeadOSJSON.encode(campaign)
            Self.expectSameOutcome(body)
            let inRange = ContractRange.dailyLeadCap.contains(campaign.dailyLeadCap) && ContractRange.score.contains(campaign.minScore)
                && (campaign.totalLeadCap.map(ContractRange.positive.contains) ?? true)
                && [campaign.leadsDelivered, campaign.leadsDeliveredToday, campaign.creditsSpent].allSatisfy(ContractRange.count.contains)
            if inRange { #expect(Self.decode(body) == .success(campaign)) }
        }
    }

    /// Ranges of the plain shape are taken, not declined: a campaign without characters that need
    /// escaping and inside the contract's ranges is read by the reader itself.
    @Test func plainCampaignsAreTakenByTheReader() async {
        let plainText = Self.pick(["Oslo", "CTO", " ", "ü", "東京", "🚀", "/", "{", "]", ",", ":"]).array(of: 0...6).map { $0.joined() }
        await propertyCheck(count: 300, input: Gen<Int>.int(in: 1...1_000).array(of: 6), plainText.array(of: 7),
                            Self.pick(Self.edgeTimes).array(of: 2), Gen<Int>.int(in: 0...1_000).array(of: 10)) { ints, texts, times, choices in
            var campaign = Self.campaign(ints: ints, texts: texts, times: times, choices: choices)
            campaign.minScore = ints[2] % 101
            let body = try LeadOSJSON.encode(campaign)
            #expect(Self.read(body) == campaign, "\(String(decoding: body, as: UTF8.self))")
        }
    }

    /// Bytes as a cache may hold them: a valid campaign with bytes replaced, dropped or inserted,
    /// and numbers swapped for extreme ones. Nothing traps, and the outcome is `JSONDecoder`'s.
    @Test func damagedCampaignsDecodeAsJSONDecoderDecodesThem() async {
        let body = Array(Self.plain.utf8)
        let edits = Gen<Int>.int(in: 0...(body.count * 3 - 1)).array(of: 1...4)
        let bytes = Self.pick(Array(#"{}[]",:-.0123456789eE nul\"#.utf8) + [0x00, 0x7F, 0xC3, 0xFF]).array(of: 4)
        await propertyCheck(count: 2_000, input: edits, bytes) { edits, replacements in
            var damaged = body
            for (n, edit) in edits.enumerated() {
                let position = (edit / 3) % damaged.count
                switch edit % 3 {
                case 0: damaged[position] = replacements[n]
                case 1: damaged.remove(at: position)
                default: damaged.insert(replacements[n], at: position)
                }
                if damaged.isEmpty { damaged = [UInt8(ascii: "{")] }
            }
            Self.expectSameOutcome(Data(damaged))
        }
        let numbers = ["0", "-0", "1", "1.5", "-1", "1e2", "9223372036854775807", "9223372036854775808",
                       "-9223372036854775808", "1e400", "null", "true", "\"5\"", "[]", "{}"]
        for field in ["daily_lead_cap", "total_lead_cap", "min_score", "leads_delivered", "leads_delivered_today", "credits_spent"] {
            for number in numbers {
                let pattern = try! Regex(#""\#(field)":[0-9]+"#)
                Self.expectSameOutcome(Data(Self.plain.replacing(pattern, with: #""\#(field)":\#(number)"#).utf8))
            }
        }
    }
}
