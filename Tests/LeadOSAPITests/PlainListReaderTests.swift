import Foundation
import Testing
@testable import LeadOSContract
import LeadOSSimulator

/// Pages of campaigns and leads (every poll's reply) are read by `PlainListReader` when all of
/// them is of the plain shape; the outcome, unreadable items and errors included, must be exactly
/// `JSONDecoder`'s.
@Suite struct PlainListReaderTests {
    typealias Described = CampaignReaderTests.Described

    static func expectSameOutcome<Item: Codable & Sendable & Equatable>(
        _ body: Data, as item: Item.Type, read expectRead: Bool? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let whole = Result { try LeadOSJSON.makeDecoder().decode(ListEnvelope<Item>.self, from: body) }.mapError(Described.init)
        let text = String(decoding: body, as: UTF8.self).prefix(300)
        let read = ListEnvelope<Item>.readPlain(body)
        if let read { #expect(whole == .success(read), "the reader took \(text)", sourceLocation: sourceLocation) }
        if let expectRead { #expect((read != nil) == expectRead, "\(text)", sourceLocation: sourceLocation) }
        let outcome = Result { try LeadOSJSON.decode(ListEnvelope<Item>.self, from: body) }.mapError(Described.init)
        #expect(outcome == whole, "\(text)", sourceLocation: sourceLocation)
    }

    static let world = LeadReaderTests.world(hostile: false)

    @Test func pagesAsTheSimulatorSendsThemAreRead() throws {
        let campaigns = Self.world.campaigns()
        let leads = Array(Self.world.leads().prefix(100))
        for cursor in [nil, "camp_0002Wp66innd"] as [String?] {
            Self.expectSameOutcome(try LeadOSJSON.encode(ListEnvelope(data: campaigns, hasMore: cursor != nil, nextCursor: cursor)),
                                   as: Campaign.self, read: true)
        }
        Self.expectSameOutcome(try LeadOSJSON.encode(ListEnvelope(data: leads, hasMore: true, nextCursor: leads.last?.id)),
                               as: Lead.self, read: true)
        // The empty page of an idle feed poll, in any member order and spacing.
        for empty in [#"{"data":[],"has_more":false,"next_cursor":null}"#, #" { "has_more" : false , "data" : [ ] } "#] {
            Self.expectSameOutcome(Data(empty.utf8), as: Lead.self, read: true)
        }
        // Hostile text goes to `JSONDecoder` with its page, to the same result.
        let hostile = LeadReaderTests.world(hostile: true).leads()
        Self.expectSameOutcome(try LeadOSJSON.encode(ListEnvelope(data: hostile, hasMore: false, nextCursor: nil)), as: Lead.self)
    }

    @Test func whatTheReaderDeclinesIsDecodedTheOrdinaryWay() throws {
        let page = String(decoding: try LeadOSJSON.encode(ListEnvelope(data: Self.world.campaigns(), hasMore: false, nextCursor: nil)),
                          as: UTF8.self)
        let cases: [(String, String)] = [
            (#""has_more":false"#, #""has_more":"false""#),
            (#""has_more":false"#, #""has_more":0"#),
            (#""has_more":false"#, #""has_more":false,"object":"list""#),
            (#""has_more":false"#, #""has_more":false,"data":[]"#),
            (#""has_more":false"#, #""h\u0061s_more":false"#),
            (#""next_cursor":null"#, #""next_cursor":7"#),
            (#""next_cursor":null"#, #""next_cursor":"a\"b""#),
            (#""has_more":false,"#, ""),
            (#""min_score":"#, #""min_score":101,"x":"#),
            (#""min_score":"#, #""min_score":"#), // unchanged: read
            (#""status":"#, #""status":7,"s":"#),
            (#""data":["#, #""data":[null,"#),
        ]
        for (index, (old, new)) in cases.enumerated() {
            guard page.contains(old) else { Issue.record("case \(index): \(old) not in the page"); continue }
            let body = Data(page.replacingOccurrences(of: old, with: new).utf8)
            Self.expectSameOutcome(body, as: Campaign.self, read: old == new ? true : false)
        }
        for body in ["", "{}", "[]", "null", #"{"data":{}}"#, #"{"data":[],"has_more":null}"#, String(page.dropLast())] {
            Self.expectSameOutcome(Data(body.utf8), as: Campaign.self, read: false)
        }
    }
}
