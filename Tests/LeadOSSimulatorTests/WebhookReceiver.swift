import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// A real HTTP listener on a free loopback port that records every webhook delivery it gets. It
/// can fail the first attempts of each event to exercise retries.
final class WebhookReceiver: Sendable {
    struct Delivery: Sendable {
        var headers: [String: String]
        var body: [UInt8]
        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    private let store: Store
    private let group: ServiceGroup
    private let task: Task<Void, Never>
    let url: String

    private init(store: Store, group: ServiceGroup, task: Task<Void, Never>, url: String) {
        self.store = store; self.group = group; self.task = task; self.url = url
    }

    /// `failFirst`: how many attempts of each event get a 500 before one succeeds.
    static func start(failFirst: Int = 0) async throws -> WebhookReceiver {
        let store = Store()
        let router = Router()
        router.post("hook") { request, _ -> Response in
            var request = request
            let body = try await request.collectBody(upTo: 1 << 22)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let delivery = Delivery(headers: headers, body: Array(body.readableBytesView))
            let attemptsSoFar = store.record(delivery)
            return Response(status: attemptsSoFar <= failFirst ? .internalServerError : .noContent)
        }
        let port = Mutex<Int?>(nil)
        var logger = Logger(label: "test.webhooks")
        logger.logLevel = .critical
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in port.withLock { $0 = channel.localAddress?.port } },
                              logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        let task = Task<Void, Never> { _ = try? await group.run() }
        let deadline = Date().addingTimeInterval(60)
        while port.withLock({ $0 }) == nil, Date() < deadline { try await Task.sleep(for: .milliseconds(10)) }
        guard let p = port.withLock({ $0 }) else { throw ReceiverError.notListening }
        return WebhookReceiver(store: store, group: group, task: task, url: "http://127.0.0.1:\(p)/hook")
    }

    /// Collects deliveries; counts attempts per event id.
    private final class Store: Sendable {
        let received = Mutex<[Delivery]>([])
        private let attempts = Mutex<[String: Int]>([:])

        func record(_ d: Delivery) -> Int {
            received.withLock { $0.append(d) }
            let id = d.header("X-LeadOS-Event-Id") ?? ""
            return attempts.withLock { a in
                a[id, default: 0] += 1
                return a[id]!
            }
        }
    }

    var deliveries: [Delivery] { store.received.withLock { $0 } }

    /// Polls until `predicate` holds for the deliveries so far, or fails after `timeout`.
    func wait(timeout: TimeInterval = 10, until predicate: ([Delivery]) -> Bool) async throws -> [Delivery] {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let now = deliveries
            if predicate(now) { return now }
            try await Task.sleep(for: .milliseconds(20))
        }
        return deliveries
    }

    func stop() async {
        await group.triggerGracefulShutdown()
        await task.value
    }
}

enum ReceiverError: Error { case notListening }

/// Verifies a delivery with the contract's own Python snippets (API.md §8.3), run by `python3`.
enum PythonVerifier {
    static let script = """
        import hashlib, hmac, sys, time
        secret, body_path, signature, ts, signature_t = sys.argv[1:6]
        payload = open(body_path, "rb").read()
        expected = "sha256=" + hmac.new(secret.encode(), payload, hashlib.sha256).hexdigest()
        ok = hmac.compare_digest(expected, signature)
        expected_t = "sha256=" + hmac.new(secret.encode(), ts.encode() + b"." + payload, hashlib.sha256).hexdigest()
        ok_t = hmac.compare_digest(expected_t, signature_t) and abs(time.time() - int(ts)) <= 300
        print("seed=%s timestamped=%s" % (ok, ok_t))
        """

    /// Returns python's verdict line, e.g. `seed=True timestamped=True`.
    static func verify(_ d: WebhookReceiver.Delivery, secret: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("leadtop-webhook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bodyFile = dir.appendingPathComponent("body"), scriptFile = dir.appendingPathComponent("verify.py")
        try Data(d.body).write(to: bodyFile)
        try Data(script.utf8).write(to: scriptFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scriptFile.path, secret, bodyFile.path, d.header("X-LeadOS-Signature") ?? "",
                             d.header("X-LeadOS-Timestamp") ?? "0", d.header("X-LeadOS-Signature-Timestamped") ?? ""]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
