import Foundation
import HTTPTypes
import Hummingbird
import LeadOSAPI
import Logging
import NIOCore
import ServiceLifecycle

/// Where and how the webhook receiver listens.
public struct WebhookReceiverOptions: Sendable, Hashable {
    /// 0 picks a free port.
    public var port: Int
    public var host: String
    /// The URL LeadOS should call, when the receiver sits behind a tunnel or proxy.
    /// Nil registers `http://127.0.0.1:PORT<path>`.
    public var publicURL: URL?
    public var path: String
    public var maxBodyBytes: Int

    public init(port: Int = 0, host: String = "127.0.0.1", publicURL: URL? = nil,
                path: String = "/leadtop/webhook", maxBodyBytes: Int = 1024 * 1024) {
        self.port = port; self.host = host; self.publicURL = publicURL; self.path = path; self.maxBodyBytes = maxBodyBytes
    }
}

/// Push mode: an HTTP server that accepts LeadOS webhooks, verifies them before parsing, answers
/// at once and hands each new event to `onEvent`. Until a secret is set every request gets 503
/// (LeadOS retries later). Mutable state is guarded by `lock`.
public final class WebhookReceiver: @unchecked Sendable {
    public let options: WebhookReceiverOptions
    private let clock: any SyncClock
    private let onEvent: @Sendable (WebhookEvent) -> Void
    private let lock = NSLock()
    private var secret: String?
    private var dedup = EventDeduplicator()
    private var serverTask: Task<Void, any Error>?
    private var serviceGroup: ServiceGroup?
    private var boundPort: Int?

    public init(options: WebhookReceiverOptions, clock: any SyncClock = SystemClock(),
                onEvent: @escaping @Sendable (WebhookEvent) -> Void) {
        self.options = options; self.clock = clock; self.onEvent = onEvent
    }

    public func setSecret(_ secret: String) { lock.lock(); self.secret = secret; lock.unlock() }

    /// True once a secret is set, i.e. LeadOS knows this receiver and requests can be verified.
    public var isRegistered: Bool { lock.withLock { secret != nil } }

    /// The port actually bound (useful with port 0), once started.
    public var port: Int? { lock.lock(); defer { lock.unlock() }; return boundPort }

    /// The URL to register with LeadOS.
    public var callbackURL: URL? {
        if let url = options.publicURL { return url }
        guard let port else { return nil }
        return URL(string: "http://127.0.0.1:\(port)\(options.path)")
    }

    /// Binds and starts serving; returns the bound port.
    public func start() async throws -> Int {
        let router = Router()
        router.post(RouterPath(options.path)) { [self] request, _ -> Response in
            await handle(request)
        }
        // One segment below the path: the URL registered when LeadOS already knew the plain one.
        router.post(RouterPath(options.path + "/:registration")) { [self] request, _ -> Response in
            await handle(request)
        }
        var logger = Logger(label: "leadtop.webhook")
        logger.logLevel = .critical
        let (portStream, portContinuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "leadtop"),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger)
        // Stopped by graceful shutdown, never by cancelling the task: cancelling a NIO server while
        // a connection is being accepted traps in NIOAsyncWriter's deinit (swift-nio #3481).
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        let task = Task {
            // A failed bind never calls onServerRunning: end the stream so start() does not wait forever.
            defer { portContinuation.finish() }
            try await group.run()
        }
        lock.withLock { serverTask = task; serviceGroup = group }
        var port = 0
        for await p in portStream { port = p; break }
        guard port > 0 else {
            await group.triggerGracefulShutdown()
            let reason: String
            if case .failure(let error) = await task.result { reason = ": \(error)" } else { reason = "" }
            throw WebhookReceiverError(message: "webhook receiver could not listen on \(options.host):\(options.port)\(reason)")
        }
        lock.withLock { boundPort = port }
        return port
    }

    /// Begins a graceful shutdown: open connections finish, new ones are refused.
    public func stop() {
        let group = lock.withLock { () -> ServiceGroup? in
            defer { serverTask = nil; serviceGroup = nil }
            return serviceGroup
        }
        guard let group else { return }
        Task { await group.triggerGracefulShutdown() }
    }

    private func handle(_ request: Request) async -> Response {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > options.maxBodyBytes {
            return Response(status: .contentTooLarge)
        }
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: options.maxBodyBytes) } catch {
            return Response(status: .contentTooLarge)
        }
        let secret = lock.withLock { self.secret }
        guard let secret else { return Response(status: .serviceUnavailable) }
        let body = Array(buffer.readableBytesView)
        let verdict = WebhookVerifier(secret: secret).verify(body: body, header: { name in
            HTTPField.Name(name).flatMap { request.headers[$0] }
        }, now: clock.now())
        switch verdict {
        case .reject(let status, _):
            return Response(status: HTTPResponse.Status(code: status))
        case .accept(let event):
            let first = lock.withLock { dedup.firstSighting(event.eventID) }
            if first { onEvent(event) }
            return Response(status: .ok)
        }
    }
}

/// The receiver could not start (e.g. the port is taken).
public struct WebhookReceiverError: Error, Hashable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
