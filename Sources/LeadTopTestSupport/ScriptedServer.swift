import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import LeadOSSimulator
import Logging
import NIOCore
import ServiceLifecycle

/// A loopback HTTP server whose replies a test scripts, for what a well-behaved simulator never
/// sends: slow trickles, huge bodies, proxy HTML pages, exact header sequences. A reply carries a
/// `Date` header only when its script names one (`.json(headers: ["Date": …])`).
public final class ScriptedServer: @unchecked Sendable {
    public enum Reply: Sendable {
        case json(status: Int, headers: [String: String] = [:], body: String)
        /// Sends `chunks` pieces of `piece` with `interval` seconds between them.
        case trickle(piece: String, chunks: Int, interval: TimeInterval)
        case bytes(count: Int)
    }

    public struct Seen: Sendable {
        public var method: String
        public var path: String
        public var query: String?
        public var headers: [String: String]
        public var body: String
    }

    private let lock = NSLock()
    private var script: @Sendable (_ index: Int, _ seen: Seen) -> Reply
    private var seen: [Seen] = []
    private var group: ServiceGroup?
    public private(set) var port = 0

    public init(_ script: @escaping @Sendable (_ index: Int, _ seen: Seen) -> Reply) { self.script = script }

    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }
    public var requests: [Seen] { lock.lock(); defer { lock.unlock() }; return seen }

    public func start() async throws {
        let router = Router()
        let handler: @Sendable (Request, BasicRequestContext) async throws -> Response = { [self] request, _ in
            let body = try await request.body.collect(upTo: 1 << 20)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName.lowercased()] = field.value }
            let s = Seen(method: request.method.rawValue, path: request.uri.path, query: request.uri.query,
                         headers: headers, body: String(buffer: body))
            let (index, script) = lock.withLock { () -> (Int, @Sendable (Int, Seen) -> Reply) in seen.append(s); return (seen.count - 1, self.script) }
            return Self.respond(script(index, s))
        }
        for method in [HTTPRequest.Method.get, .post, .patch] {
            router.on("/**", method: method, use: handler)
        }
        var logger = Logger(label: "scripted")
        logger.logLevel = .critical
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        // Hummingbird writes the wall clock's `Date` on every reply; put back the scripted one, or none.
        let server = HTTPServerBuilder.http1(configuration: .init(additionalChannelHandlers: [
            ResponseHeaderRewriter { fields in
                let scripted = fields[Self.scriptedDate]
                fields[Self.scriptedDate] = nil
                fields[.date] = scripted
            },
        ]))
        let app = Application(router: router, server: server, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { continuation.yield($0.localAddress?.port ?? 0); continuation.finish() },
                              logger: logger)
        // Stopped by graceful shutdown, never by cancelling the task (see WebhookReceiver.stop).
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        lock.withLock { self.group = group }
        Task {
            defer { continuation.finish() }
            try await group.run()
        }
        for await p in stream { port = p; break }
    }

    public func stop() {
        guard let group = lock.withLock({ () -> ServiceGroup? in defer { self.group = nil }; return self.group }) else { return }
        Task { await group.triggerGracefulShutdown() }
    }

    /// Carries a scripted `Date` past Hummingbird's own.
    private static let scriptedDate = HTTPField.Name("X-Scripted-Date")!

    private static func respond(_ reply: Reply) -> Response {
        switch reply {
        case .json(let status, let extra, let body):
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            for (k, v) in extra {
                headers[k.caseInsensitiveCompare("Date") == .orderedSame ? scriptedDate : HTTPField.Name(k)!] = v
            }
            return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
        case .bytes(let count):
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(repeating: UInt8(ascii: "x"), count: count)))
        case .trickle(let piece, let chunks, let interval):
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init { writer in
                for _ in 0..<chunks {
                    try await writer.write(ByteBuffer(string: piece))
                    try await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
                }
                try await writer.finish(nil)
            })
        }
    }
}
