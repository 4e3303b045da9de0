import Dispatch
import Foundation
import Hummingbird
import HummingbirdCore
import LeadOSAPI
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// The LeadOS simulator served over real HTTP. `start` returns once the socket is listening.
public final class SimulatorServer: Sendable {
    public let baseURL: URL
    public let apiKey: String
    public let world: SimulatedWorld
    private let core: SimulatorCore
    private let sender: WebhookSender
    private let serviceGroup: ServiceGroup
    private let runTask: Task<Void, Never>
    private let deliveryTask: Task<Void, Never>?

    public static func start(_ options: SimulatorOptions) async throws -> SimulatorServer {
        let key = options.apiKey ?? Self.generateKey()
        guard APIKey.isWellFormed(key) else { throw SimulatorError.malformedAPIKey }
        let clock = SimulationClock(start: options.startDate ?? Date(), speed: options.clockSpeed)
        // Growing the history is CPU-bound for a while: do it on a Dispatch thread, never on the
        // small cooperative pool that serves every request (and other simulators in the same process).
        let world = await withCheckedContinuation { (continuation: CheckedContinuation<SimulatedWorld, Never>) in
            DispatchQueue.global().async {
                continuation.resume(returning: SimulatedWorld(
                    seed: options.seed, clock: clock, campaignCount: options.campaignCount,
                    historyLeads: options.historyLeads, hostileData: options.faults.hostileData,
                    personalisationTraining: options.personalisationTraining))
            }
        }
        let core = SimulatorCore(world: world, apiKey: key, rateLimitPerMinute: options.rateLimitPerMinute, faults: options.faults)
        let sender = WebhookSender(retryScale: options.webhookRetryScale)
        world.setEventSink { events in sender.send(events) }

        let bound = BoundAddress()
        var logger = Logger(label: "leadtop.sim")
        logger.logLevel = .critical
        // `Date` on every reply is the simulated clock: LeadOS's clock, as the leads are dated by it.
        let server = HTTPServerBuilder.http1(configuration: .init(additionalChannelHandlers: [
            ResponseHeaderRewriter { fields in fields[.date] = HTTPDate.format(world.now()) },
        ]))
        let app = Application(
            responder: SimulatorResponder(core: core),
            server: server,
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil),
            onServerRunning: { channel in bound.resolve(.success(channel.localAddress?.port ?? options.port)) },
            logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        let runTask = Task {
            do { try await group.run() } catch { bound.resolve(.failure(error)) }
            bound.resolve(.failure(SimulatorError.stoppedBeforeListening))
        }
        let port: Int
        do { port = try await bound.value() } catch {
            await group.triggerGracefulShutdown()
            runTask.cancel()
            throw error
        }
        let host = options.host.contains(":") ? "[\(options.host)]" : options.host
        var deliveryTask: Task<Void, Never>?
        if let every = options.leadEvery, every > 0 {
            deliveryTask = Task {
                while !Task.isCancelled {
                    do { try await Task.sleep(for: .milliseconds(Int(every * 1000))) } catch { return }
                    world.deliver(count: 1)
                }
            }
        }
        return SimulatorServer(baseURL: URL(string: "http://\(host):\(port)")!, apiKey: key, world: world, core: core,
                               sender: sender, serviceGroup: group, runTask: runTask, deliveryTask: deliveryTask)
    }

    private init(baseURL: URL, apiKey: String, world: SimulatedWorld, core: SimulatorCore, sender: WebhookSender,
                 serviceGroup: ServiceGroup, runTask: Task<Void, Never>, deliveryTask: Task<Void, Never>?) {
        self.baseURL = baseURL; self.apiKey = apiKey; self.world = world; self.core = core; self.sender = sender
        self.serviceGroup = serviceGroup; self.runTask = runTask; self.deliveryTask = deliveryTask
    }

    public var faults: SimulatorFaults { core.currentFaults }

    public func setFaults(_ faults: SimulatorFaults) { core.setFaults(faults) }

    public func setRateLimit(perMinute: Int?) { core.rateLimiter.setLimit(perMinute) }

    /// Stops listening, automatic deliveries and pending webhook retries.
    public func stop() async {
        deliveryTask?.cancel()
        world.setEventSink(nil)
        sender.stop()
        await serviceGroup.triggerGracefulShutdown()
        await runTask.value
    }

    /// `ldo_live_sk_` + 32 random alphanumerics.
    public static func generateKey() -> String {
        var g = SystemRandomNumberGenerator()
        let digits = Base62.digits
        return APIKey.prefix + String(decoding: (0..<32).map { _ in digits[Int(g.next() % 62)] }, as: UTF8.self)
    }
}

public enum SimulatorError: Error, CustomStringConvertible {
    case malformedAPIKey
    case stoppedBeforeListening

    public var description: String {
        switch self {
        case .malformedAPIKey: "the API key must be ldo_live_sk_ followed by 32 letters or digits"
        case .stoppedBeforeListening: "the server stopped before it started listening"
        }
    }
}

/// A one-shot value set by whichever comes first: the server listening or failing.
private final class BoundAddress: Sendable {
    private let state = Mutex<(result: Result<Int, any Error>?, waiter: CheckedContinuation<Int, any Error>?)>((nil, nil))

    func resolve(_ result: Result<Int, any Error>) {
        let waiter: CheckedContinuation<Int, any Error>? = state.withLock { s in
            guard s.result == nil else { return nil }
            s.result = result
            defer { s.waiter = nil }
            return s.waiter
        }
        waiter?.resume(with: result)
    }

    func value() async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            let ready: Result<Int, any Error>? = state.withLock { s in
                if let r = s.result { return r }
                s.waiter = continuation
                return nil
            }
            if let ready { continuation.resume(with: ready) }
        }
    }
}
