import Foundation
import PropertyBased
import Testing
@testable import LeadOSAPI
@testable import LeadOSContract

/// Stats replies are decoded a day at a time; the result and every error must be exactly those of
/// decoding the whole reply with `JSONDecoder`.
@Suite struct StatsDecodingTests {
    /// A month of stats for `campaigns` campaigns, with ids long enough to live on the heap and
    /// characters that the slicer must not mistake for structure.
    static func stats(campaigns: Int, days: Int = 30, escapedIDs: Bool = true) -> DeliveryStats {
        let ids = (0..<campaigns).map { escapedIDs ? "camp_\($0)_with_a_long_id_\\\"[]{},:" : "camp_\($0)_with_a_long_id_ü[]{},:" }
        let data = (0..<days).map { d in
            let parts = ids.enumerated().compactMap { c, id -> DeliveryStats.CampaignDay? in
                (c + d) % 3 == 0 ? nil : .init(campaignID: id, delivered: c + d, creditsConsumed: 2 * (c + d),
                                                avgScore: d % 4 == 0 ? nil : Double(c % 100) + 0.5)
            }
            let delivered = parts.reduce(0) { $0 + $1.delivered }
            return DeliveryStats.Day(date: String(format: "2026-05-%02d", d + 1), delivered: delivered,
                                     creditsConsumed: 2 * delivered, avgScore: parts.isEmpty ? nil : 70.5,
                                     byCampaign: parts)
        }
        return DeliveryStats(startDate: "2026-05-01", endDate: String(format: "2026-05-%02d", days), campaignID: nil,
                             totals: .init(delivered: 1, creditsConsumed: 2, avgScore: 3.5), data: data)
    }

    /// An error compared by its description.
    struct Described: Error, Equatable {
        let text: String
        init(_ error: any Error) { text = String(describing: error) }
    }

    static func wholeDecode(_ data: Data) throws -> DeliveryStats {
        try LeadOSJSON.makeDecoder().decode(DeliveryStats.self, from: data)
    }

    @Test func dayByDayEqualsTheWholeDecode() throws {
        let stats = Self.stats(campaigns: 40)
        let compact = try LeadOSJSON.encode(stats)
        let pretty = try { let e = LeadOSJSON.makeEncoder(); e.outputFormatting.insert(.prettyPrinted); return try e.encode(stats) }()
        for body in [compact, pretty, Data(" \n".utf8) + compact + Data("\n ".utf8)] {
            #expect(try LeadOSJSON.decode(DeliveryStats.self, from: body) == stats)
        }
        let empty = DeliveryStats(startDate: "2026-05-01", endDate: "2026-05-01", campaignID: "camp_x",
                                  totals: .init(delivered: 0, creditsConsumed: 0, avgScore: nil), data: [])
        #expect(try LeadOSJSON.decode(DeliveryStats.self, from: LeadOSJSON.encode(empty)) == empty)
    }

    /// The plain shape is read by `StatsReader`, to the same value as `JSONDecoder`'s.
    @Test func theReaderTakesThePlainShape() throws {
        let stats = Self.stats(campaigns: 40, escapedIDs: false)
        let pretty = try { let e = LeadOSJSON.makeEncoder(); e.outputFormatting.insert(.prettyPrinted); return try e.encode(stats) }()
        for body in [try LeadOSJSON.encode(stats), pretty] {
            #expect(body.withUnsafeBytes(StatsReader.read) == stats)
            #expect(try Self.wholeDecode(body) == stats)
        }
        let zeroFilled = #"{"start_date":"2026-05-06","end_date":"2026-05-06","campaign_id":"camp_x","totals":{"delivered":0,"credits_consumed":0,"avg_score":null},"data":[{"date":"2026-05-06","delivered":0,"credits_consumed":0,"avg_score":null,"by_campaign":[]}]}"#
        #expect(Data(zeroFilled.utf8).withUnsafeBytes(StatsReader.read) == (try Self.wholeDecode(Data(zeroFilled.utf8))))
    }

    /// Numbers come out bit for bit as `JSONDecoder`'s, short decimals and long or exponent forms
    /// alike; what is not a JSON number, or too large for a `Double`, is declined.
    @Test func theReaderConvertsNumbersExactly() throws {
        var generator = SystemRandomNumberGenerator()
        var texts = ["0", "-0", "7", "100", "99.95", "0.1", "0.30000000000000004", "-12.5", "1.000000000000001",
                     "123456789012345", "9007199254740993", "1e2", "1E-2", "2.5e+1", "0.0000001", "00.5", "1.", ".5",
                     "77.33333333333333", "1e400", "-1e-400", "4.9e-324", "1.7976931348623157e308", "+1", "1e", "0x10", "2e-324", "0e-400", "0.0e5"]
        for _ in 0..<1_000 {
            // Unrounded means, as a server that skipped the rounding would send them (0–100, the range of a score).
            texts.append("\(Double(Int.random(in: 1...10_000, using: &generator)) / Double(Int.random(in: 100...997, using: &generator)))")
        }
        for _ in 0..<2_000 {
            let places = Int.random(in: 0...6, using: &generator)
            let whole = Int.random(in: 0...99, using: &generator)
            let fraction = places == 0 ? "" : "." + String(Int.random(in: 0..<Int(pow(10, Double(places))), using: &generator))
            texts.append("\(whole)\(fraction)")
        }
        var taken = 0
        for text in texts {
            let body = Data(#"{"start_date":"a","end_date":"b","totals":{"delivered":1,"credits_consumed":2,"avg_score":\#(text)},"data":[]}"#.utf8)
            let whole = Result { try Self.wholeDecode(body) }.mapError(Described.init)
            if let read = body.withUnsafeBytes(StatsReader.read) {
                taken += 1
                let expected = try whole.get().totals.avgScore
                #expect(read.totals.avgScore?.bitPattern == expected?.bitPattern, "\(text)")
            }
            #expect(Result { try LeadOSJSON.decode(DeliveryStats.self, from: body) }.mapError(Described.init) == whole, "\(text)")
        }
        #expect(taken > 2_950, "the reader declined too often")
        let declined = ["00.5", "1.", ".5", "1e400", "-1e-400", "2e-324", "+1", "1e", "0x10"]
        for text in declined {
            let body = Data(#"{"start_date":"a","end_date":"b","totals":{"delivered":1,"credits_consumed":2,"avg_score":\#(text)},"data":[]}"#.utf8)
            #expect(body.withUnsafeBytes(StatsReader.read) == nil, "\(text)")
        }
    }

    /// Replies the reader declines but `JSONDecoder` may accept: the outcome is still `JSONDecoder`'s.
    @Test func whatTheReaderDeclinesIsDecodedTheOrdinaryWay() throws {
        let good = String(decoding: try LeadOSJSON.encode(Self.stats(campaigns: 3, days: 3, escapedIDs: false)), as: UTF8.self)
        #expect(Data(good.utf8).withUnsafeBytes(StatsReader.read) != nil)
        let declined = [
            good.replacingOccurrences(of: "\"totals\":", with: "\"note\":\"new field\",\"totals\":"),
            good.replacingOccurrences(of: "\"camp_1_", with: "\"\\u0063amp_1_"),
            good.replacingOccurrences(of: "\"avg_score\":70.5", with: "\"avg_score\":7.05e1"),
            good.replacingOccurrences(of: "\"delivered\":1}", with: "\"delivered\":1.0}"),
            good.replacingOccurrences(of: "\"delivered\":1}", with: "\"delivered\":99999999999999999999}"),
            good.replacingOccurrences(of: "\"end_date\"", with: "\"start_date\":\"2026-01-01\",\"end_date\""),
            "\u{FEFF}" + good,
            good.replacingOccurrences(of: "\"campaign_id\":null,", with: ""),
            good.replacingOccurrences(of: "\"avg_score\":70.5,", with: ""),
            good.replacingOccurrences(of: "\"date\"", with: "\"dat\u{E9}\""),
        ]
        #expect(Set(declined).count == declined.count && !declined.contains(good), "every case changes the reply")
        for (index, text) in declined.enumerated() {
            let body = Data(text.utf8)
            let whole = Result { try Self.wholeDecode(body) }.mapError(Described.init)
            #expect(Result { try LeadOSJSON.decode(DeliveryStats.self, from: body) }.mapError(Described.init) == whole, "case \(index)")
            // An exponent and missing optional keys (decodeIfPresent) are read; the rest is declined.
            #expect((body.withUnsafeBytes(StatsReader.read) != nil) == [2, 7, 8].contains(index), "case \(index)")
        }
    }

    @Test func aSliceOfALargerBufferDecodes() throws {
        let body = try LeadOSJSON.encode(Self.stats(campaigns: 5))
        let framed = Data("xxxx".utf8) + body + Data("yyyy".utf8)
        let slice = framed[4..<(4 + body.count)]
        #expect(try LeadOSJSON.decode(DeliveryStats.self, from: slice) == Self.stats(campaigns: 5))
    }

    /// By the reader (plain ids) and day by day (ids with escapes).
    @Test(arguments: [false, true]) func eachCampaignIdIsKeptOnce(escapedIDs: Bool) throws {
        let body = try LeadOSJSON.encode(Self.stats(campaigns: 10, escapedIDs: escapedIDs))
        #expect((body.withUnsafeBytes(StatsReader.read) == nil) == escapedIDs)
        let stats = try LeadOSJSON.decode(DeliveryStats.self, from: body)
        func storage(_ id: String) -> UnsafeRawPointer? {
            var id = id
            return id.withUTF8 { UnsafeRawPointer($0.baseAddress) }
        }
        let first = Dictionary(stats.data[1].byCampaign.map { ($0.campaignID, storage($0.campaignID)) }, uniquingKeysWith: { a, _ in a })
        var shared = 0
        for part in stats.data[4].byCampaign {
            if let address = first[part.campaignID] {
                #expect(storage(part.campaignID) == address, "\(part.campaignID) is stored twice")
                shared += 1
            }
        }
        #expect(shared > 3)
    }

    /// Ids are matched on their bytes: an empty id, ids that differ in their last byte or only in
    /// normalization stay apart, by the reader and day by day (an id with an escape), and an id
    /// that is not UTF-8 makes the reader decline.
    @Test(arguments: [false, true]) func idsAreMatchedOnTheirExactBytes(escaped: Bool) throws {
        let ids = ["", "camp_0001abcdefgh", "camp_0001abcdefgi", "caf\u{E9}", "cafe\u{301}"] + (escaped ? ["q\"uote"] : [])
        let parts = ids.map { DeliveryStats.CampaignDay(campaignID: $0, delivered: 1, creditsConsumed: 2, avgScore: nil) }
        let day = { (date: String) in DeliveryStats.Day(date: date, delivered: 5, creditsConsumed: 10, avgScore: nil, byCampaign: parts) }
        let stats = DeliveryStats(startDate: "2026-05-01", endDate: "2026-05-02", campaignID: nil,
                                  totals: .init(delivered: 10, creditsConsumed: 20, avgScore: nil),
                                  data: [day("2026-05-01"), day("2026-05-02")])
        let body = try LeadOSJSON.encode(stats)
        #expect((body.withUnsafeBytes(StatsReader.read) == nil) == escaped)
        let read = try LeadOSJSON.decode(DeliveryStats.self, from: body)
        // Compared as bytes: `String`'s == would take the two spellings of "café" as one.
        #expect(read.data.map { $0.byCampaign.map { Array($0.campaignID.utf8) } } == [ids, ids].map { $0.map { Array($0.utf8) } })
        #expect(read == stats)
        var invalid = Array(body)
        let id = Array("abcdefgh".utf8)
        let at = try #require((0...(invalid.count - id.count)).first { Array(invalid[$0..<($0 + id.count)]) == id })
        invalid[at + 7] = 0xFF
        #expect(Data(invalid).withUnsafeBytes(StatsReader.read) == nil)
        let whole = Result { try Self.wholeDecode(Data(invalid)) }.mapError(Described.init)
        #expect(Result { try LeadOSJSON.decode(DeliveryStats.self, from: Data(invalid)) }.mapError(Described.init) == whole)
    }

    /// The eight-bytes-at-a-time test of a string's bytes says what a byte-by-byte look says, for
    /// words made mostly of the bytes around the ones it looks for.
    @Test func theWordTestFindsQuotesBackslashesAndControlBytes() async {
        let near: [UInt8] = [0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0x9F, 0xA0, 0xA2, 0xDC, 0xFF, 0x61]
        let byte = Gen<Int>.int(in: 0...(near.count * 2 - 1)).map { $0 < near.count ? near[$0] : UInt8($0 * 37 % 256) }
        await propertyCheck(count: 5_000, input: byte.array(of: 8)) { bytes in
            let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            let expected = bytes.contains { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }
            #expect(StatsReader.holdsQuoteBackslashOrControl(word) == expected, "\(bytes)")
        }
    }

    /// Thousands of ids, each interned once: the same `String` on every later sight, never another id's.
    @Test func theInternerKeepsEachIdOnce() {
        var interner = IDInterner()
        let ids = (0..<5_000).map { "camp_\(String($0, radix: 36))_\(String(repeating: "x", count: $0 % 20))" }
        func intern(_ id: String) -> String? {
            var bytes = Array(id.utf8)
            return bytes.withUnsafeMutableBytes { interner.id(UnsafeRawBufferPointer($0)) }
        }
        func storage(_ id: String) -> UnsafeRawPointer? {
            var id = id
            return id.withUTF8 { UnsafeRawPointer($0.baseAddress) }
        }
        let first = ids.map { intern($0)! }
        #expect(first == ids)
        let again = ids.map { intern($0)! }
        #expect(again == ids)
        // Ids of more than 15 bytes live on the heap (shorter ones inside the `String` itself).
        #expect(zip(first, again).filter { $0.0.utf8.count > 15 }.allSatisfy { storage($0) == storage($1) })
        #expect(first.filter { $0.utf8.count > 15 }.count > 3_000)
        #expect(intern("camp_\u{FF}") != nil && [UInt8]([0xFF, 0xFE]).withUnsafeBytes { interner.id($0) } == nil)
    }

    /// Replies the slicer cannot take apart, or whose pieces fail, give exactly the outcome of the
    /// whole decode: its error, or for a duplicated `data` key, its value.
    @Test func errorsAreThoseOfTheWholeDecode() throws {
        let good = String(decoding: try LeadOSJSON.encode(Self.stats(campaigns: 3, days: 4)), as: UTF8.self)
        let bad = [
            good.replacingOccurrences(of: "\"delivered\":2}", with: "\"delivered\":\"2\"}"),
            good.replacingOccurrences(of: "\"date\":\"2026-05-03\",", with: ""),
            String(good.dropLast(3)),
            good + "x",
            good.replacingOccurrences(of: "\"data\":[", with: "\"data\":[1,"),
            good.replacingOccurrences(of: "\"data\":[", with: "\"data\":[{},"),
            good.replacingOccurrences(of: "\"end_date\"", with: "\"data\":[],\"end_date\""),
            good.replacingOccurrences(of: "},{", with: "}{"),
            good.replacingOccurrences(of: "},{", with: "},,{"),
            "[]", "", "{}", "{\"data\":{}}", "{\"data\":[", "{\"data\":[]] }", "\"data\"",
        ]
        #expect(bad.count == 16)
        #expect(Set(bad).count == bad.count && !bad.contains(good), "every case changes the reply")
        for (index, body) in bad.map({ Data($0.utf8) }).enumerated() {
            let expected = Result { try Self.wholeDecode(body) }.mapError(Described.init)
            let actual = Result { try LeadOSJSON.decode(DeliveryStats.self, from: body) }.mapError(Described.init)
            #expect(actual == expected, "case \(index)")
            if index != 6 { #expect(throws: (any Error).self, "case \(index)") { try actual.get() } }
        }
    }

    @Test func slicerFindsMembersAndElements() {
        let text = #" { "a" : [1, "x]\"", {"b":[2,3]}] , "d\"q":null,"e":-1.5e3 } "#
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { raw in
            let slicer = JSONSlicer(bytes: raw)
            let members = slicer.topLevelMembers()
            let show = { (r: Range<Int>) in String(decoding: raw[r], as: UTF8.self) }
            #expect(members?.map { show($0.key) } == ["a", #"d\"q"#, "e"])
            #expect(members?.map { show($0.value) } == [#"[1, "x]\"", {"b":[2,3]}]"#, "null", "-1.5e3"])
            let elements = members.flatMap { slicer.arrayElements($0[0].value) }
            #expect(elements?.map(show) == ["1", #""x]\"""#, #"{"b":[2,3]}"#])
        }
        for broken in [#"{"a":1"#, #"{"a" 1}"#, #"{"a":1,}"#, #"{"a":"x}"#, "[1]", #"{"a":1} x"#] {
            Array(broken.utf8).withUnsafeBytes { #expect(JSONSlicer(bytes: $0).topLevelMembers() == nil, "\(broken)") }
        }
    }
}
