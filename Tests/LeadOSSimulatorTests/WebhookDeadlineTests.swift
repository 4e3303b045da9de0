import Foundation
import LeadTopTestSupport
import Testing
@testable import LeadOSSimulator

/// A webhook attempt has one deadline over the whole exchange, body included.
@Suite struct WebhookDeadlineTests {
    @Test func aTricklingReceiverFailsTheAttemptAtTheDeadline() async throws {
        // Headers at once, then one byte every 100 ms for 10 s.
        let receiver = ScriptedServer { _, _ in .trickle(piece: " ", chunks: 100, interval: 0.1) }
        try await receiver.start()
        defer { receiver.stop() }
        let sender = WebhookSender(retryScale: 0.0001, timeout: .milliseconds(500))
        defer { sender.stop() }
        let event = WorldState.OutgoingEvent(type: .leadDelivered, eventID: "evt_deadline", body: Array(#"{"id":"evt_deadline"}"#.utf8),
                                             targets: [WebhookTarget(endpointID: "wh_1", url: receiver.baseURL.absoluteString + "/hook",
                                                                     secret: "whsec_test")])
        let started = Date()
        sender.send([event])
        // The first attempt ends at its deadline and the second follows after the (scaled) 60 s.
        var attempts = 0
        while attempts < 2, Date().timeIntervalSince(started) < 5 {
            try await Task.sleep(for: .milliseconds(50))
            attempts = receiver.requests.filter { $0.path == "/hook" }.count
        }
        #expect(attempts >= 2, "a second attempt within 5 s, not after the 10 s trickle")
        let numbers = receiver.requests.filter { $0.path == "/hook" }.map { $0.headers["x-leados-attempt"] }
        #expect(numbers.prefix(2) == ["1", "2"])
    }
}
