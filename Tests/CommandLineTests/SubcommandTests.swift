import CSV
import Foundation
import LeadOSAPI
import LeadOSSimulator
import Testing
@testable import LeadTopCLI
import LeadTopRuntime

/// The real `leadtop` binary's subcommands against a simulator over loopback HTTP.
@Suite("leadtop subcommands against the simulator", .serialized)
struct SubcommandTests {
    /// A window in the middle of the history: from the 150th newest lead to the 20th newest.
    static func window(_ world: SimulatedWorld) -> (since: Date, until: Date, expected: [Lead]) {
        let leads = world.leads().sorted { ($0.deliveredAt, $0.id) > ($1.deliveredAt, $1.id) }
        let since = leads[150].deliveredAt, until = leads[20].deliveredAt
        return (since, until, leads.filter { $0.deliveredAt >= since && $0.deliveredAt < until })
    }

    @Test("leads --format jsonl prints exactly the simulator's leads of a window, as LeadOS's own objects")
    func leadsJSONLines() async throws {
        let account = try await SimulatorAccount.start()
        defer { Task { await account.stop() } }
        let (since, until, expected) = Self.window(account.world)
        #expect(expected.count > 100) // more than one page

        let result = try await LeadTopProcess.run(["leads", "--since", Timestamp.format(since), "--until", Timestamp.format(until),
                                                   "--format", "jsonl"] + account.connection)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(objects.map { $0["id"] as! String } == expected.map(\.id))

        // Not only the same ids: the same objects, field for field, as LeadOS sent them.
        let raw = try await account.rawLeads(since: since, until: until)
        #expect(try objects.map(canonical) == raw.map(canonical))
    }

    @Test("leads --format csv parses back (with a CSV reader) to the same rows, hostile text included")
    func leadsCSV() async throws {
        let account = try await SimulatorAccount.start(hostileData: true)
        defer { Task { await account.stop() } }
        let (since, until, expected) = Self.window(account.world)

        let result = try await LeadTopProcess.run(["leads", "--since", Timestamp.format(since), "--until", Timestamp.format(until),
                                                   "--format", "csv"] + account.connection)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("\r\n"))
        let reader = try CSVReader(string: result.stdout, hasHeaderRow: true)
        #expect(reader.headerRow == RecordKind.lead.columns)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        #expect(rows.count == expected.count)
        let header = reader.headerRow ?? []
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        for (row, lead) in zip(rows, expected) {
            #expect(row.count == header.count)
            #expect(row[column("id")] == lead.id)
            #expect(row[column("full_name")] == lead.fullName)
            #expect(row[column("company_name")] == lead.companyName)
            #expect(row[column("intent_summary")] == lead.intentSummary)
            #expect(row[column("email")] == (lead.email ?? ""))
            #expect(row[column("score")] == String(lead.score))
            #expect(row[column("delivered_at")] == Timestamp.format(lead.deliveredAt))
            #expect(row[column("feedback.rating")] == (lead.feedback?.rating.rawValue ?? ""))
        }
        // Hostile names carry commas, quotes or line breaks: the quoting was really exercised.
        #expect(expected.contains { $0.fullName.contains(where: { ",\"\n\r".contains($0) })
            || $0.companyName.contains(where: { ",\"\n\r".contains($0) }) || $0.intentSummary.contains(where: { ",\"\n\r".contains($0) }) })
    }

    @Test("campaigns pause and resume change the simulator's campaign, by id and by name")
    func pauseAndResume() async throws {
        let account = try await SimulatorAccount.start(historyLeads: 20)
        defer { Task { await account.stop() } }
        let campaign = try #require(account.world.campaigns().first { $0.status == .active })

        let paused = try await LeadTopProcess.run(["campaigns", "pause", campaign.id, "--format", "json"] + account.connection)
        #expect(paused.status == 0, "\(paused.stderr)")
        #expect(account.world.campaign(id: campaign.id)?.status == .paused)
        #expect(account.world.campaign(id: campaign.id)?.pausedReason == .user)
        let printed = try JSONSerialization.jsonObject(with: Data(paused.stdout.utf8)) as! [String: Any]
        #expect(printed["status"] as? String == "paused")
        #expect(printed["id"] as? String == campaign.id)

        let resumed = try await LeadTopProcess.run(["campaigns", "resume", campaign.name, "--format", "jsonl"] + account.connection)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(account.world.campaign(id: campaign.id)?.status == .active)
        let writes = account.world.appliedWrites().map { "\($0.method) \($0.path)" }
        #expect(writes == ["POST /v1/campaigns/\(campaign.id)/pause", "POST /v1/campaigns/\(campaign.id)/resume"])
    }

    @Test("rate applies a rating once: run twice with the same --idempotency-key, LeadOS replays the first")
    func rateOnce() async throws {
        let account = try await SimulatorAccount.start(historyLeads: 20)
        defer { Task { await account.stop() } }
        let lead = try #require(account.world.leads().first { $0.feedback == nil })
        let arguments = ["rate", lead.id, "bad", "--reason", "not_icp", "--note", "Agency, not a buyer",
                         "--idempotency-key", "cron-2026-05-07-rate", "--format", "json"] + account.connection

        let first = try await LeadTopProcess.run(arguments)
        let second = try await LeadTopProcess.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(first.stdout == second.stdout)
        let feedback = try #require(account.world.lead(id: lead.id)?.feedback)
        #expect(feedback.rating == .bad && feedback.reason == .notICP && feedback.note == "Agency, not a buyer")
        #expect(account.world.appliedWrites().filter { $0.path == "/v1/leads/\(lead.id)/feedback" }.count == 1)
    }

    @Test("suppress - sends stdin in batches of 1,000, each once, and prints the counts")
    func suppressFromStdin() async throws {
        let account = try await SimulatorAccount.start(historyLeads: 20)
        defer { Task { await account.stop() } }
        let valid = (0..<2_300).map { "person\($0)@example.com" }
        let input = (valid + ["not-an-email", "", "  PERSON7@example.com  "]).joined(separator: "\n") + "\n"
        let arguments = ["suppress", "-", "--format", "json", "--idempotency-key", "bounces-0507"] + account.connection

        let first = try await LeadTopProcess.run(arguments, stdin: Data(input.utf8))
        #expect(first.status == 0, "\(first.stderr)")
        let result = try LeadOSJSON.decode(SuppressionResult.self, from: Data(first.stdout.utf8))
        // Line 2,301 repeats person7 in another case: it lands in the third batch, already suppressed.
        #expect(result.added == 2_300 && result.alreadyPresent == 1 && result.invalid == ["not-an-email"])
        #expect(account.world.suppressedEmails().isSuperset(of: Set(valid)))
        #expect(account.world.appliedWrites().filter { $0.path == "/v1/suppression" }.count == 3)

        let again = try await LeadTopProcess.run(arguments, stdin: Data(input.utf8))
        #expect(again.stdout == first.stdout)
        #expect(account.world.appliedWrites().filter { $0.path == "/v1/suppression" }.count == 3)

        let table = try await LeadTopProcess.run(["suppress", "late@example.com", "bad", "--format", "table"] + account.connection)
        #expect(table.status == 0, "\(table.stderr)")
        let total = account.world.suppressedEmails().count
        #expect(table.stdout == "added 1, already suppressed 0, invalid 1 (bad); \(total) suppressed in all\n")
    }

    @Test("balance, stats and feedback print LeadOS's objects; stats as csv has one row per day")
    func accountCommands() async throws {
        let account = try await SimulatorAccount.start(historyLeads: 50)
        defer { Task { await account.stop() } }

        let balance = try await LeadTopProcess.run(["balance", "--format", "json"] + account.connection)
        #expect(balance.status == 0, "\(balance.stderr)")
        #expect(try canonical(JSONSerialization.jsonObject(with: Data(balance.stdout.utf8)))
            == canonical(try await account.rawJSON("usage/balance")))

        let feedback = try await LeadTopProcess.run(["feedback", "--format", "jsonl"] + account.connection)
        #expect(try canonical(JSONSerialization.jsonObject(with: Data(feedback.stdout.utf8)))
            == canonical(try await account.rawJSON("feedback/summary")))

        let stats = try await LeadTopProcess.run(["stats", "--from", "6d", "--to", "today", "--format", "csv"] + account.connection)
        #expect(stats.status == 0, "\(stats.stderr)")
        let lines = stats.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "date,delivered,credits_consumed,avg_score,by_campaign")
        #expect(lines.count == 1 + 7)
    }
}
