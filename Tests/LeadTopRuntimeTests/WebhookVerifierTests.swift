import Foundation
import LeadOSAPI
import Testing
@testable import LeadTopRuntime

/// Hand-made webhook requests through the verifier: good, unsigned, badly signed, stale, tampered.
@Suite struct WebhookVerifierTests {
    static let secret = "ldo_whsec_" + String(repeating: "s", count: 32)
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func body(eventID: String = "evt_abc123") throws -> [UInt8] {
        let event = WebhookEvent.leadDelivered(eventID: eventID, createdAt: now, lead: Fixtures.lead("del_push1", at: 1_800_000_000))
        return Array(try LeadOSJSON.encode(event))
    }

    static func headers(_ body: [UInt8], timestamp: Int = 1_800_000_000, secret: String = secret) -> [String: String] {
        [WebhookSignature.signatureHeader: WebhookSignature.sign(body: body, secret: secret),
         WebhookSignature.timestampHeader: String(timestamp),
         WebhookSignature.timestampedSignatureHeader: WebhookSignature.signTimestamped(body: body, timestamp: timestamp, secret: secret)]
    }

    static func verify(_ body: [UInt8], _ headers: [String: String], now: Date = now) -> WebhookVerifier.Verdict {
        WebhookVerifier(secret: secret).verify(body: body, header: { name in
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }, now: now)
    }

    @Test func goodRequestIsAccepted() throws {
        let body = try Self.body()
        guard case .accept(let event) = Self.verify(body, Self.headers(body)) else { Issue.record("rejected"); return }
        #expect(event.eventID == "evt_abc123")
        // Within the 300 s tolerance on either side.
        guard case .accept = Self.verify(body, Self.headers(body), now: Self.now.addingTimeInterval(300)) else { Issue.record("rejected"); return }
        guard case .accept = Self.verify(body, Self.headers(body), now: Self.now.addingTimeInterval(-300)) else { Issue.record("rejected"); return }
    }

    @Test func unsignedAndBadlySignedAreRejected() throws {
        let body = try Self.body()
        #expect(Self.verify(body, [:]) == .reject(status: 401, reason: "missing X-LeadOS-Signature"))
        #expect(Self.verify(body, Self.headers(body, secret: "ldo_whsec_wrong")) == .reject(status: 401, reason: "bad X-LeadOS-Signature"))
        var tampered = body
        tampered[tampered.count - 2] ^= 1
        #expect(Self.verify(tampered, Self.headers(body)) == .reject(status: 401, reason: "bad X-LeadOS-Signature"))
        var onlySeed = Self.headers(body)
        onlySeed[WebhookSignature.timestampedSignatureHeader] = nil
        #expect(Self.verify(body, onlySeed) == .reject(status: 401, reason: "missing timestamp or timestamped signature"))
    }

    @Test func staleOrForgedTimestampsAreRejected() throws {
        let body = try Self.body()
        #expect(Self.verify(body, Self.headers(body), now: Self.now.addingTimeInterval(301))
                == .reject(status: 400, reason: "timestamp outside the 300 s tolerance"))
        // A replayer changing the bare timestamp header breaks the timestamped signature.
        var moved = Self.headers(body)
        moved[WebhookSignature.timestampHeader] = "1800000400"
        #expect(Self.verify(body, moved, now: Self.now.addingTimeInterval(400)) == .reject(status: 401, reason: "bad timestamped signature"))
        var junk = Self.headers(body)
        junk[WebhookSignature.timestampHeader] = "soon"
        #expect(Self.verify(body, junk) == .reject(status: 400, reason: "timestamp is not a number"))
    }

    @Test func signedGarbageIsRejected() {
        let body = Array(#"{"event":"lead.delivered","event_id":"evt_1"}"#.utf8)
        #expect(Self.verify(body, Self.headers(body)) == .reject(status: 400, reason: "signed body is not a known event"))
    }

    @Test func deduplicatorIsBounded() {
        var d = EventDeduplicator(capacity: 3)
        let sightings = ["evt_1", "evt_1", "evt_2", "evt_3", "evt_4", "evt_1", "evt_4"].map { d.firstSighting($0) }
        // evt_1 is forgotten once four ids were seen with capacity three.
        #expect(sightings == [true, false, true, true, true, true, false])
    }
}

@Suite struct ConnectionTrackerTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func liveDegradedOfflineAndBack() {
        var tracker = ConnectionTracker(offlineAfterFailures: 3, offlineAfter: 60)
        #expect(tracker.status(at: t0) == .live)
        tracker.recordSuccess(.feed, at: t0)
        tracker.recordFailure(.feed, reason: "HTTP 503 service_unavailable", nextRetry: t0.addingTimeInterval(3), at: t0.addingTimeInterval(1))
        #expect(tracker.status(at: t0.addingTimeInterval(1)) == .degraded(reason: "HTTP 503 service_unavailable", nextRetry: t0.addingTimeInterval(3)))
        tracker.recordFailure(.balance, reason: "rate limited", nextRetry: t0.addingTimeInterval(2), at: t0.addingTimeInterval(1.5))
        #expect(tracker.status(at: t0.addingTimeInterval(1.5)) == .degraded(reason: "rate limited", nextRetry: t0.addingTimeInterval(2)))
        tracker.recordFailure(.feed, reason: "timed out", nextRetry: nil, at: t0.addingTimeInterval(4))
        #expect(tracker.status(at: t0.addingTimeInterval(4))
                == .offline(since: t0.addingTimeInterval(1), reason: "timed out", nextRetry: t0.addingTimeInterval(2)))
        tracker.recordSuccess(.feed, at: t0.addingTimeInterval(10))
        // Balance is still failing: degraded, not live, until it succeeds too.
        #expect(tracker.status(at: t0.addingTimeInterval(10)) == .degraded(reason: "rate limited", nextRetry: t0.addingTimeInterval(2)))
        tracker.recordSuccess(.balance, at: t0.addingTimeInterval(11))
        #expect(tracker.status(at: t0.addingTimeInterval(11)) == .live)
    }

    @Test func offlineAfterAQuietSpellEvenWithFewFailures() {
        var tracker = ConnectionTracker(offlineAfterFailures: 100, offlineAfter: 60)
        tracker.recordSuccess(.feed, at: t0)
        tracker.recordFailure(.feed, reason: "timed out", nextRetry: t0.addingTimeInterval(90), at: t0.addingTimeInterval(30))
        #expect(tracker.status(at: t0.addingTimeInterval(59)) == .degraded(reason: "timed out", nextRetry: t0.addingTimeInterval(90)))
        #expect(tracker.status(at: t0.addingTimeInterval(60))
                == .offline(since: t0.addingTimeInterval(30), reason: "timed out", nextRetry: t0.addingTimeInterval(90)))
    }
}

@Suite struct ManualSchedulerTests {
    @Test func firesInDueOrderAndHonoursCancel() {
        let scheduler = ManualScheduler(start: Date(timeIntervalSince1970: 0))
        let log = LockedLog()
        scheduler.schedule(after: 5) { log.append("five@\(scheduler.now().timeIntervalSince1970)") }
        scheduler.schedule(after: 1) {
            log.append("one")
            scheduler.schedule(after: 1) { log.append("rearmed@\(scheduler.now().timeIntervalSince1970)") }
        }
        let cancelled = scheduler.schedule(after: 2) { log.append("cancelled") }
        cancelled.cancel()
        #expect(scheduler.pendingDelays == [1, 5])
        scheduler.advance(by: 4)
        #expect(log.items == ["one", "rearmed@2.0"])
        scheduler.advance(by: 1)
        #expect(log.items == ["one", "rearmed@2.0", "five@5.0"])
        #expect(scheduler.now() == Date(timeIntervalSince1970: 5))
    }
}

final class LockedLog: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []
    func append(_ s: String) { lock.lock(); storage.append(s); lock.unlock() }
    var items: [String] { lock.lock(); defer { lock.unlock() }; return storage }
}
