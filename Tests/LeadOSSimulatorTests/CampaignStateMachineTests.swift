import Foundation
import LeadOSAPI
import Testing
@testable import LeadOSSimulator

/// The campaign state machine of API.md §6.3, cell by cell, plus create and update validation.
@Suite struct CampaignStateMachineTests {
    func campaign(_ sim: SimulatorHarness, _ status: CampaignStatus, reason: PausedReason? = nil) -> Campaign {
        sim.world.campaigns().first { $0.status == status && (reason == nil || $0.pausedReason == reason) }!
    }

    func expectError(_ r: SimulatorHarness.HTTPReply, _ status: Int, _ code: String, param: String? = nil,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == status, sourceLocation: sourceLocation)
        #expect(r.error.code == code, sourceLocation: sourceLocation)
        if let param { #expect(r.error.param == param, sourceLocation: sourceLocation) }
    }

    // MARK: - PATCH {"status":"active"}

    @Test func launchFromEachState() async throws {
        try await withSimulator { sim in
            let draft = campaign(sim, .draft)
            let launched = try await sim.patch("/v1/campaigns/\(draft.id)", #"{"status":"active"}"#).decode(Campaign.self)
            #expect(launched.status == .active && launched.pausedReason == nil)
            #expect(sim.world.campaign(id: draft.id)?.status == .active)

            let active = campaign(sim, .active)
            let same = try await sim.patch("/v1/campaigns/\(active.id)", #"{"status":"active"}"#)
            #expect(same.status == 200)
            #expect(try same.decode(Campaign.self) == active)

            let paused = campaign(sim, .paused, reason: .user)
            expectError(try await sim.patch("/v1/campaigns/\(paused.id)", #"{"status":"active"}"#), 422, "parameter_invalid", param: "status")
            #expect(sim.world.campaign(id: paused.id) == paused)

            let completed = campaign(sim, .completed)
            expectError(try await sim.patch("/v1/campaigns/\(completed.id)", #"{"status":"active"}"#), 409, "invalid_campaign_state")
        }
    }

    @Test func launchWithoutCreditsIs402AndChangesNothing() async throws {
        try await withSimulator { sim in
            let draft = campaign(sim, .draft)
            sim.world.setCreditsRemaining(1)
            let r = try await sim.patch("/v1/campaigns/\(draft.id)", #"{"status":"active","name":"Renamed"}"#)
            expectError(r, 402, "insufficient_credits")
            #expect(r.error.type == "billing_error")
            #expect(sim.world.campaign(id: draft.id) == draft)
            // Basic leads cost 1: launching at that level is affordable.
            let ok = try await sim.patch("/v1/campaigns/\(draft.id)", #"{"status":"active","enrichment_level":"basic"}"#)
            #expect(ok.status == 200)
            #expect(try ok.decode(Campaign.self).status == .active)
        }
    }

    // MARK: - pause

    @Test func pauseFromEachState() async throws {
        try await withSimulator { sim in
            expectError(try await sim.post("/v1/campaigns/\(campaign(sim, .draft).id)/pause"), 409, "invalid_campaign_state")
            expectError(try await sim.post("/v1/campaigns/\(campaign(sim, .completed).id)/pause"), 409, "invalid_campaign_state")

            let active = campaign(sim, .active)
            sim.world.advanceClock(by: 30)
            let paused = try await sim.post("/v1/campaigns/\(active.id)/pause").decode(Campaign.self)
            #expect(paused.status == .paused && paused.pausedReason == .user)
            #expect(paused.updatedAt == SimulatorHarness.start.addingTimeInterval(30))

            let again = try await sim.post("/v1/campaigns/\(active.id)/pause")
            #expect(again.status == 200)
            #expect(try again.decode(Campaign.self) == paused)

            let creditsPaused = campaign(sim, .paused, reason: .insufficientCredits)
            let unchanged = try await sim.post("/v1/campaigns/\(creditsPaused.id)/pause").decode(Campaign.self)
            #expect(unchanged == creditsPaused)
        }
    }

    // MARK: - resume

    @Test func resumeFromEachState() async throws {
        try await withSimulator { sim in
            expectError(try await sim.post("/v1/campaigns/\(campaign(sim, .draft).id)/resume"), 409, "invalid_campaign_state")
            expectError(try await sim.post("/v1/campaigns/\(campaign(sim, .completed).id)/resume"), 409, "invalid_campaign_state")

            let active = campaign(sim, .active)
            let same = try await sim.post("/v1/campaigns/\(active.id)/resume")
            #expect(same.status == 200)
            #expect(try same.decode(Campaign.self) == active)

            for reason in [PausedReason.user, .insufficientCredits] {
                let paused = campaign(sim, .paused, reason: reason)
                let resumed = try await sim.post("/v1/campaigns/\(paused.id)/resume").decode(Campaign.self)
                #expect(resumed.status == .active && resumed.pausedReason == nil)
            }
        }
    }

    @Test func resumeWithoutCreditsIs402() async throws {
        try await withSimulator { sim in
            let paused = campaign(sim, .paused, reason: .user)
            sim.world.setCreditsRemaining(paused.enrichmentLevel.fullCost - 1)
            expectError(try await sim.post("/v1/campaigns/\(paused.id)/resume"), 402, "insufficient_credits")
            #expect(sim.world.campaign(id: paused.id)?.status == .paused)
        }
    }

    // MARK: - other PATCH

    @Test func settingsPatchIsAllowedExceptWhenCompleted() async throws {
        try await withSimulator { sim in
            for status in [CampaignStatus.draft, .active, .paused] {
                let c = campaign(sim, status)
                sim.world.advanceClock(by: 5)
                let r = try await sim.patch("/v1/campaigns/\(c.id)",
                                            #"{"name":"Renamed","daily_lead_cap":7,"job_titles":["CTO"],"total_lead_cap":null,"geographies":["Japan"],"company_sizes":["1-10"],"min_score":10}"#)
                #expect(r.status == 200, "\(status)")
                let updated = try r.decode(Campaign.self)
                #expect(updated.name == "Renamed" && updated.dailyLeadCap == 7 && updated.jobTitles == ["CTO"])
                #expect(updated.totalLeadCap == nil && updated.geographies == ["Japan"] && updated.companySizes == [.s1_10])
                #expect(updated.minScore == 10 && updated.status == status && updated.industries == c.industries)
                #expect(updated.updatedAt > c.updatedAt)
            }
            let completed = campaign(sim, .completed)
            expectError(try await sim.patch("/v1/campaigns/\(completed.id)", #"{"name":"x"}"#), 409, "invalid_campaign_state")
            let empty = try await sim.patch("/v1/campaigns/\(campaign(sim, .active).id)", "{}")
            #expect(empty.status == 200)
            #expect(try empty.decode(Campaign.self) == campaign(sim, .active))
        }
    }

    @Test func patchValidation() async throws {
        try await withSimulator { sim in
            let c = campaign(sim, .active)
            let path = "/v1/campaigns/\(c.id)"
            let cases: [(String, Int, String, String?)] = [
                (#"{"leads_delivered":3}"#, 422, "parameter_invalid", "leads_delivered"),
                (#"{"id":"camp_x"}"#, 422, "parameter_invalid", "id"),
                (#"{"colour":"red"}"#, 422, "parameter_unknown", "colour"),
                (#"{"status":"paused"}"#, 422, "parameter_invalid", "status"),
                (#"{"daily_lead_cap":0}"#, 422, "parameter_invalid", "daily_lead_cap"),
                (#"{"daily_lead_cap":1001}"#, 422, "parameter_invalid", "daily_lead_cap"),
                (#"{"daily_lead_cap":"5"}"#, 422, "parameter_invalid", "daily_lead_cap"),
                (#"{"total_lead_cap":\#(c.leadsDelivered)}"#, 422, "parameter_invalid", "total_lead_cap"),
                (#"{"job_titles":[]}"#, 422, "parameter_invalid", "job_titles"),
                (#"{"job_titles":["CEO","",""]}"#, 422, "parameter_invalid", "job_titles[1]"),
                (#"{"company_sizes":["huge"]}"#, 422, "parameter_invalid", "company_sizes[0]"),
                (#"{"min_score":101}"#, 422, "parameter_invalid", "min_score"),
                (#"{"enrichment_level":"gold"}"#, 422, "parameter_invalid", "enrichment_level"),
                (#"{"name":""}"#, 422, "parameter_invalid", "name"),
                (#"{"name":null}"#, 422, "parameter_invalid", "name"),
            ]
            for (body, status, code, param) in cases {
                expectError(try await sim.patch(path, body), status, code, param: param)
            }
            #expect(sim.world.campaign(id: c.id) == c)
            // 404 before 422.
            expectError(try await sim.patch("/v1/campaigns/camp_missing123", #"{"colour":"red"}"#), 404, "resource_missing")
            expectError(try await sim.post("/v1/campaigns/camp_missing123/pause"), 404, "resource_missing")
            expectError(try await sim.post("/v1/campaigns/camp_missing123/resume"), 404, "resource_missing")
            expectError(try await sim.post("/v1/campaigns/\(c.id)/pause", #"{"now":true}"#), 422, "parameter_unknown", param: "now")
        }
    }

    // MARK: - create

    @Test func createFillsDefaultsAndValidates() async throws {
        try await withSimulator { sim in
            let r = try await sim.post("/v1/campaigns", #"{"name":"Nepal SaaS founders","job_titles":["Founder","CEO"]}"#)
            #expect(r.status == 201)
            let c = try r.decode(Campaign.self)
            #expect(c.status == .active && c.pausedReason == nil && c.dailyLeadCap == 25 && c.totalLeadCap == nil)
            #expect(c.industries == [] && c.companySizes == [] && c.geographies == [] && c.minScore == 60)
            #expect(c.enrichmentLevel == .email && c.leadsDelivered == 0 && c.leadsDeliveredToday == 0 && c.creditsSpent == 0)
            #expect(c.createdAt == SimulatorHarness.start && c.updatedAt == c.createdAt)
            #expect(c.id.hasPrefix("camp_"))
            #expect(sim.world.campaigns().first == c)

            let draft = try await sim.post("/v1/campaigns", #"{"name":"D","job_titles":["CTO"],"status":"draft","total_lead_cap":500}"#)
                .decode(Campaign.self)
            #expect(draft.status == .draft && draft.totalLeadCap == 500)

            let cases: [(String, String, String)] = [
                (#"{"job_titles":["CEO"]}"#, "parameter_missing", "name"),
                (#"{"name":"x"}"#, "parameter_missing", "job_titles"),
                (#"{"name":"x","job_titles":["CEO"],"status":"paused"}"#, "parameter_invalid", "status"),
                (#"{"name":"x","job_titles":["CEO"],"extra":1}"#, "parameter_unknown", "extra"),
                (#"{"name":"\#(String(repeating: "n", count: 101))","job_titles":["CEO"]}"#, "parameter_invalid", "name"),
                (#"{"name":"x","job_titles":["a","b","\#(String(repeating: "t", count: 101))"]}"#, "parameter_invalid", "job_titles[2]"),
                (#"{"name":"x","job_titles":["CEO"],"total_lead_cap":0}"#, "parameter_invalid", "total_lead_cap"),
                (#"{"name":"x","job_titles":["CEO"],"industries":[1]}"#, "parameter_invalid", "industries[0]"),
                (#"{"name":"x","job_titles":"CEO"}"#, "parameter_invalid", "job_titles"),
            ]
            for (body, code, param) in cases {
                expectError(try await sim.post("/v1/campaigns", body), 422, code, param: param)
            }
            sim.world.setCreditsRemaining(1)
            expectError(try await sim.post("/v1/campaigns", #"{"name":"x","job_titles":["CEO"]}"#), 402, "insufficient_credits")
            let asDraft = try await sim.post("/v1/campaigns", #"{"name":"x","job_titles":["CEO"],"status":"draft"}"#)
            #expect(asDraft.status == 201)
        }
    }

    // MARK: - transitions the system makes

    @Test func reachingTheTotalCapCompletesTheCampaign() async throws {
        try await withSimulator(campaigns: 0) { sim in
            let c = try await sim.post("/v1/campaigns", #"{"name":"Tiny","job_titles":["CEO"],"total_lead_cap":3,"daily_lead_cap":100}"#)
                .decode(Campaign.self)
            let delivered = sim.world.deliver(count: 10)
            #expect(delivered.count == 3)
            let done = try #require(sim.world.campaign(id: c.id))
            #expect(done.status == .completed && done.leadsDelivered == 3 && done.pausedReason == nil)
        }
    }
}
