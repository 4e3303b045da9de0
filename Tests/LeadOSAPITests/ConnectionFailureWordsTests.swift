import Foundation
import LeadTopTestSupport
import Testing
@testable import LeadOSAPI

/// Each way LeadOS can be out of reach says so in its own words, naming where it tried, over real
/// sockets: a closed port, a name that does not resolve, TLS to a plain-http server, a 503, a stall.
@Suite struct ConnectionFailureWordsTests {
    static let key = "ldo_live_sk_" + String(repeating: "w", count: 28) + "WXYZ"

    static func failure(_ url: URL, timeout: TimeInterval = 5) async -> LeadOSError? {
        do {
            let client = try LeadOSClient(options: LeadOSClientOptions(
                baseURL: url, apiKey: key, retryPolicy: .once, requestTimeout: timeout))
            _ = try await client.balance()
            Issue.record("\(url) answered")
            return nil
        } catch {
            return error as? LeadOSError
        }
    }

    @Test func closedPort() async throws {
        let port = LoopbackPort.free()
        let error = await Self.failure(URL(string: "http://127.0.0.1:\(port)")!)
        #expect(error?.summary == "connection refused (127.0.0.1:\(port))")
    }

    @Test func unresolvableHost() async {
        let error = await Self.failure(URL(string: "https://api.leadtop-test.invalid")!)
        #expect(error?.summary == "cannot resolve api.leadtop-test.invalid")
    }

    @Test func tlsToAPlainHTTPServer() async throws {
        let server = ScriptedServer { _, _ in .json(status: 200, body: "{}") }
        try await server.start()
        defer { server.stop() }
        let error = await Self.failure(URL(string: "https://127.0.0.1:\(server.port)")!)
        #expect(error?.summary == "TLS: the server does not speak TLS (is the URL http://?) (127.0.0.1:\(server.port))")
    }

    @Test func serviceUnavailable() async throws {
        let server = ScriptedServer { _, _ in
            .json(status: 503, headers: ["X-Request-Id": "req_503"],
                  body: #"{"error":{"type":"api_error","code":"service_unavailable","message":"Down for maintenance","param":null,"request_id":"req_503"}}"#)
        }
        try await server.start()
        defer { server.stop() }
        let error = await Self.failure(server.baseURL)
        #expect(error?.summary == "LeadOS error 503")
        #expect(error?.description == "LeadOS 503 api_error/service_unavailable: Down for maintenance [req_503]")
    }

    @Test func stalledReply() async throws {
        let server = ScriptedServer { _, _ in .trickle(piece: "{", chunks: 50, interval: 0.1) }
        try await server.start()
        defer { server.stop() }
        let error = await Self.failure(server.baseURL, timeout: 1)
        #expect(error?.summary == "timed out after 1 s")
    }
}
