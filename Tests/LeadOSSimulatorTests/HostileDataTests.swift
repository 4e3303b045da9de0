import Foundation
import LeadOSAPI
import Testing
@testable import LeadOSSimulator

/// `--hostile-data`: terminal attacks inside perfectly valid contract data.
@Suite struct HostileDataTests {
    @Test func hostileLeadsAreValidJSONWithControlsEscapesAndHugeStrings() async throws {
        try await withSimulator(faults: SimulatorFaults(hostileData: true)) { sim in
            var leads: [Lead] = []
            var cursor: String?
            repeat {
                let r = try await sim.get("/v1/leads?limit=100" + (cursor.map { "&starting_after=\($0)" } ?? ""))
                let page = try r.decode(ListEnvelope<Lead>.self)
                leads += page.data
                cursor = page.nextCursor
            } while cursor != nil
            let texts = leads.flatMap { [$0.fullName, $0.companyName, $0.intentSummary] }
            #expect(texts.contains { $0.contains("\u{1B}[") })          // CSI
            #expect(texts.contains { $0.contains("\u{1B}]") })          // OSC
            #expect(texts.contains { $0.contains("\r") })
            #expect(texts.contains { $0.contains("\u{07}") })           // BEL
            #expect(texts.contains { $0.contains("\u{202E}") })         // bidi override
            #expect(texts.contains { $0.contains("\u{200D}") })         // ZWJ
            #expect(texts.contains { $0.count >= 5000 })
            #expect(leads.allSatisfy { $0.intentSummary.unicodeScalars.count <= 280 })
            let campaigns = try await sim.get("/v1/campaigns").decode(ListEnvelope<Campaign>.self)
            #expect(campaigns.data.contains { $0.name.contains("\u{1B}") })
            #expect(campaigns.data.allSatisfy { $0.name.unicodeScalars.count <= 100 })
            // New deliveries are hostile too, and their webhook-ready JSON still decodes.
            let fresh = sim.world.deliver(count: 30)
            #expect(fresh.contains { $0.fullName.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) } })
        }
    }

    @Test func hostileModeCanBeSwitchedOnWhileRunning() async throws {
        try await withSimulator { sim in
            let calm = sim.world.deliver(count: 20)
            #expect(!calm.contains { $0.fullName.contains("\u{1B}") || $0.fullName.count > 200 })
            _ = try await sim.send("POST", "/_sim/faults", body: #"{"hostile_data":true}"#, auth: nil)
            sim.world.advanceClock(by: 86_400)
            let wild = sim.world.deliver(count: 40)
            #expect(wild.contains { $0.fullName.unicodeScalars.contains { $0.value < 0x20 || (0x80...0x9F).contains($0.value) || $0.value == 0x202E } || $0.fullName.count >= 5000 })
        }
    }
}
