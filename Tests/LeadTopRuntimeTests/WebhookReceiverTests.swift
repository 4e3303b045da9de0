import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import LeadOSAPI
import Testing
@testable import LeadTopRuntime

/// The receiver over real loopback HTTP with hand-made requests: good, unsigned, badly signed,
/// stale, replayed and oversize.
@Suite struct WebhookReceiverTests {
    final class Events: @unchecked Sendable {
        private let lock = NSLock()
        private var ids: [String] = []
        func add(_ e: WebhookEvent) { lock.lock(); ids.append(e.eventID); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return ids }
    }

    static func post(_ port: Int, body: [UInt8], headers: [String: String]) async throws -> Int {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/leadtop/webhook")!)
        request.httpMethod = "POST"
        request.httpBody = Data(body)
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as! HTTPURLResponse).statusCode
    }

    @Test func acceptsOnlyGenuineFreshUniqueRequests() async throws {
        let events = Events()
        let clock = ManualScheduler(start: WebhookVerifierTests.now)
        let receiver = WebhookReceiver(options: WebhookReceiverOptions(port: 0), clock: clock) { events.add($0) }
        let port = try await receiver.start()
        defer { receiver.stop() }
        #expect(receiver.callbackURL?.absoluteString == "http://127.0.0.1:\(port)/leadtop/webhook")
        let body = try WebhookVerifierTests.body(eventID: "evt_one")
        let good = WebhookVerifierTests.headers(body)

        // Before registration there is no secret to check against: come back later.
        #expect(try await Self.post(port, body: body, headers: good) == 503)
        receiver.setSecret(WebhookVerifierTests.secret)

        #expect(try await Self.post(port, body: body, headers: [:]) == 401)
        #expect(try await Self.post(port, body: body, headers: WebhookVerifierTests.headers(body, secret: "ldo_whsec_x")) == 401)
        #expect(try await Self.post(port, body: body, headers: WebhookVerifierTests.headers(body, timestamp: 1_800_000_000 - 301)) == 400)
        #expect(try await Self.post(port, body: Array(repeating: 0x20, count: 1024 * 1024 + 1), headers: good) == 413)
        #expect(events.all.isEmpty)

        #expect(try await Self.post(port, body: body, headers: good) == 200)
        #expect(events.all == ["evt_one"])
        // A redelivery (new attempt, same event id) is acknowledged but not applied twice.
        #expect(try await Self.post(port, body: body, headers: WebhookVerifierTests.headers(body, timestamp: 1_800_000_010)) == 200)
        #expect(events.all == ["evt_one"])
        let second = try WebhookVerifierTests.body(eventID: "evt_two")
        #expect(try await Self.post(port, body: second, headers: WebhookVerifierTests.headers(second)) == 200)
        #expect(events.all == ["evt_one", "evt_two"])
    }

    @Test func theCallbackURLIsTheAddressBound() async throws {
        #expect(WebhookReceiver.urlHost("::1") == "[::1]")
        #expect(WebhookReceiver.urlHost("[::1]") == "[::1]")
        #expect(WebhookReceiver.urlHost("::") == "[::1]")
        #expect(WebhookReceiver.urlHost("0.0.0.0") == "127.0.0.1")
        #expect(WebhookReceiver.urlHost("192.168.1.20") == "192.168.1.20")
        #expect(WebhookReceiver.urlHost("localhost") == "localhost")
        for host in ["::1", "[::1]"] {
            let receiver = WebhookReceiver(options: WebhookReceiverOptions(port: 0, host: host)) { _ in }
            let port = try await receiver.start()
            #expect(receiver.callbackURL?.absoluteString == "http://[::1]:\(port)/leadtop/webhook")
            // It really listens there.
            let connection = try RawConnection(host: "::1", port: port)
            connection.send("POST /leadtop/webhook HTTP/1.1\r\nHost: [::1]\r\nContent-Length: 2\r\n\r\n{}")
            #expect(await connection.receive(until: "\r\n\r\n", within: 10).hasPrefix("HTTP/1.1 503"))
            receiver.stop()
        }
    }

    @Test func aPortInUseIsAClearErrorNotAHang() async throws {
        let first = WebhookReceiver(options: WebhookReceiverOptions(port: 0)) { _ in }
        let port = try await first.start()
        defer { first.stop() }
        let second = WebhookReceiver(options: WebhookReceiverOptions(port: port)) { _ in }
        do {
            _ = try await second.start()
            Issue.record("bound a port already in use")
        } catch let error as WebhookReceiverError {
            #expect(error.description.hasPrefix("webhook receiver could not listen on 127.0.0.1:\(port)"))
        }
    }
}
