import Foundation
import LeadTopTestSupport
import Testing
@testable import LeadOSAPI

/// The client against a scripted loopback server: bad bodies, slow bodies, huge bodies, retries.
@Suite struct ClientHostileServerTests {
    static let key = "ldo_live_sk_" + String(repeating: "h", count: 28) + "WXYZ"
    static let balanceJSON = #"{"credits_remaining":1240,"credits_used_this_period":760,"plan_credits":2000,"period_start":"2026-05-01T00:00:00Z","period_end":"2026-06-01T00:00:00Z","low_balance_threshold":200,"low_balance":false}"#

    /// Records the waits the client asked for instead of sleeping.
    final class Sleeps: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [TimeInterval] = []
        func record(_ s: TimeInterval) { lock.lock(); values.append(s); lock.unlock() }
        var all: [TimeInterval] { lock.lock(); defer { lock.unlock() }; return values }
    }

    static func client(_ server: ScriptedServer, sleeps: Sleeps = Sleeps(), timeout: TimeInterval = 5,
                       maxBody: Int = LeadOSClientOptions.defaultMaxBodyBytes) throws -> LeadOSClient {
        try LeadOSClient(options: LeadOSClientOptions(
            baseURL: server.baseURL, apiKey: key, requestTimeout: timeout, maxBodyBytes: maxBody,
            sleep: { sleeps.record($0) }, random: { 0.5 }))
    }

    @Test func retryAfterIsHonouredThenBackoffWithJitter() async throws {
        let server = ScriptedServer { index, _ in
            switch index {
            case 0: .json(status: 429, headers: ["Retry-After": "7", "X-RateLimit-Limit": "120", "X-RateLimit-Remaining": "0"],
                          body: #"{"error":{"type":"rate_limit_error","code":"rate_limited","message":"slow down","param":null,"request_id":"req_1"}}"#)
            case 1: .json(status: 503, body: #"{"error":{"type":"api_error","code":"service_unavailable","message":"m","param":null,"request_id":"req_2"}}"#)
            case 2: .json(status: 500, body: "<html>oops</html>")
            default: .json(status: 200, headers: ["X-Request-Id": "req_ok"], body: Self.balanceJSON)
            }
        }
        try await server.start()
        defer { server.stop() }
        let sleeps = Sleeps()
        let balance = try await Self.client(server, sleeps: sleeps).balance()
        #expect(balance.creditsRemaining == 1240)
        // 429 → Retry-After 7; 503 after try 2 → 0.5 × min(30, 2) = 1; 500 after try 3 → 0.5 × 4 = 2.
        #expect(sleeps.all == [7, 1, 2])
        #expect(server.requests.count == 4)
        #expect(server.requests.allSatisfy { $0.headers["authorization"] == "Bearer \(Self.key)" })
    }

    @Test func givesUpAfterFiveTriesWithTheLastError() async throws {
        let server = ScriptedServer { _, _ in
            .json(status: 503, body: #"{"error":{"type":"api_error","code":"service_unavailable","message":"down","param":null,"request_id":"req_9"}}"#)
        }
        try await server.start()
        defer { server.stop() }
        let sleeps = Sleeps()
        await #expect(throws: LeadOSError.self) { try await Self.client(server, sleeps: sleeps).balance() }
        #expect(server.requests.count == 5)
        #expect(sleeps.all == [0.5, 1, 2, 4])
        do { _ = try await Self.client(server).balance(); Issue.record("expected a LeadOSError") } catch let error as LeadOSError {
            #expect(error.status == 503 && error.code == "service_unavailable")
            #expect(error.description == "LeadOS 503 api_error/service_unavailable: down [req_9]")
        }
    }

    @Test func writesReuseTheirIdempotencyKeyAcrossRetries() async throws {
        let server = ScriptedServer { index, _ in
            index < 2 ? .json(status: 500, body: "{}")
                      : .json(status: 200, body: #"{"added":1,"already_present":0,"invalid":[],"total_suppressed":1}"#)
        }
        try await server.start()
        defer { server.stop() }
        let result = try await Self.client(server).suppress(emails: ["a@b.co"])
        #expect(result.added == 1)
        let keys = server.requests.map { $0.headers["idempotency-key"] }
        #expect(keys.count == 3)
        #expect(keys[0] != nil && keys[0]!.count == 36 && Set(keys).count == 1)
        #expect(server.requests[0].body == #"{"emails":["a@b.co"]}"#)
        #expect(server.requests[0].path == "/v1/suppression" && server.requests[0].method == "POST")
    }

    @Test func undecodableBodiesGiveClearErrors() async throws {
        let cases: [(String, String)] = [
            (#"{"credits_remaining":12"#, "body: "),
            (#"{"credits_remaining":"many","credits_used_this_period":1,"plan_credits":1,"period_start":"2026-05-01T00:00:00Z","period_end":"2026-06-01T00:00:00Z","low_balance_threshold":1,"low_balance":false}"#,
             "credits_remaining: expected Int"),
            (#"{"credits_remaining":1}"#, "missing field credits_used_this_period"),
            ("\u{1b}[31mred\u{07}", "body: "),
        ]
        for (body, reasonPart) in cases {
            let server = ScriptedServer { _, _ in .json(status: 200, body: body) }
            try await server.start()
            defer { server.stop() }
            do {
                _ = try await Self.client(server).balance()
                Issue.record("decoded \(body)")
            } catch let LeadOSError.undecodable(status, reason, excerpt) {
                #expect(status == 200)
                #expect(reason.contains(reasonPart), "\(reason)")
                #expect(!excerpt.contains("\u{1b}") && !excerpt.contains("\u{07}"))
                #expect(server.requests.count == 1)   // a bad body is not retried
            }
        }
    }

    @Test func proxyPagesAndEchoedKeysAreSanitized() async throws {
        let server = ScriptedServer { _, _ in
            .json(status: 401, body: #"{"error":{"type":"authentication_error","code":"invalid_api_key","message":"bad key \#(Self.key)","param":null,"request_id":"req_x"}}"#)
        }
        try await server.start()
        defer { server.stop() }
        do { _ = try await Self.client(server).feedbackSummary(); Issue.record("expected a LeadOSError") } catch let error as LeadOSError {
            #expect(error.status == 401 && error.code == "invalid_api_key")
            #expect(!error.description.contains(Self.key))
            #expect(error.description.contains("ldo_live_sk_…WXYZ"))
        }
        let html = ScriptedServer { _, _ in .json(status: 502, body: "<html><body>Bad gateway \u{1b}[2J</body></html>") }
        try await html.start()
        defer { html.stop() }
        do { _ = try await Self.client(html).balance(); Issue.record("expected a LeadOSError") } catch let error as LeadOSError {
            #expect(error == .httpStatus(status: 502, excerpt: "<html><body>Bad gateway </body></html>", meta: error.meta!))
        }
    }

    @Test func oversizeBodiesAreCutOff() async throws {
        let server = ScriptedServer { _, _ in .bytes(count: 5 * 1024 * 1024) }
        try await server.start()
        defer { server.stop() }
        await #expect(throws: LeadOSError.oversize(limitBytes: 1024 * 1024)) {
            try await Self.client(server, maxBody: 1024 * 1024).balance()
        }
        // Under the default 8 MiB cap the 5 MB body arrives, and fails to decode instead.
        do { _ = try await Self.client(server).balance(); Issue.record("expected a LeadOSError") } catch let error as LeadOSError {
            guard case .undecodable(200, _, let excerpt) = error else { Issue.record("got \(error)"); return }
            #expect(excerpt.hasPrefix("xxxx") && excerpt.count <= 121)
        }
    }

    /// A chunked reply announces no length, so the cap is counted as the pieces arrive.
    @Test func oversizeChunkedBodiesAreCutOff() async throws {
        let piece = String(repeating: "x", count: 64 * 1024)
        let server = ScriptedServer { _, _ in .trickle(piece: piece, chunks: 20, interval: 0) }
        try await server.start()
        defer { server.stop() }
        await #expect(throws: LeadOSError.oversize(limitBytes: 1024 * 1024)) {
            try await Self.client(server, maxBody: 1024 * 1024).balance()
        }
        // 1.25 MiB under a 2 MiB cap arrives whole, and fails to decode as a balance.
        do { _ = try await Self.client(server, maxBody: 2 * 1024 * 1024).balance(); Issue.record("expected a LeadOSError") }
        catch let error as LeadOSError {
            guard case .undecodable(200, _, let excerpt) = error else { Issue.record("got \(error)"); return }
            #expect(excerpt.hasPrefix("xxxx"))
        }
    }

    @Test func slowLorisTimesOut() async throws {
        let server = ScriptedServer { _, _ in .trickle(piece: " ", chunks: 100, interval: 0.1) }
        try await server.start()
        defer { server.stop() }
        // The trickle would last 10 s and end as an unreadable body; the deadline cuts it off first.
        await #expect(throws: LeadOSError.timeout(seconds: 0.5)) {
            try await Self.client(server, timeout: 0.5).feedbackSummary()
        }
    }

    @Test func connectionRefusedIsATransportError() async throws {
        let client = try LeadOSClient(options: LeadOSClientOptions(
            baseURL: URL(string: "http://127.0.0.1:9")!, apiKey: Self.key, retryPolicy: .once))
        do {
            _ = try await client.balance()
            Issue.record("expected a failure")
        } catch let error as LeadOSError {
            guard case .transport = error else { Issue.record("got \(error)"); return }
            #expect(!error.description.contains(Self.key))
        }
    }
}
