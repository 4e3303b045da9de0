import Foundation
import LeadOSAPI
import LeadOSSimulator
import LeadTopCore
import Testing
@testable import LeadTopRuntime

/// Push mode across restarts, against the real simulator and a real receiver: the registration is
/// kept in the state database and reused, a lost secret leads to a fresh URL under the same
/// receiver, and every event type reaches the state.
@Suite struct PushRegistrationTests {
    static func pushEngine(_ sim: SimulatorServer, path: String, port: Int, recorder: UpdateRecorder) throws -> SyncEngine {
        var options = SyncOptions(intervals: EngineSimulatorTests.off, webhook: WebhookReceiverOptions(port: port))
        options.account = "work \(sim.baseURL.absoluteString)"
        return try SyncEngine(
            clientOptions: LeadOSClientOptions(baseURL: sim.baseURL, apiKey: sim.apiKey),
            store: try LocalStore(path: path), options: options,
            scheduler: SimulatedTimeScheduler(world: sim.world), sink: recorder.sink)
    }

    /// Statuses of every `POST /v1/webhooks` the simulator answered.
    static func registrations(_ sim: SimulatorServer) -> [Int] {
        sim.world.servedRequests().filter { $0.method == "POST" && $0.path == "/v1/webhooks" }.map(\.status)
    }

    /// Delivers one lead and waits for it to reach the engine by push (polling is off).
    static func expectPushed(_ sim: SimulatorServer, _ recorder: UpdateRecorder) async {
        let lead = sim.world.deliver(count: 1)
        #expect(lead.count == 1)
        #expect(await recorder.until(20) { $0.addedLeadIDs.contains(lead[0].id) })
    }

    /// Waits until nothing listens on `port` any more (the previous receiver shuts down gracefully).
    static func waitUntilFree(_ port: Int) async -> Bool {
        await Fixtures.eventually {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var one: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = UInt16(port).bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            return withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
        }
    }

    @Test func aSecondStartReusesTheRegistrationAndAWipedStateDirRegistersAFreshURL() async throws {
        let sim = try await EngineSimulatorTests.simulator()
        defer { Task { await sim.stop() } }
        let path = Fixtures.tempDatabasePath()

        let first = UpdateRecorder()
        let engine1 = try Self.pushEngine(sim, path: path, port: 0, recorder: first)
        engine1.start()
        #expect(await Fixtures.eventually { engine1.isPushActive })
        let port = try #require(engine1.webhookPort)
        await Self.expectPushed(sim, first)
        engine1.stop()
        #expect(Self.registrations(sim) == [201])

        // Same state dir, same address: the saved secret is used, LeadOS is not asked again.
        #expect(await Self.waitUntilFree(port))
        let second = UpdateRecorder()
        let engine2 = try Self.pushEngine(sim, path: path, port: port, recorder: second)
        engine2.start()
        #expect(await Fixtures.eventually { engine2.isPushActive })
        await Self.expectPushed(sim, second)
        engine2.stop()
        #expect(Self.registrations(sim) == [201])

        // The state dir is gone: LeadOS answers 409 for the old URL, whose secret is lost, and a
        // fresh URL one segment below the same receiver is registered instead, once.
        #expect(await Self.waitUntilFree(port))
        let third = UpdateRecorder()
        let engine3 = try Self.pushEngine(sim, path: Fixtures.tempDatabasePath(), port: port, recorder: third)
        engine3.start()
        #expect(await Fixtures.eventually { engine3.isPushActive })
        #expect(Self.registrations(sim) == [201, 409, 201])
        let base = "http://127.0.0.1:\(port)/leadtop/webhook"
        let notices = third.updates.compactMap { if case .notice(let text) = $0 { text } else { nil } }
        #expect(notices.count == 1)
        #expect(notices.first?.hasPrefix("Push: LeadOS already had \(base) from a setup whose secret is not here; registered \(base)/") == true)
        await Self.expectPushed(sim, third)
        engine3.stop()
    }

    /// `campaign.paused` updates the campaign row at once, with every poller off.
    @Test func aPausedCampaignArrivesByPush() async throws {
        let sim = try await EngineSimulatorTests.simulator()
        defer { Task { await sim.stop() } }
        let recorder = UpdateRecorder()
        let engine = try Self.pushEngine(sim, path: Fixtures.tempDatabasePath(), port: 0, recorder: recorder)
        engine.start()
        defer { engine.stop() }
        #expect(await Fixtures.eventually { engine.isPushActive })
        let campaign = try #require(sim.world.campaigns().first { $0.status == .active })
        // Paused elsewhere (the web app, a script): only the webhook can tell the dashboard.
        let other = try LeadOSClient(options: LeadOSClientOptions(baseURL: sim.baseURL, apiKey: sim.apiKey))
        _ = try await other.pauseCampaign(id: campaign.id, idempotencyKey: IdempotencyKey.make())
        #expect(await recorder.until(20) {
            $0.contains { if case .campaign(let c) = $0 { c.id == campaign.id && c.status == .paused } else { false } }
        })
        #expect(!recorder.updates.contains { if case .campaigns = $0 { true } else { false } }, "no poll brought it")
    }
}
