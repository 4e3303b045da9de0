import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import LeadOSAPI
import LeadOSContract
import Logging
import NIOCore
import NIOPosix
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
    /// Seconds a connection may sit without a request (or between requests) before it is closed.
    public var idleTimeout: Double
    /// Seconds a request may take to arrive in full once its head has: a trickled body is closed.
    public var requestReadTimeout: Double
    /// Connections open at once; one more is closed as soon as it is accepted.
    public var maxConnections: Int

    public init(port: Int = 0, host: String = "127.0.0.1", publicURL: URL? = nil,
                path: String = "/leadtop/webhook", maxBodyBytes: Int = 1024 * 1024,
                idleTimeout: Double = 30, requestReadTimeout: Double = 30, maxConnections: Int = 64) {
        self.port = port; self.host = host; self.publicURL = publicURL; self.path = path; self.maxBodyBytes = maxBodyBytes
        self.idleTimeout = idleTimeout; self.requestReadTimeout = requestReadTimeout; self.maxConnections = maxConnections
    }
}

/// Push mode: an HTTP server that accepts LeadOS webhooks, verifies them before parsing, answers
/// at once and hands each new event to `onEvent`. Until a secret is set every request gets 503
/// (LeadOS retries later). Mutable state is guarded by `lock`.
///
/// Peers cannot hold it: a connection is closed after `idleTimeout` without a request, a request
/// whose body has not arrived `requestReadTimeout` after its head is cut off, and at most
/// `maxConnections` are open (more are closed at once). So within one timeout after peers stop
/// holding connections, a real webhook is answered again.
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
    private let cap: ConnectionCap

    public init(options: WebhookReceiverOptions, clock: any SyncClock = SystemClock(),
                onEvent: @escaping @Sendable (WebhookEvent) -> Void) {
        self.options = options; self.clock = clock; self.onEvent = onEvent
        self.cap = ConnectionCap(limit: options.maxConnections)
    }

    /// `[::1]`, as written in a URL, is the address `::1`.
    static func bareHost(_ host: String) -> String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    public func setSecret(_ secret: String) { lock.lock(); self.secret = secret; lock.unlock() }

    /// True once a secret is set, i.e. LeadOS knows this receiver and requests can be verified.
    public var isRegistered: Bool { lock.withLock { secret != nil } }

    /// The port actually bound (useful with port 0), once started.
    public var port: Int? { lock.lock(); defer { lock.unlock() }; return boundPort }

    /// Connections open now (for tests and diagnostics).
    var openConnections: Int { cap.openCount }

    /// The URL to register with LeadOS: the address bound (an IPv6 one in brackets), or the
    /// public URL when one is set.
    public var callbackURL: URL? {
        if let url = options.publicURL { return url }
        guard let port else { return nil }
        return URL(string: "http://\(Self.urlHost(options.host)):\(port)\(options.path)")
    }

    /// The host part of a URL reaching `host` from this machine: a wildcard address becomes the
    /// loopback address of its family, and an IPv6 address is bracketed.
    static func urlHost(_ host: String) -> String {
        let bare = bareHost(host)
        switch bare {
        case "", "0.0.0.0": return "127.0.0.1"
        case "::": return "[::1]"
        default: return bare.contains(":") ? "[\(bare)]" : bare
        }
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
        let cap = self.cap
        let readTimeout = options.requestReadTimeout
        let server = HTTPServerBuilder.http1(configuration: .init(
            additionalChannelHandlers: [ConnectionCapHandler(cap: cap), RequestReadDeadline(seconds: readTimeout)],
            idleTimeout: .nanoseconds(Int64(max(0, options.idleTimeout) * 1_000_000_000))))
        // The server runs without Hummingbird's `Application`, whose date-header cache wakes a
        // thread every second for as long as the receiver listens; the rare response here
        // formats its own `Date`.
        let responder = router.buildResponder()
        let requestLogger = logger
        let serving = try server.buildServer(
            configuration: ServerConfiguration(address: .hostname(Self.bareHost(options.host), port: options.port),
                                               serverName: "leadtop"),
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
            logger: logger,
            responder: { request, writer, channel in
                let context = BasicRequestContext(source: ApplicationRequestContextSource(channel: channel, logger: requestLogger))
                var response: Response
                do {
                    response = try await responder.respond(to: request, context: context)
                } catch let error as any HTTPResponseError {
                    response = try error.response(from: request, context: context)
                } catch {
                    response = Response(status: .internalServerError)
                }
                response.headers[.date] = HTTPDate.format(Date())
                response.headers[.server] = "leadtop"
                try await writer.write(response: response.head, body: response.body)
            },
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            })
        // Stopped by graceful shutdown, never by cancelling the task: cancelling a NIO server while
        // a connection is being accepted traps in NIOAsyncWriter's deinit (swift-nio #3481).
        let group = ServiceGroup(configuration: .init(services: [serving], gracefulShutdownSignals: [], logger: logger))
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

    /// Waits until the server stops serving, after `stop()` or on its own, and says why: the
    /// engine stops counting on pushes when it happens unasked.
    public func stoppedServing() async -> String {
        guard let task = lock.withLock({ serverTask }) else { return "receiver stopped" }
        if case .failure(let error) = await task.result { return "receiver stopped: \(error)" }
        return "receiver stopped"
    }

    /// Shuts down and returns once the port is free again (open connections finish first; the
    /// read deadline bounds how long that takes).
    public func stopAndWait() async {
        let (group, task) = lock.withLock { () -> (ServiceGroup?, Task<Void, any Error>?) in
            defer { serverTask = nil; serviceGroup = nil }
            return (serviceGroup, serverTask)
        }
        await group?.triggerGracefulShutdown()
        _ = await task?.result
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
