import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import LeadOSAPI
import Synchronization

/// Delivers webhook events (API.md §8): signed with both headers, the same body bytes on every
/// attempt, 10 s timeout, 8 attempts on the §8.1 schedule (scaled) with ±10 % jitter.
final class WebhookSender: Sendable {
    static let retryDelays: [TimeInterval] = [60, 300, 1800, 7200, 21_600, 43_200, 86_400]
    static let maxAttempts = 8

    private let session: URLSession
    private let retryScale: Double
    private let tasks = Mutex<[UInt64: Task<Void, Never>]>([:])
    private let nextTaskID = Atomic<UInt64>(0)

    init(retryScale: Double) {
        LoopbackProxyBypass.ensure()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.connectionProxyDictionary = [:]
        configuration.timeoutIntervalForRequest = 10
        configuration.timeoutIntervalForResource = 10
        session = URLSession(configuration: configuration)
        self.retryScale = max(0, retryScale)
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
        session.invalidateAndCancel()
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
        var request = URLRequest(url: url, timeoutInterval: 10)
        request.httpMethod = "POST"
        request.httpBody = Data(event.body)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("LeadOS-Webhooks/1.0", forHTTPHeaderField: "User-Agent")
        request.setValue(WebhookSignature.sign(body: event.body, secret: secret), forHTTPHeaderField: WebhookSignature.signatureHeader)
        request.setValue(String(timestamp), forHTTPHeaderField: WebhookSignature.timestampHeader)
        request.setValue(WebhookSignature.signTimestamped(body: event.body, timestamp: timestamp, secret: secret),
                         forHTTPHeaderField: WebhookSignature.timestampedSignatureHeader)
        request.setValue(event.type.rawValue, forHTTPHeaderField: "X-LeadOS-Event")
        request.setValue(event.eventID, forHTTPHeaderField: "X-LeadOS-Event-Id")
        request.setValue(String(attempt), forHTTPHeaderField: "X-LeadOS-Attempt")
        return await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let task = session.dataTask(with: request) { _, response, error in
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                continuation.resume(returning: error == nil && (200..<300).contains(status))
            }
            task.resume()
        }
    }
}

/// libcurl (behind URLSession on Linux) honours `http_proxy` even for 127.0.0.1. When a proxy is
/// configured, make sure loopback is in `no_proxy` so local webhook receivers are reached directly.
enum LoopbackProxyBypass {
    private static let done = Mutex(false)

    static func ensure() {
        done.withLock { done in
            guard !done else { return }
            done = true
            let env = ProcessInfo.processInfo.environment
            guard ["http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"].contains(where: { env[$0] != nil }) else { return }
            let current = env["no_proxy"] ?? env["NO_PROXY"] ?? ""
            let needed = ["127.0.0.1", "localhost", "::1"].filter { !current.contains($0) }
            guard !needed.isEmpty else { return }
            let value = ([current].filter { !$0.isEmpty } + needed).joined(separator: ",")
            setenv("no_proxy", value, 1)
            setenv("NO_PROXY", value, 1)
        }
    }
}
