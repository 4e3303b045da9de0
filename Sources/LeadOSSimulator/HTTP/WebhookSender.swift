import AsyncHTTPClient
import Foundation
import LeadOSAPI
import NIOCore
import Synchronization

/// Delivers webhook events (API.md §8): signed with both headers, the same body bytes on every
/// attempt, a 10 s deadline per attempt, 8 attempts on the §8.1 schedule (scaled) with ±10 % jitter.
final class WebhookSender: Sendable {
    static let retryDelays: [TimeInterval] = [60, 300, 1800, 7200, 21_600, 43_200, 86_400]
    static let maxAttempts = 8

    /// Never proxied: the environment's proxy settings are not read, so a local receiver is
    /// always reached directly. A refused connection fails the attempt at once; the §8.1
    /// schedule decides when to try again.
    private let client: HTTPClient = {
        var configuration = HTTPClient.Configuration(timeout: .init(connect: .seconds(10)))
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()
    private let retryScale: Double
    /// One attempt's deadline, from connecting to the last byte of the receiver's reply.
    private let timeout: Duration
    private let tasks = Mutex<[UInt64: Task<Void, Never>]>([:])
    private let nextTaskID = Atomic<UInt64>(0)

    init(retryScale: Double, timeout: Duration = .seconds(10)) {
        self.retryScale = max(0, retryScale)
        self.timeout = timeout
    }

    /// Seconds to wait after failed attempt `attempt` (1–7): the §8.1 schedule times `scale`, moved
    /// by `jitter` (−1…1) times 10 %.
    static func retryDelay(afterAttempt attempt: Int, scale: Double, jitter: Double) -> TimeInterval {
        retryDelays[attempt - 1] * scale * (1 + 0.1 * max(-1, min(1, jitter)))
    }

    func send(_ events: [WorldState.OutgoingEvent]) {
        for event in events {
            for target in event.targets {
                let id = nextTaskID.add(1, ordering: .relaxed).newValue
                let task = Task { [weak self] in
                    await self?.deliver(event, to: target)
                    _ = self?.tasks.withLock { $0.removeValue(forKey: id) }
                }
                tasks.withLock { $0[id] = task }
            }
        }
    }

    func stop() {
        let running = tasks.withLock { t in
            defer { t.removeAll() }
            return Array(t.values)
        }
        running.forEach { $0.cancel() }
        client.shutdown { _ in }
    }

    private func deliver(_ event: WorldState.OutgoingEvent, to target: WebhookTarget) async {
        guard let url = URL(string: target.url) else { return }
        for attempt in 1...Self.maxAttempts {
            if Task.isCancelled { return }
            if await post(event, to: url, secret: target.secret, attempt: attempt) { return }
            guard attempt < Self.maxAttempts else { return }
            let delay = Self.retryDelay(afterAttempt: attempt, scale: retryScale, jitter: Double.random(in: -1...1))
            do { try await Task.sleep(for: .milliseconds(Int(delay * 1000))) } catch { return }
        }
    }

    /// One attempt; true on a 2xx within the timeout.
    private func post(_ event: WorldState.OutgoingEvent, to url: URL, secret: String, attempt: Int) async -> Bool {
        let timestamp = Int(Date().timeIntervalSince1970)
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        request.body = .bytes(ByteBuffer(bytes: event.body))
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "LeadOS-Webhooks/1.0")
        request.headers.add(name: WebhookSignature.signatureHeader, value: WebhookSignature.sign(body: event.body, secret: secret))
        request.headers.add(name: WebhookSignature.timestampHeader, value: String(timestamp))
        request.headers.add(name: WebhookSignature.timestampedSignatureHeader,
                            value: WebhookSignature.signTimestamped(body: event.body, timestamp: timestamp, secret: secret))
        request.headers.add(name: "X-LeadOS-Event", value: event.type.rawValue)
        request.headers.add(name: "X-LeadOS-Event-Id", value: event.eventID)
        request.headers.add(name: "X-LeadOS-Attempt", value: String(attempt))
        let outgoing = request, client = self.client, timeout = self.timeout
        // The deadline covers the whole exchange: a receiver that answers its headers and then
        // trickles the body must not hold the attempt (and the retry schedule) for longer.
        do {
            return try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask {
                    let response = try await client.execute(outgoing, timeout: .seconds(timeout.components.seconds + 1))
                    _ = try await response.body.collect(upTo: 64 * 1024)
                    return (200..<300).contains(Int(response.status.code))
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return false
                }
                let first = try await group.next() ?? false
                group.cancelAll()
                return first
            }
        } catch {
            return false
        }
    }
}
