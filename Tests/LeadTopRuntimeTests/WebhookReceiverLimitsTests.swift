import Foundation
import LeadOSAPI
import Testing
@testable import LeadTopRuntime

/// The receiver against peers that hold connections, over real loopback sockets: silent ones,
/// trickling ones, and more of them than the cap. What is guaranteed: a connection without a
/// request is closed after the idle timeout; a request not fully arrived within the read timeout
/// of its head is cut off; connections beyond the cap are closed as soon as they are accepted;
/// and once the holders time out, a real signed webhook is answered 200.
@Suite(.serialized) struct WebhookReceiverLimitsTests {
    static func receiver(idle: Double = 1, read: Double = 1, cap: Int = 64) -> WebhookReceiver {
        WebhookReceiver(options: WebhookReceiverOptions(port: 0, idleTimeout: idle, requestReadTimeout: read, maxConnections: cap),
                        clock: ManualScheduler(start: WebhookVerifierTests.now)) { _ in }
    }

    /// A signed `lead.delivered` webhook as raw HTTP/1.1.
    static func signedRequest(eventID: String) throws -> String {
        let body = try WebhookVerifierTests.body(eventID: eventID)
        var head = "POST /leadtop/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n"
        for (name, value) in WebhookVerifierTests.headers(body) { head += "\(name): \(value)\r\n" }
        return head + "\r\n" + String(decoding: body, as: UTF8.self)
    }

    @Test func aSilentConnectionIsClosedAfterTheIdleTimeout() async throws {
        let receiver = Self.receiver(idle: 1)
        let port = try await receiver.start()
        defer { receiver.stop() }
        let silent = try RawConnection(port: port)
        let started = Date()
        let outcome = await silent.waitForClose(within: 15)
        let waited = Date().timeIntervalSince(started)
        #expect(outcome.closed, "still open after 15 s")
        #expect(waited >= 0.8, "closed after \(waited) s, before the timeout")
        // Half a request line is no request either.
        let slowHead = try RawConnection(port: port)
        slowHead.send("POST /leadtop/webhook HTTP/1.1\r\nHost: 127")
        #expect(await slowHead.waitForClose(within: 15).closed)
    }

    @Test func aTricklingBodyIsCutOffAtTheReadTimeout() async throws {
        let receiver = Self.receiver(idle: 30, read: 1)
        let port = try await receiver.start()
        defer { receiver.stop() }
        receiver.setSecret(WebhookVerifierTests.secret)
        let trickle = try RawConnection(port: port)
        trickle.send("POST /leadtop/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\n")
        let started = Date()
        var closed = false
        // A byte every 100 ms keeps the connection far from idle; only the read deadline ends it.
        while Date().timeIntervalSince(started) < 15 {
            if !trickle.send("x") { closed = true; break }
            if await trickle.waitForClose(within: 0.1).closed { closed = true; break }
        }
        let waited = Date().timeIntervalSince(started)
        #expect(closed, "a trickled body was still being read after 15 s")
        #expect(waited >= 0.8 && waited < 10, "cut off after \(waited) s")
    }

    @Test func connectionsBeyondTheCapAreClosedAtOnceAndWebhooksGetThroughAfterTheHoldersTimeOut() async throws {
        let receiver = Self.receiver(idle: 2, read: 2, cap: 4)
        let port = try await receiver.start()
        defer { receiver.stop() }
        receiver.setSecret(WebhookVerifierTests.secret)
        let holders = try (0..<4).map { _ in try RawConnection(port: port) }
        #expect(await Fixtures.eventually(10) { receiver.openConnections == 4 })
        let started = Date()
        let excess = try RawConnection(port: port)
        #expect(await excess.waitForClose(within: 1.5).closed, "a connection over the cap was kept")
        #expect(Date().timeIntervalSince(started) < 1.5)
        for holder in holders { #expect(await !holder.isClosedByPeer, "the holders are still within their idle time") }
        #expect(receiver.openConnections == 4)
        // A real webhook during the flood is refused the same way (LeadOS retries it later)…
        let early = try RawConnection(port: port)
        early.send(try Self.signedRequest(eventID: "evt_early"))
        #expect(await !early.receive(until: "\r\n\r\n", within: 1.5).hasPrefix("HTTP/1.1 200"))
        // …and once the holders' idle time is up, it is answered.
        for holder in holders { #expect(await holder.waitForClose(within: 15).closed) }
        #expect(await Fixtures.eventually(10) { receiver.openConnections == 0 })
        let webhook = try RawConnection(port: port)
        webhook.send(try Self.signedRequest(eventID: "evt_late"))
        let reply = await webhook.receive(until: "\r\n\r\n", within: 10)
        #expect(reply.hasPrefix("HTTP/1.1 200"), "\(reply)")
    }
}
