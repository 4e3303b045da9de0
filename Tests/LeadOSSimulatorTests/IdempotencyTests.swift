import Foundation
import LeadOSAPI
import Testing
@testable import LeadOSSimulator

/// Idempotency-Key replay, reuse and in-flight detection (API.md §4), proven against the log of
/// writes the simulator actually executed.
@Suite struct IdempotencyTests {
    let body = #"{"name":"Retry me","job_titles":["CEO"]}"#

    @Test func retryReplaysTheStoredResponseAndAppliesOnce() async throws {
        try await withSimulator { sim in
            let before = sim.world.campaigns().count
            let first = try await sim.post("/v1/campaigns", body, key: "key-1")
            #expect(first.status == 201 && first.header("Idempotent-Replayed") == nil)
            // Same key, same parsed body (different spacing and key order).
            let second = try await sim.post("/v1/campaigns", #"{ "job_titles" : ["CEO"], "name" : "Retry me" }"#, key: "key-1")
            #expect(second.status == 201)
            #expect(second.header("Idempotent-Replayed") == "true")
            #expect(second.body == first.body)
            #expect(second.header("X-Request-Id") != first.header("X-Request-Id"))
            #expect(sim.world.campaigns().count == before + 1)
            #expect(sim.world.appliedWrites().filter { $0.idempotencyKey == "key-1" }.count == 1)
            // Without a key, a repeat is a new write.
            _ = try await sim.post("/v1/campaigns", body)
            #expect(sim.world.campaigns().count == before + 2)
        }
    }

    @Test func sameKeyWithDifferentRequestIsReused() async throws {
        try await withSimulator { sim in
            let c = sim.world.campaigns().first { $0.status == .active }!
            _ = try await sim.post("/v1/campaigns", body, key: "k")
            for r in [try await sim.post("/v1/campaigns", #"{"name":"Other","job_titles":["CEO"]}"#, key: "k"),
                      try await sim.post("/v1/campaigns/\(c.id)/pause", nil, key: "k"),
                      try await sim.patch("/v1/campaigns/\(c.id)", "{}", key: "k")] {
                #expect(r.status == 422)
                #expect(r.error.type == "idempotency_error" && r.error.code == "idempotency_key_reused")
            }
            #expect(sim.world.campaign(id: c.id)?.status == .active)
        }
    }

    @Test func whichStatusesAreStored() async throws {
        try await withSimulator { sim in
            // 422 is not stored: fixing the body and retrying with the same key runs again.
            let invalid = try await sim.post("/v1/campaigns", #"{"name":"x"}"#, key: "fix-me")
            #expect(invalid.status == 422)
            let fixed = try await sim.post("/v1/campaigns", #"{"name":"x","job_titles":["CEO"]}"#, key: "fix-me")
            #expect(fixed.status == 201 && fixed.header("Idempotent-Replayed") == nil)
            // 400 is not stored either.
            #expect(try await sim.post("/v1/suppression", "{", key: "bad-json").status == 400)
            let ok = try await sim.post("/v1/suppression", #"{"emails":["a@b.co"]}"#, key: "bad-json")
            #expect(ok.status == 200 && ok.header("Idempotent-Replayed") == nil)
            // 404 is stored and replayed.
            let missing = try await sim.post("/v1/leads/del_missing123/feedback", #"{"rating":"good"}"#, key: "nf")
            #expect(missing.status == 404)
            let replay = try await sim.post("/v1/leads/del_missing123/feedback", #"{"rating":"good"}"#, key: "nf")
            #expect(replay.status == 404 && replay.header("Idempotent-Replayed") == "true" && replay.body == missing.body)
            // 409 invalid_campaign_state is stored.
            let draft = sim.world.campaigns().first { $0.status == .draft }!
            let conflict = try await sim.post("/v1/campaigns/\(draft.id)/pause", nil, key: "c")
            #expect(conflict.status == 409)
            #expect(try await sim.post("/v1/campaigns/\(draft.id)/pause", nil, key: "c").header("Idempotent-Replayed") == "true")
            // 402 is stored: even after credits return, the retry replays the refusal.
            sim.world.setCreditsRemaining(0)
            let refused = try await sim.post("/v1/campaigns", body, key: "pay")
            #expect(refused.status == 402)
            sim.world.setCreditsRemaining(1000)
            let replayed = try await sim.post("/v1/campaigns", body, key: "pay")
            #expect(replayed.status == 402 && replayed.header("Idempotent-Replayed") == "true")
            // An over-long key is a validation error.
            let long = try await sim.post("/v1/campaigns", body, key: String(repeating: "k", count: 256))
            #expect(long.status == 422 && long.error.param == "Idempotency-Key")
        }
    }

    @Test func concurrentDuplicateGetsKeyInUse() async throws {
        try await withSimulator { sim in
            // Writes take 1.5 s to execute: two identical requests sent together overlap for sure.
            sim.server.setFaults(SimulatorFaults(latency: 1.5))
            async let a = sim.post("/v1/campaigns", body, key: "slow")
            async let b = sim.post("/v1/campaigns", body, key: "slow")
            let replies = try await [a, b].sorted { $0.status < $1.status }
            #expect(replies.map(\.status) == [201, 409])
            let conflict = replies[1], first = replies[0]
            #expect(conflict.error.type == "idempotency_error" && conflict.error.code == "idempotency_key_in_use")
            #expect(conflict.header("Retry-After") == "1")
            sim.server.setFaults(.none)
            let after = try await sim.post("/v1/campaigns", body, key: "slow")
            #expect(after.header("Idempotent-Replayed") == "true" && after.body == first.body)
            #expect(sim.world.appliedWrites().filter { $0.idempotencyKey == "slow" }.count == 1)
        }
    }

    @Test func retriesThroughAnOutageApplyEachWriteExactlyOnce() async throws {
        try await withSimulator { sim in
            sim.server.setFaults(SimulatorFaults(failRate: 0.6))
            let active = sim.world.campaigns().filter { $0.status == .active }
            var keys: [String] = []
            for (i, c) in active.enumerated() {
                let key = "pause-\(i)"
                keys.append(key)
                var status = 0
                var tries = 0
                while !(200..<300).contains(status), tries < 200 {
                    status = try await sim.post("/v1/campaigns/\(c.id)/pause", nil, key: key).status
                    tries += 1
                }
                #expect(status == 200)
            }
            sim.server.setFaults(.none)
            let log = try await sim.send("GET", "/_sim/writes", auth: nil)
            let writes = try JSONSerialization.jsonObject(with: log.body) as! [[String: Any]]
            for key in keys {
                #expect(writes.filter { $0["idempotency_key"] as? String == key }.count == 1, "\(key)")
            }
            #expect(sim.world.campaigns().filter { active.map(\.id).contains($0.id) }.allSatisfy { $0.status == .paused })
        }
    }
}
