import Foundation
import Glibc
import LeadOSAPI
import LeadOSSimulator
import Testing

/// The real `leadtop` binary in a real terminal (tmux), talking HTTP to a simulator that runs in
/// this test process, so every keystroke's effect is checked in the simulator's own state.
@Suite("Dashboard in tmux", .serialized)
struct DashboardEndToEndTests {
    /// A running dashboard and the simulator it talks to.
    final class Harness {
        let sim: SimulatorServer
        let session: TmuxSession
        let directory: URL

        init(sim: SimulatorServer, session: TmuxSession, directory: URL) {
            self.sim = sim; self.session = session; self.directory = directory
        }

        /// The dashboard's event trace (`LEADTOP_TRACE`): what it has applied, in order.
        var trace: String { (try? String(contentsOf: directory.appendingPathComponent("trace"), encoding: .utf8)) ?? "" }

        func close() async {
            session.kill()
            await sim.stop()
            try? FileManager.default.removeItem(at: directory)
        }
    }

    /// Starts a simulator (no automatic deliveries) and the dashboard against it in a 120×40 pane,
    /// then waits until the campaigns and the feed have loaded.
    func start(width: Int = 120, height: Int = 40, faults: SimulatorFaults = .none, extraArguments: String = "") async throws -> Harness {
        let sim = try await SimulatorServer.start(SimulatorOptions(seed: 7, rateLimitPerMinute: nil, faults: faults))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("leadtop-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let session = try TmuxSession(width: width, height: height, environment: [
            "XDG_STATE_HOME": directory.appendingPathComponent("state").path,
            "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path,
            "LEADTOP_TRACE": directory.appendingPathComponent("trace").path,
        ])
        let binary = try BuiltProducts.executable("leadtop")
        try session.runCommand([
            TmuxSession.shellQuoted(binary), "--api-url", sim.baseURL.absoluteString, "--api-key", sim.apiKey, extraArguments,
        ].joined(separator: " "))
        let harness = Harness(sim: sim, session: session, directory: directory)
        do {
            try await session.waitForAsync(timeout: 15, "campaigns and leads") { screen in
                screen.contains { $0.contains("Campaigns (\(sim.world.campaigns().count))") }
                    && screen.contains { $0.contains("● live") }
                    && screen.contains { $0.contains("Live lead feed (") && !$0.contains("Live lead feed (0)") }
            }
        } catch {
            await harness.close()
            throw error
        }
        return harness
    }

    /// Runs `body` against a fresh dashboard and always tears it down.
    func withDashboard(faults: SimulatorFaults = .none, _ body: (Harness) async throws -> Void) async throws {
        let harness = try await start(faults: faults)
        do {
            try await body(harness)
        } catch {
            await harness.close()
            throw error
        }
        await harness.close()
    }

    /// Campaigns in the list's order (created_at desc, then id desc), as the pane shows them.
    func campaignsInListOrder(_ sim: SimulatorServer) -> [Campaign] {
        sim.world.campaigns().sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
    }

    /// Polls the simulator's state until `condition` holds (writes travel through the outbox).
    func eventually(timeout: Double = 20, _ what: String, _ condition: () -> Bool) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() {
            guard Date() < deadline else { throw TmuxSession.Failure(description: "timed out waiting for \(what)") }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    @Test("shows every pane, and a newly delivered lead appears in the feed")
    func panesAndNewLead() async throws {
        try await withDashboard { h in
            let screen = try h.session.capture()
            #expect(screen.count == 40)
            for title in ["1 Campaigns", "2 Live lead feed", "3 Delivery stats", "4 Credits", "5 Feedback"] {
                #expect(screen.contains { $0.contains(title) }, "missing pane \(title)")
            }
            #expect(screen[39].contains("● live"))

            let delivered = h.sim.world.deliver(count: 1)
            let lead = try #require(delivered.first)
            // The NAME column may cut a long first name short: its first letters are always shown.
            let firstName = String((lead.fullName.split(separator: " ").first ?? "").prefix(6))
            try await h.session.waitForAsync(timeout: 8, "the new lead in the feed") { screen in
                screen.contains { $0.contains("NEW") && $0.contains(firstName) }
            }
        }
    }

    @Test(":pause NAME then y pauses that campaign in LeadOS; :theme light recolours the screen")
    func commandPrompt() async throws {
        try await withDashboard { h in
            let campaign = try #require(campaignsInListOrder(h.sim).last { $0.status == .active })
            try h.session.sendKeys(":")
            try await h.session.waitForAsync(text: "Tab complete")
            try h.session.sendLiteral("pause \(campaign.name)")
            try h.session.sendKeys("Enter")
            try await h.session.waitForAsync(text: "Pause campaign")
            try h.session.sendKeys("y")
            try await eventually("the campaign paused in the simulator") {
                h.sim.world.campaign(id: campaign.id)?.status == .paused
            }
            let writes = h.sim.world.appliedWrites().filter { $0.path.contains("/pause") }
            #expect(writes.map(\.path) == ["/v1/campaigns/\(campaign.id)/pause"])

            let white = ["48;2;255;255;255", "48;5;231", "48;5;15"]
            let before = try h.session.capture(escapes: true).joined(separator: "\n")
            #expect(!white.contains { before.contains($0) }, "the default theme has no white background")
            try h.session.sendKeys(":")
            try h.session.sendLiteral("theme light")
            try h.session.sendKeys("Enter")
            try await h.session.waitForAsync(text: "Theme light")
            let after = try h.session.capture(escapes: true).joined(separator: "\n")
            #expect(white.contains { after.contains($0) }, "light's white background is on screen")
        }
    }

    @Test("p on a draft asks to launch it with its cost per lead, and y launches it in LeadOS; i shows its record")
    func launchADraft() async throws {
        try await withDashboard { h in
            let client = try LeadOSClient(options: LeadOSClientOptions(baseURL: h.sim.baseURL, apiKey: h.sim.apiKey))
            let draft = try await client.createCampaign(CampaignDraft(
                name: "Draft for launch", jobTitles: ["CFO"], status: .draft, enrichmentLevel: .emailPhone))
            try h.session.sendKeys("R")
            try await h.session.waitForAsync(text: "Draft for …")
            // The newest campaign is the list's first row.
            try h.session.sendKeys("1", "g", "i")
            try await h.session.waitForAsync(text: "Campaign \(draft.id)")
            try await h.session.waitForAsync(text: "up to 4 credits a lead")
            try h.session.sendKeys("p")
            try await h.session.waitForAsync(text: "Launch campaign Draft for launch? Each lead costs up to 4 credits.")
            try h.session.sendKeys("y")
            try await eventually("the draft active in the simulator") { h.sim.world.campaign(id: draft.id)?.status == .active }
            let writes = h.sim.world.appliedWrites().filter { $0.path.contains(draft.id) }
            #expect(writes.map { "\($0.method) \($0.path) \($0.status)" } == ["PATCH /v1/campaigns/\(draft.id) 200"])
            #expect(writes.first?.idempotencyKey != nil)
        }
    }

    @Test("c creates a campaign through the form, then e changes its daily cap: each sent exactly once")
    func createAndEditThroughTheForm() async throws {
        try await withDashboard { h in
            let before = h.sim.world.campaigns().count
            try h.session.sendKeys("1", "c")
            try await h.session.waitForAsync(text: "New campaign")
            try h.session.sendLiteral("Form made")
            try h.session.sendKeys("Tab")
            try h.session.sendLiteral("CFO, Controller")
            for _ in 0..<6 { try h.session.sendKeys("Tab") }
            // Daily cap: 25 → 30.
            try h.session.sendKeys("BSpace", "BSpace")
            try h.session.sendLiteral("30")
            try h.session.sendKeys("Enter")
            try await eventually("the campaign created in the simulator") { h.sim.world.campaigns().count == before + 1 }
            let created = try #require(h.sim.world.campaigns().first { $0.name == "Form made" })
            #expect(created.jobTitles == ["CFO", "Controller"])
            #expect(created.dailyLeadCap == 30)
            #expect(created.status == .active)
            try await h.session.waitForAsync(text: "Created Form made")

            // The newest campaign is the list's first row.
            try h.session.sendKeys("g", "e")
            try await h.session.waitForAsync(text: "Edit Form made")
            for _ in 0..<7 { try h.session.sendKeys("Down") }
            try h.session.sendKeys("BSpace", "BSpace")
            try h.session.sendLiteral("45")
            try h.session.sendKeys("Enter")
            try await eventually("the daily cap changed in the simulator") { h.sim.world.campaign(id: created.id)?.dailyLeadCap == 45 }
            let writes = h.sim.world.appliedWrites().filter { $0.method != "GET" && ($0.path == "/v1/campaigns" || $0.path.contains(created.id)) }
            #expect(writes.map { "\($0.method) \($0.path) \($0.status)" } == [
                "POST /v1/campaigns 201", "PATCH /v1/campaigns/\(created.id) 200",
            ])
            #expect(Set(writes.compactMap(\.idempotencyKey)).count == 2)
        }
    }

    @Test("p then y pauses the selected campaign in LeadOS, and again resumes it")
    func pauseAndResume() async throws {
        try await withDashboard { h in
            let ordered = campaignsInListOrder(h.sim)
            let index = try #require(ordered.firstIndex { $0.status == .active })
            let campaign = ordered[index]
            try h.session.sendKeys("1", "g")
            for _ in 0..<index { try h.session.sendKeys("j") }

            try h.session.sendKeys("p")
            try await h.session.waitForAsync(text: "Pause campaign")
            try h.session.sendKeys("y")
            try await eventually("the campaign paused in the simulator") {
                h.sim.world.campaign(id: campaign.id)?.status == .paused
            }
            #expect(h.sim.world.campaign(id: campaign.id)?.pausedReason == .user)
            // Until the dashboard has the pause's reply, a second change to the campaign is refused
            // ("still being sent"); the trace says when the reply was applied, and keys are handled
            // after it on the same thread.
            try await eventually("the dashboard applied the pause's reply") { h.trace.contains("sync write_settled") }
            try h.session.sendKeys("p")
            try await h.session.waitForAsync(text: "Resume campaign")
            try h.session.sendKeys("y")
            try await eventually("the campaign active again") { h.sim.world.campaign(id: campaign.id)?.status == .active }
            let writes = h.sim.world.appliedWrites().filter { $0.path.contains(campaign.id) }
            #expect(writes.map(\.path) == ["/v1/campaigns/\(campaign.id)/pause", "/v1/campaigns/\(campaign.id)/resume"])
            #expect(writes.allSatisfy { $0.idempotencyKey != nil && $0.status == 200 })
        }
    }

    @Test("+ rates the selected lead good, - with a reason rates it bad, both recorded in LeadOS")
    func rateLeads() async throws {
        try await withDashboard { h in
            let newest = try #require(h.sim.world.leads().first)
            try h.session.sendKeys("2", "g", "+")
            try await eventually("good feedback recorded") { h.sim.world.lead(id: newest.id)?.feedback?.rating == .good }

            // The rating moved the selection on to the next unrated lead: back to the newest.
            try h.session.sendKeys("g", "-")
            try await h.session.waitForAsync(text: "3  not ICP")
            try h.session.sendKeys("3")
            try await eventually("bad feedback recorded") { h.sim.world.lead(id: newest.id)?.feedback?.rating == .bad }
            let feedback = try #require(h.sim.world.lead(id: newest.id)?.feedback)
            #expect(feedback.reason == .notICP)
            #expect(feedback.createdAt <= feedback.updatedAt)
        }
    }

    @Test("ratings made while LeadOS is down survive kill -9 and are applied exactly once after a restart")
    func pendingWritesSurviveAKill() async throws {
        try await withDashboard { h in
            let newest = Array(h.sim.world.leads().prefix(2))
            try #require(newest.count == 2)
            h.sim.setFaults(SimulatorFaults(failRate: 1))
            // A rating moves on to the next unrated lead; g j selects the second newest either way.
            try h.session.sendKeys("2", "g", "+", "g", "j", "+")
            try await h.session.waitForAsync(text: "2 pending", timeout: 10)
            kill(try h.session.childPID(named: "leadtop"), SIGKILL)
            try await h.session.waitForPromptAsync(timeout: 10)

            h.sim.setFaults(.none)
            try h.session.runCommand("clear; \(TmuxSession.shellQuoted(try BuiltProducts.executable("leadtop"))) --api-url \(h.sim.baseURL.absoluteString) --api-key \(h.sim.apiKey)")
            // A lead the seeded world had already rated good says nothing about the write: wait for
            // LeadOS's record of both writes instead.
            let paths = Set(newest.map { "/v1/leads/\($0.id)/feedback" })
            try await eventually(timeout: 30, "both ratings applied") {
                Set(h.sim.world.appliedWrites().map(\.path)).isSuperset(of: paths)
                    && newest.allSatisfy { h.sim.world.lead(id: $0.id)?.feedback?.rating == .good }
            }
            try await h.session.waitForAsync(timeout: 10, "the outbox drained") { screen in
                screen.last { !$0.isEmpty }.map { !$0.contains("pending") && $0.contains("live") } ?? false
            }
            let writes = h.sim.world.appliedWrites().filter { $0.path.hasSuffix("/feedback") }
            #expect(writes.map(\.path).sorted() == newest.map { "/v1/leads/\($0.id)/feedback" }.sorted())
            // 201 for a first rating, 200 for a lead the seeded world had already rated (API.md §7.3).
            let expectedStatus = Dictionary(uniqueKeysWithValues: newest.map { ("/v1/leads/\($0.id)/feedback", $0.feedback == nil ? 201 : 200) })
            #expect(writes.allSatisfy { $0.status == expectedStatus[$0.path] && $0.idempotencyKey != nil }, "\(writes)")
            try h.session.sendKeys("q")
            try await h.session.waitForPromptAsync(timeout: 10)
        }
    }

    @Test("/ filters the feed by score and Esc clears the filter")
    func filterFeed() async throws {
        try await withDashboard { h in
            let before = try h.session.capture()
            let total = try #require(before.first { $0.contains("Live lead feed (") })
            let titleRow = String(total.prefix { $0 != "┐" })
            try h.session.sendKeys("/")
            try h.session.sendLiteral("score>90")
            try h.session.sendKeys("Enter")
            let filtered = try await h.session.waitForAsync("only leads scoring over 90") { screen in
                let scores = feedScores(screen)
                return !scores.isEmpty && scores.allSatisfy { $0 > 90 }
            }
            #expect(filtered.contains { $0.contains("Live lead feed") && $0.contains("score>90") })

            try h.session.sendKeys("Escape")
            try await h.session.waitForAsync("the full feed again") { $0.contains { $0.hasPrefix(titleRow) } }
        }
    }

    @Test("resizing relayouts at once, says when the terminal is too small, and recovers")
    func resize() async throws {
        try await withDashboard { h in
            try h.session.resize(width: 70, height: 20)
            try await h.session.waitForAsync("the 70×20 layout") { screen in
                screen.count == 20 && screen.contains { $0.contains("Campaigns") } && screen[19].contains("live")
            }
            try h.session.resize(width: 40, height: 10)
            try await h.session.waitForAsync(text: "too small")
            try h.session.resize(width: 120, height: 40)
            let screen = try await h.session.waitForAsync("the full layout again") { screen in
                screen.count == 40 && screen.contains { $0.contains("5 Feedback") }
            }
            #expect(!screen.contains { $0.contains("too small") })
        }
    }

    @Test("q and SIGTERM both give the shell back with sane terminal modes")
    func quitAndTerminateRestore() async throws {
        try await withDashboard { h in
            try h.session.sendKeys("q")
            try await h.session.waitForPromptAsync()
            #expect(try h.session.format("#{alternate_on}") == "0")
            try await expectSaneModes(h.session)

            try h.session.runCommand("clear; \(TmuxSession.shellQuoted(try BuiltProducts.executable("leadtop"))) --api-url \(h.sim.baseURL.absoluteString) --api-key \(h.sim.apiKey)")
            try await h.session.waitForAsync(text: "● live", timeout: 15)
            let pid = try h.session.childPID(named: "leadtop")
            kill(pid, SIGTERM)
            try await h.session.waitForPromptAsync(timeout: 10)
            #expect(try h.session.format("#{alternate_on}") == "0")
            #expect(try h.session.format("#{cursor_flag}") == "1")
            try await expectSaneModes(h.session)
        }
    }

    @Test("with leadtop sim --hostile-data, no control sequence from lead text reaches the terminal")
    func hostileDataIsSanitized() async throws {
        let sim = try await SimulatorProcess.start(["--hostile-data", "--lead-every", "0", "--rate-limit", "off", "--seed", "11"])
        defer { sim.stop() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("leadtop-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let session = try TmuxSession(width: 120, height: 40, environment: ["XDG_STATE_HOME": directory.path, "XDG_CONFIG_HOME": directory.path])
        defer { session.kill() }
        let titleBefore = try session.format("#{pane_title}")
        try session.runCommand("\(TmuxSession.shellQuoted(try BuiltProducts.executable("leadtop"))) --api-url \(sim.baseURL.absoluteString) --api-key \(sim.apiKey)")
        try await session.waitForAsync(text: "● live", timeout: 15)
        try await sim.deliver(count: 20)
        try await session.waitForAsync(timeout: 8, "hostile leads in the feed") { screen in
            screen.contains { $0.contains("BellRinger") || $0.contains("evil Over") || $0.contains("Link Pers") }
        }
        try session.sendKeys("2", "g", "Enter")
        try await session.waitForAsync(text: "Esc close")
        for line in try session.capture(escapes: true) {
            var rest = Substring(line)
            while let escape = rest.firstIndex(of: "\u{1B}") {
                let body = rest[escape...].prefix { $0 != "m" }.dropFirst()
                #expect(body.first == "[" && body.dropFirst().allSatisfy { $0.isNumber || $0 == ";" },
                        "a non-SGR sequence reached the terminal: \(String(reflecting: String(rest[escape...].prefix(12))))")
                rest = rest[rest.index(after: escape)...]
            }
        }
        #expect(try session.format("#{pane_title}") == titleBefore)
        try session.sendKeys("Escape")
        let plain = try await session.waitForAsync("the card closed") { !$0.contains { $0.contains("Esc close") } }
        #expect(plain.count == 40)
        #expect(plain[39].contains("live"))
        FrameAlignment.expectAligned(plain, width: 120)
        try session.sendKeys("q")
        try await session.waitForPromptAsync(timeout: 10)
    }

    /// The score column of every feed row on the screen.
    func feedScores(_ screen: [String]) -> [Int] {
        guard let top = screen.firstIndex(where: { $0.contains("Live lead feed") }) else { return [] }
        return screen[(top + 2)...].prefix { !$0.hasPrefix("└") }.compactMap { row in
            row.dropFirst().split(separator: " ").lazy.compactMap { Int($0) }.first { $0 <= 100 }
        }
    }

    /// The shell's terminal modes are back: line editing, echo, signals, CR/NL translation.
    func expectSaneModes(_ session: TmuxSession) async throws {
        try session.runCommand("echo modes: $(stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo|isig|icrnl|opost|onlcr)$')")
        let screen = try await session.waitForAsync("stty's answer") { $0.contains { $0.hasPrefix("modes: ") } }
        let modes = try #require(screen.last { $0.hasPrefix("modes: ") })
        #expect(modes == "modes: icrnl opost onlcr isig icanon echo")
    }
}
