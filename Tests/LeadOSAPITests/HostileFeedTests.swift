import Foundation
import LeadTopTestSupport
import Testing
@testable import LeadOSAPI

/// The feed and list pages against hostile replies over loopback: a lead from the year 9999, an
/// undecodable lead in the middle or at the end of a page, Retry-After of 0 and of Int.max.
@Suite struct HostileFeedTests {
    static func lead(_ id: String, at seconds: Int) -> Lead { FeedCursorTests.lead(id, at: seconds) }

    static func json(_ value: some Encodable) -> String { String(decoding: try! LeadOSJSON.encode(value), as: UTF8.self) }

    /// A page of leads as JSON, with the leads named in `unreadable` given `"score":"84"`.
    static func page(_ leads: [Lead], unreadable: Set<String> = [], hasMore: Bool = false, next: String? = nil) -> String {
        let objects = leads.map { lead -> String in
            let text = json(lead)
            return unreadable.contains(lead.id) ? text.replacingOccurrences(of: #""score":70"#, with: #""score":"84""#) : text
        }
        let cursor = next.map { "\"\($0)\"" } ?? "null"
        return #"{"data":[\#(objects.joined(separator: ","))],"has_more":\#(hasMore),"next_cursor":\#(cursor)}"#
    }

    static func since(_ seen: ScriptedServer.Seen) -> String? {
        URLComponents(string: "http://x/?\(seen.query ?? "")")?.queryItems?.first { $0.name == "since" }?.value
    }

    static func startingAfter(_ seen: ScriptedServer.Seen) -> String? {
        URLComponents(string: "http://x/?\(seen.query ?? "")")?.queryItems?.first { $0.name == "starting_after" }?.value
    }

    // MARK: Poisoned cursor

    @Test func aLeadFromTheFutureIsShownOnceAndDoesNotMoveTheCursor() async throws {
        let serverNow = 1_800_000_000
        let poisoned = Timestamp.parse("9999-12-31T23:59:59Z")!
        let future = { var lead = Self.lead("del_future", at: 0); lead.deliveredAt = poisoned; return lead }()
        let first = [future, Self.lead("del_b", at: serverNow - 10), Self.lead("del_a", at: serverNow - 20)]
        let date = HTTPDate.format(Date(timeIntervalSince1970: TimeInterval(serverNow)))
        let server = ScriptedServer { index, _ in
            .json(status: 200, headers: ["Date": date],
                  body: index == 0 ? Self.page(first) : Self.page([future, Self.lead("del_c", at: serverNow - 5)]))
        }
        try await server.start()
        defer { server.stop() }
        let client = try ClientHostileServerTests.client(server)
        var cursor = FeedCursor()
        // The local clock is far behind LeadOS's: the reply's Date header is what bounds the cursor.
        let localNow = Date(timeIntervalSince1970: 1_000_000_000)
        let fetched = try await client.fetchFeed(after: &cursor, now: localNow)
        #expect(fetched.leads.map(\.id) == ["del_future", "del_b", "del_a"])
        #expect(cursor.newest == Date(timeIntervalSince1970: TimeInterval(serverNow - 10)))
        #expect(cursor.ahead == ["del_future": poisoned])
        let second = try await client.fetchFeed(after: &cursor, now: localNow)
        #expect(second.leads.map(\.id) == ["del_c"], "the future lead is not returned again")
        #expect(server.requests.map(Self.since) == [nil, Timestamp.format(Date(timeIntervalSince1970: TimeInterval(serverNow - 10)))])
        #expect(cursor.newest == Date(timeIntervalSince1970: TimeInterval(serverNow - 5)))
    }

    @Test func withoutADateHeaderTheLocalClockBoundsTheCursor() async throws {
        let now = 1_800_000_000
        let server = ScriptedServer { _, _ in
            .json(status: 200, body: Self.page([Self.lead("del_soon", at: now + 299), Self.lead("del_late", at: now + 301)]))
        }
        try await server.start()
        defer { server.stop() }
        var cursor = FeedCursor()
        let fetched = try await ClientHostileServerTests.client(server).fetchFeed(after: &cursor, now: Date(timeIntervalSince1970: TimeInterval(now)))
        #expect(fetched.leads.map(\.id) == ["del_soon", "del_late"])
        // Within the five-minute allowance the cursor moves; a second beyond it, it does not.
        #expect(cursor.newest == Date(timeIntervalSince1970: TimeInterval(now + 299)))
        #expect(Array(cursor.ahead.keys) == ["del_late"])
    }

    // MARK: One unreadable object

    @Test func anUnreadableLeadIsSkippedAndTheRestOfThePageIsUsed() async throws {
        let leads = [Self.lead("del_d", at: 400), Self.lead("del_c", at: 300), Self.lead("del_b", at: 200)]
        let older = [Self.lead("del_a", at: 100)]
        let server = ScriptedServer { index, seen in
            if index == 0 { return .json(status: 200, body: Self.page([Self.lead("del_0", at: 50)])) }
            // The unreadable lead is the last of its page, so next_cursor names it.
            if Self.startingAfter(seen) == nil {
                return .json(status: 200, body: Self.page(leads, unreadable: ["del_b"], hasMore: true, next: "del_b"))
            }
            return .json(status: 200, body: Self.page(older))
        }
        try await server.start()
        defer { server.stop() }
        let client = try ClientHostileServerTests.client(server)
        var cursor = FeedCursor()
        _ = try await client.fetchFeed(after: &cursor, now: Date(timeIntervalSince1970: 1_000))
        let fetched = try await client.fetchFeed(after: &cursor, now: Date(timeIntervalSince1970: 1_000))
        #expect(fetched.leads.map(\.id) == ["del_d", "del_c", "del_a"])
        #expect(fetched.unreadable == [UnreadableItem(index: 2, id: "del_b", reason: "score: expected Int")])
        #expect(server.requests.map(Self.startingAfter) == [nil, nil, "del_b"], "pagination went on from next_cursor")
        #expect(cursor.newest == Date(timeIntervalSince1970: 400))
    }

    @Test func unreadableObjectsWithoutAnIDAreCountedByPosition() async throws {
        let body = #"{"data":[42,{"id":{"x":1}},"#
            + Self.json(Self.lead("del_a", at: 10)) + #"],"has_more":false,"next_cursor":null}"#
        let server = ScriptedServer { _, _ in .json(status: 200, body: body) }
        try await server.start()
        defer { server.stop() }
        let page = try await ClientHostileServerTests.client(server).listLeads()
        #expect(page.data.map(\.id) == ["del_a"])
        #expect(page.unreadable.map(\.index) == [0, 1])
        #expect(page.unreadable.map(\.id) == [nil, nil])
        #expect(page.unreadable[1].reason == "id: expected String")
    }

    @Test func aBrokenEnvelopeStillFailsAsAWhole() async throws {
        for body in [#"{"data":{},"has_more":false,"next_cursor":null}"#, #"{"data":[],"next_cursor":null}"#] {
            let server = ScriptedServer { _, _ in .json(status: 200, body: body) }
            try await server.start()
            defer { server.stop() }
            await #expect(throws: LeadOSError.self) { try await ClientHostileServerTests.client(server).listLeads() }
        }
    }

    @Test func campaignPagesSkipUnreadableCampaignsAndSayWhenTheyStopEarly() async throws {
        @Sendable func campaign(_ n: Int) -> String {
            let c = Campaign(id: "camp_\(String(format: "%06d", n))", name: "C\(n)", status: .active, pausedReason: nil,
                             dailyLeadCap: 20, totalLeadCap: nil, jobTitles: ["CEO"], industries: [], companySizes: [],
                             geographies: [], minScore: 60, enrichmentLevel: .email, leadsDelivered: 0, leadsDeliveredToday: 0,
                             creditsSpent: 0, createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0))
            let text = Self.json(c)
            return n == 4 ? text.replacingOccurrences(of: #""status":"active""#, with: #""status":"archived""#) : text
        }
        // Three pages of two; the second page's second campaign has a status the contract does not know.
        let server = ScriptedServer { index, _ in
            let ids = [index * 2 + 1, index * 2 + 2]
            let next = "camp_\(String(format: "%06d", ids[1]))"
            return .json(status: 200, body: #"{"data":[\#(ids.map(campaign).joined(separator: ","))],"has_more":true,"next_cursor":"\#(next)"}"#)
        }
        try await server.start()
        defer { server.stop() }
        let collected = try await ClientHostileServerTests.client(server).campaignPages(CampaignQuery(limit: 2), maxPages: 3).collectPages()
        #expect(collected.items.map(\.id) == ["camp_000001", "camp_000002", "camp_000003", "camp_000005", "camp_000006"])
        #expect(collected.unreadable.map(\.id) == ["camp_000004"])
        #expect(collected.hasMore)
        #expect(collected.pages == 3 && server.requests.count == 3)
    }

    // MARK: Retry-After

    @Test func retryAfterIsClampedToOneSecondUpToAnHour() async throws {
        for (header, expected) in [("0", 1.0), ("9223372036854775807", 3600), ("99999999999999999999", 3600), ("42", 42)] {
            let server = ScriptedServer { index, _ in
                index == 0
                    ? .json(status: 429, headers: ["Retry-After": header],
                            body: #"{"error":{"type":"rate_limit_error","code":"rate_limited","message":"slow","param":null,"request_id":"req_1"}}"#)
                    : .json(status: 200, body: ClientHostileServerTests.balanceJSON)
            }
            try await server.start()
            defer { server.stop() }
            let sleeps = ClientHostileServerTests.Sleeps()
            _ = try await ClientHostileServerTests.client(server, sleeps: sleeps).balance()
            #expect(sleeps.all == [expected], "Retry-After: \(header)")
        }
    }
}
