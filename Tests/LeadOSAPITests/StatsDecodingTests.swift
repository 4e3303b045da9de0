import Foundation
import Testing
@testable import LeadOSAPI

/// Stats replies are decoded a day at a time; the result and every error must be exactly those of
/// decoding the whole reply with `JSONDecoder`.
@Suite struct StatsDecodingTests {
    /// A month of stats for `campaigns` campaigns, with ids long enough to live on the heap and
    /// characters that the slicer must not mistake for structure.
    static func stats(campaigns: Int, days: Int = 30) -> DeliveryStats {
        let ids = (0..<campaigns).map { "camp_\($0)_with_a_long_id_\\\"[]{},:" }
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

    @Test func aSliceOfALargerBufferDecodes() throws {
        let body = try LeadOSJSON.encode(Self.stats(campaigns: 5))
        let framed = Data("xxxx".utf8) + body + Data("yyyy".utf8)
        let slice = framed[4..<(4 + body.count)]
        #expect(try LeadOSJSON.decode(DeliveryStats.self, from: slice) == Self.stats(campaigns: 5))
    }

    @Test func eachCampaignIdIsKeptOnce() throws {
        let stats = try LeadOSJSON.decode(DeliveryStats.self, from: LeadOSJSON.encode(Self.stats(campaigns: 10)))
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
