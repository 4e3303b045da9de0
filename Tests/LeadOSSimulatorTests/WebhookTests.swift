import Foundation
import LeadOSAPI
import Testing
@testable import LeadOSSimulator

/// Webhook registration and delivery to a real local listener, verified with the contract's
/// Python snippet (API.md §7.9, §8).
@Suite struct WebhookTests {
    func register(_ sim: SimulatorHarness, _ url: String, events: String = #"["*"]"#) async throws -> WebhookEndpoint {
        let r = try await sim.post("/v1/webhooks", #"{"url":"\#(url)","events":\#(events),"description":"test"}"#)
        #expect(r.status == 201)
        return try r.decode(WebhookEndpoint.self)
    }

    @Test func registrationValidates() async throws {
        try await withSimulator { sim in
            let r = try await sim.post("/v1/webhooks", #"{"url":"https://example.com/hooks/leados"}"#)
            #expect(r.status == 201)
            let endpoint = try r.decode(WebhookEndpoint.self)
            #expect(endpoint.id.hasPrefix("wh_") && endpoint.events == ["lead.delivered"] && endpoint.status == "enabled")
            #expect(endpoint.description == nil && endpoint.createdAt == SimulatorHarness.start)
            #expect(endpoint.secret.hasPrefix("ldo_whsec_") && endpoint.secret.count == 42)
            #expect(endpoint.secret.dropFirst(10).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
            let duplicate = try await sim.post("/v1/webhooks", #"{"url":"https://example.com/hooks/leados"}"#)
            #expect(duplicate.status == 409 && duplicate.error.code == "webhook_url_exists")
            let cases: [(String, String, String)] = [
                (#"{}"#, "parameter_missing", "url"),
                (#"{"url":"http://example.com/hook"}"#, "parameter_invalid", "url"),
                (#"{"url":"ftp://example.com"}"#, "parameter_invalid", "url"),
                (#"{"url":"not a url"}"#, "parameter_invalid", "url"),
                (#"{"url":"https://\#(String(repeating: "a", count: 2040)).com"}"#, "parameter_invalid", "url"),
                (#"{"url":"https://a.example","events":[]}"#, "parameter_invalid", "events"),
                (#"{"url":"https://a.example","events":["lead.delivered","lead.exploded"]}"#, "parameter_invalid", "events[1]"),
                (#"{"url":"https://a.example","events":["*","balance.low"]}"#, "parameter_invalid", "events[0]"),
                (#"{"url":"https://a.example","description":"\#(String(repeating: "d", count: 201))"}"#, "parameter_invalid", "description"),
                (#"{"url":"https://a.example","secret":"mine"}"#, "parameter_unknown", "secret"),
            ]
            for (body, code, param) in cases {
                let r = try await sim.post("/v1/webhooks", body)
                #expect(r.status == 422 && r.error.code == code && r.error.param == param, "\(body)")
            }
            for local in ["http://localhost:9/x", "http://127.0.0.1/x", "http://[::1]:8080/x"] {
                #expect(try await sim.post("/v1/webhooks", #"{"url":"\#(local)"}"#).status == 201, "\(local)")
            }
        }
    }

    @Test func deliveredLeadsArriveSignedAndVerifyInPython() async throws {
        let receiver = try await WebhookReceiver.start()
        do {
            try await withSimulator { sim in
                let endpoint = try await register(sim, receiver.url, events: #"["lead.delivered"]"#)
                let delivered = try await sim.send("POST", "/_sim/deliver", body: #"{"count":2}"#, auth: nil)
                #expect(delivered.status == 200)
                let leads = try delivered.decode([Lead].self)
                #expect(leads.count == 2)
                let got = try await receiver.wait { $0.count >= 2 }
                #expect(got.count == 2)
                for d in got {
                    #expect(try PythonVerifier.verify(d, secret: endpoint.secret) == "seed=True timestamped=True")
                    #expect(WebhookSignature.verify(body: d.body, signature: d.header("X-LeadOS-Signature") ?? "", secret: endpoint.secret))
                    #expect(d.header("Content-Type") == "application/json")
                    #expect(d.header("User-Agent") == "LeadOS-Webhooks/1.0")
                    #expect(d.header("X-LeadOS-Event") == "lead.delivered")
                    #expect(d.header("X-LeadOS-Attempt") == "1")
                    let event = try LeadOSJSON.decode(WebhookEvent.self, from: Data(d.body))
                    #expect(event.eventID == d.header("X-LeadOS-Event-Id"))
                    guard case .leadDelivered(_, let at, let lead) = event else { Issue.record("wrong event"); continue }
                    #expect(leads.contains(lead) && lead.feedback == nil && at == lead.deliveredAt)
                    let raw = try JSONSerialization.jsonObject(with: Data(d.body)) as? [String: Any]
                    #expect(raw?["delivery_id"] as? String == lead.id && raw?["campaign_id"] as? String == lead.campaignID)
                }
                // A tampered body fails the same Python check.
                var tampered = got[0]
                tampered.body[tampered.body.count / 2] ^= 0x01
                #expect(try PythonVerifier.verify(tampered, secret: endpoint.secret) == "seed=False timestamped=False")
            }
        } catch {
            await receiver.stop()
            throw error
        }
        await receiver.stop()
    }

    @Test func failedAttemptsAreRetriedWithTheSameBytes() async throws {
        let receiver = try await WebhookReceiver.start(failFirst: 2)
        do {
            try await withSimulator { sim in
                let endpoint = try await register(sim, receiver.url, events: #"["campaign.paused"]"#)
                let active = sim.world.campaigns().first { $0.status == .active }!
                #expect(try await sim.post("/v1/campaigns/\(active.id)/pause").status == 200)
                let got = try await receiver.wait { $0.count >= 3 }
                #expect(got.count == 3)
                #expect(got.map { $0.header("X-LeadOS-Attempt") } == ["1", "2", "3"])
                #expect(Set(got.map(\.body)).count == 1)
                #expect(Set(got.map { $0.header("X-LeadOS-Event-Id") }).count == 1)
                for d in got { #expect(try PythonVerifier.verify(d, secret: endpoint.secret) == "seed=True timestamped=True") }
                let event = try LeadOSJSON.decode(WebhookEvent.self, from: Data(got[0].body))
                guard case .campaignPaused(_, _, let campaign) = event else { Issue.record("wrong event"); return }
                #expect(campaign.id == active.id && campaign.pausedReason == .user)
                // No fourth attempt after a success.
                try await Task.sleep(for: .milliseconds(200))
                #expect(receiver.deliveries.count == 3)
            }
        } catch {
            await receiver.stop()
            throw error
        }
        await receiver.stop()
    }

    @Test func anEventIsDroppedAfterEightFailedAttempts() async throws {
        let receiver = try await WebhookReceiver.start(failFirst: 1000)
        do {
            // The whole schedule (about 44.6 h) scaled down to about 1.6 s.
            try await withSimulator(webhookRetryScale: 0.00001) { sim in
                _ = try await register(sim, receiver.url, events: #"["campaign.paused"]"#)
                let active = sim.world.campaigns().first { $0.status == .active }!
                #expect(try await sim.post("/v1/campaigns/\(active.id)/pause").status == 200)
                let got = try await receiver.wait(timeout: 15) { $0.count >= 8 }
                #expect(got.map { $0.header("X-LeadOS-Attempt") } == (1...8).map(String.init))
                #expect(Set(got.map(\.body)).count == 1)
                try await Task.sleep(for: .milliseconds(500))
                #expect(receiver.deliveries.count == 8)
            }
        } catch {
            await receiver.stop()
            throw error
        }
        await receiver.stop()
    }

    @Test func lowBalanceFiresOncePerCrossingAndCreditPausesAreAnnounced() async throws {
        let receiver = try await WebhookReceiver.start()
        do {
            try await withSimulator { sim in
                _ = try await register(sim, receiver.url, events: #"["balance.low","campaign.paused"]"#)
                let threshold = sim.world.balance().lowBalanceThreshold
                sim.world.setCreditsRemaining(threshold + 3)
                sim.world.deliver(count: 4)
                let got = try await receiver.wait { ds in ds.contains { $0.header("X-LeadOS-Event") == "balance.low" } }
                let low = got.filter { $0.header("X-LeadOS-Event") == "balance.low" }
                #expect(low.count == 1)
                let event = try LeadOSJSON.decode(WebhookEvent.self, from: Data(low[0].body))
                guard case .balanceLow(_, _, let balance) = event else { Issue.record("wrong event"); return }
                #expect(balance.lowBalance && balance.creditsRemaining < threshold)
                // Still below: no second event. Then draining to zero pauses campaigns with reason.
                sim.world.deliver(count: 2)
                sim.world.setCreditsRemaining(1)
                let paused = try await receiver.wait { ds in ds.contains { $0.header("X-LeadOS-Event") == "campaign.paused" } }
                #expect(paused.filter { $0.header("X-LeadOS-Event") == "balance.low" }.count == 1)
                for d in paused where d.header("X-LeadOS-Event") == "campaign.paused" {
                    guard case .campaignPaused(_, _, let c) = try LeadOSJSON.decode(WebhookEvent.self, from: Data(d.body)) else { continue }
                    #expect(c.pausedReason == .insufficientCredits)
                }
                // Recovering above the threshold re-arms the event.
                sim.world.setCreditsRemaining(threshold + 1)
                let camp = sim.world.campaigns().first { $0.status == .paused && $0.enrichmentLevel == .basic }
                    ?? sim.world.campaigns().first { $0.status == .paused }!
                _ = try await sim.post("/v1/campaigns/\(camp.id)/resume")
                sim.world.deliver(count: 3)
                let again = try await receiver.wait { ds in ds.filter { $0.header("X-LeadOS-Event") == "balance.low" }.count >= 2 }
                #expect(again.filter { $0.header("X-LeadOS-Event") == "balance.low" }.count == 2)
            }
        } catch {
            await receiver.stop()
            throw error
        }
        await receiver.stop()
    }
}
