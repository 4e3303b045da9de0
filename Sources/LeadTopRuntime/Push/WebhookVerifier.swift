import Foundation
import LeadOSAPI

/// Decides whether a webhook request is genuine (API.md §8.3), from the raw body and headers only,
/// before anything is parsed: both signatures must match (constant-time), and the signed timestamp
/// must be within the tolerance of now. Pure, so it is tested with hand-made requests.
public struct WebhookVerifier: Sendable {
    public var secret: String
    public var tolerance: TimeInterval

    public init(secret: String, tolerance: TimeInterval = WebhookSignature.tolerance) {
        self.secret = secret; self.tolerance = tolerance
    }

    public enum Verdict: Sendable, Equatable {
        case accept(WebhookEvent)
        /// HTTP status to answer with, and why (for logs and tests; not sent to the caller).
        case reject(status: Int, reason: String)
    }

    /// `header` looks a header up case-insensitively.
    public func verify(body: [UInt8], header: (String) -> String?, now: Date) -> Verdict {
        guard let signature = header(WebhookSignature.signatureHeader) else {
            return .reject(status: 401, reason: "missing \(WebhookSignature.signatureHeader)")
        }
        guard WebhookSignature.verify(body: body, signature: signature, secret: secret) else {
            return .reject(status: 401, reason: "bad \(WebhookSignature.signatureHeader)")
        }
        guard let timestamp = header(WebhookSignature.timestampHeader),
              let timestamped = header(WebhookSignature.timestampedSignatureHeader) else {
            return .reject(status: 401, reason: "missing timestamp or timestamped signature")
        }
        guard let seconds = Int(timestamp) else {
            return .reject(status: 400, reason: "timestamp is not a number")
        }
        let matches = WebhookSignature.constantTimeEqual(
            WebhookSignature.signTimestamped(body: body, timestamp: seconds, secret: secret), timestamped)
        guard matches else { return .reject(status: 401, reason: "bad timestamped signature") }
        guard abs(now.timeIntervalSince1970 - TimeInterval(seconds)) <= tolerance else {
            return .reject(status: 400, reason: "timestamp outside the \(Int(tolerance)) s tolerance")
        }
        do {
            return .accept(try LeadOSJSON.decode(WebhookEvent.self, from: Data(body)))
        } catch {
            return .reject(status: 400, reason: "signed body is not a known event")
        }
    }
}

/// Remembers the most recent event ids so at-least-once delivery shows each event once.
/// Bounded: the oldest ids are forgotten first.
public struct EventDeduplicator: Sendable {
    private var seen: Set<String> = []
    private var order: [String] = []
    private var head = 0
    public let capacity: Int

    public init(capacity: Int = 10_000) { self.capacity = max(1, capacity) }

    /// True the first time an id is seen.
    public mutating func firstSighting(_ id: String) -> Bool {
        guard seen.insert(id).inserted else { return false }
        order.append(id)
        if order.count - head > capacity {
            seen.remove(order[head])
            head += 1
            if head > capacity { order.removeFirst(head); head = 0 }
        }
        return true
    }
}
