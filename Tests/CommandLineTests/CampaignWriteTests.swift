import Foundation
import LeadOSAPI
import LeadOSSimulator
import Testing

/// `campaigns create`, `update` (flags and `--from-file -`) and `launch`, and `leads` filters,
/// against the simulator's own state.
@Suite("leadtop campaigns create/update/launch and leads filters", .serialized)
struct CampaignWriteTests {
    @Test("create from flags as a draft, update from a JSON file on stdin, launch: the simulator's campaign follows")
    func createUpdateLaunch() async throws {
        let account = try await SimulatorAccount.start(historyLeads: 20)
        defer { Task { await account.stop() } }
        let created = try await LeadTopProcess.run([
            "campaigns", "create", "--name", "Berlin CTOs", "--job-title", "CTO", "--job-title", "VP Engineering",
            "--geography", "Germany", "--company-size", "51-200", "--daily-lead-cap", "30", "--total-lead-cap", "300",
            "--draft", "--format", "json",
        ] + account.connection)
        #expect(created.status == 0, "\(created.stderr)")
        let campaign = try LeadOSJSON.decode(Campaign.self, from: Data(created.stdout.utf8))
        let stored = try #require(account.world.campaign(id: campaign.id))
        #expect(stored == campaign)
        #expect(stored.status == .draft && stored.name == "Berlin CTOs" && stored.jobTitles == ["CTO", "VP Engineering"])
        #expect(stored.geographies == ["Germany"] && stored.companySizes == [.s51_200])
        #expect(stored.dailyLeadCap == 30 && stored.totalLeadCap == 300)

        // A file gives the fields; a flag wins over it; null removes the total cap.
        let file = #"{"min_score": 75, "total_lead_cap": null, "industries": ["SaaS", "Fintech"], "daily_lead_cap": 10}"#
        let updated = try await LeadTopProcess.run(["campaigns", "update", "Berlin CTOs", "--from-file", "-",
                                                    "--daily-lead-cap", "40", "--format", "json"] + account.connection,
                                                   stdin: Data(file.utf8))
        #expect(updated.status == 0, "\(updated.stderr)")
        let after = try #require(account.world.campaign(id: campaign.id))
        #expect(after.minScore == 75 && after.totalLeadCap == nil && after.industries == ["SaaS", "Fintech"])
        #expect(after.dailyLeadCap == 40 && after.status == .draft)

        let launched = try await LeadTopProcess.run(["campaigns", "launch", campaign.id, "--format", "json"] + account.connection)
        #expect(launched.status == 0, "\(launched.stderr)")
        #expect(account.world.campaign(id: campaign.id)?.status == .active)
    }

    @Test("a file with a field LeadOS would not take is a usage error, and nothing is sent")
    func unknownFieldInFile() async throws {
        let account = try await SimulatorAccount.start(historyLeads: 20)
        defer { Task { await account.stop() } }
        let id = try #require(account.world.campaigns().first { $0.status == .active }?.id)
        let result = try await LeadTopProcess.run(["campaigns", "update", id, "--from-file", "-"] + account.connection,
                                                  stdin: Data(#"{"min_score": 70, "credits_spent": 0}"#.utf8))
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("leadtop: stdin: 'credits_spent' is not a writable campaign field"))
        #expect(account.world.appliedWrites().isEmpty)
    }

    @Test("leads --campaign NAME --min-score --unrated prints exactly the simulator's matching leads")
    func filters() async throws {
        let account = try await SimulatorAccount.start(historyLeads: 300)
        defer { Task { await account.stop() } }
        let campaign = try #require(account.world.campaigns().first { $0.status == .active })
        let expected = account.world.leads()
            .filter { $0.campaignID == campaign.id && $0.score >= 80 && $0.feedback == nil }
            .sorted { ($0.deliveredAt, $0.id) > ($1.deliveredAt, $1.id) }
        #expect(!expected.isEmpty)
        let result = try await LeadTopProcess.run(["leads", "--campaign", campaign.name, "--min-score", "80", "--unrated",
                                                   "--format", "jsonl"] + account.connection)
        #expect(result.status == 0, "\(result.stderr)")
        let ids = try result.stdout.split(separator: "\n").map { try LeadOSJSON.decode(Lead.self, from: Data($0.utf8)).id }
        #expect(ids == expected.map(\.id))

        let missing = try await LeadTopProcess.run(["leads", "--campaign", "No such campaign"] + account.connection)
        #expect(missing.status == 1)
        #expect(missing.stderr == "leadtop: cannot list leads: no campaign is named 'No such campaign' (leadtop campaigns list shows them)\n")
    }
}
