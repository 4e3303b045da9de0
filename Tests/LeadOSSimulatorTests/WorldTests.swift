import Foundation
import LeadOSAPI
import Testing
@testable import LeadOSSimulator

/// The pure world, without HTTP: seeded generation, deliveries and the rules time applies.
@Suite struct WorldTests {
    static let start = Timestamp.parse("2026-05-07T14:23:00Z")!

    func makeWorld(seed: UInt64 = 42, at date: Date = start, campaigns: Int = 6) -> SimulatedWorld {
        SimulatedWorld(seed: seed, clock: SimulationClock(start: date, speed: 0), campaignCount: campaigns)
    }

    @Test func sameSeedGrowsTheSameWorld() {
        let a = makeWorld(), b = makeWorld()
        #expect(a.leads() == b.leads())
        #expect(a.campaigns() == b.campaigns())
        #expect(a.deliver(count: 5) == b.deliver(count: 5))
        #expect(makeWorld(seed: 7).leads() != a.leads())
    }

    @Test func startingWorldHasEveryStateAndConsistentHistory() throws {
        let world = makeWorld()
        let campaigns = world.campaigns()
        let statuses = Set(campaigns.map(\.status))
        #expect(statuses == [.draft, .active, .paused, .completed])
        #expect(Set(campaigns.compactMap(\.pausedReason)) == [.user, .insufficientCredits])
        let leads = world.leads()
        #expect(leads.count > 500)
        #expect(leads.first!.deliveredAt <= Self.start)
        #expect(leads.last!.deliveredAt >= Self.start.addingTimeInterval(-31 * 86_400))
        for c in campaigns {
            let mine = leads.filter { $0.campaignID == c.id }
            #expect(c.leadsDelivered == mine.count, "\(c.name)")
            #expect(c.creditsSpent == mine.reduce(0) { $0 + $1.creditsConsumed })
            let today = mine.filter { Timestamp.formatDay($0.deliveredAt) == "2026-05-07" }.count
            #expect(c.leadsDeliveredToday == today)
            #expect(mine.allSatisfy { LeadFactory.matches($0, c) }, "\(c.name) has a lead outside its targeting")
            if c.status == .draft { #expect(mine.isEmpty) }
            if c.status == .completed { #expect(c.totalLeadCap == c.leadsDelivered) }
        }
        let balance = world.balance()
        let periodStart = Timestamp.parse("2026-05-01T00:00:00Z")!
        #expect(balance.periodStart == periodStart)
        #expect(balance.periodEnd == Timestamp.parse("2026-06-01T00:00:00Z")!)
        let used = leads.filter { $0.deliveredAt >= periodStart }.reduce(0) { $0 + $1.creditsConsumed }
        #expect(balance.creditsUsedThisPeriod == used)
        #expect(balance.creditsRemaining == balance.planCredits - used)
        #expect(!balance.lowBalance)
    }

    @Test func generatedPeopleAreVariedAndWellFormed() {
        let leads = makeWorld().leads()
        let scripts = Set(leads.flatMap { $0.fullName.unicodeScalars.map(\.properties.generalCategory) })
        #expect(scripts.contains(.otherLetter))  // CJK, Arabic, Hebrew, Devanagari
        #expect(leads.contains { $0.fullName.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) } })  // Cyrillic
        #expect(leads.contains { $0.fullName.unicodeScalars.contains { (0x0370...0x03FF).contains($0.value) } })  // Greek
        #expect(leads.contains { $0.fullName.unicodeScalars.contains { (0x0900...0x097F).contains($0.value) } })  // Devanagari
        #expect(leads.contains { $0.geography.contains("ü") || $0.geography.contains("ö") || $0.geography.contains("ã") })
        for lead in leads {
            #expect(lead.intentSummary.count <= 280)
            #expect((lead.email == nil) == (lead.enrichmentLevel == .basic))
            #expect((lead.emailStatus == nil) == (lead.email == nil))
            if let phone = lead.phone {
                #expect(lead.enrichmentLevel == .emailPhone)
                #expect(phone.hasPrefix("+") && phone.dropFirst().allSatisfy(\.isNumber) && (8...16).contains(phone.count))
            }
            let cost = lead.enrichmentLevel == .emailPhone && lead.phone == nil ? 2 : lead.enrichmentLevel.fullCost
            #expect(lead.creditsConsumed == cost)
            #expect(!lead.companyDomain.contains("/") && lead.companyDomain.contains("."))
            #expect(lead.geography.contains(", "))
        }
    }

    @Test func deliveriesHonourTargetingCapsAndCompletion() throws {
        let world = makeWorld()
        let before = world.campaigns()
        var delivered: [Lead] = []
        for _ in 0..<20 {
            let batch = world.deliver(count: 100)
            if batch.isEmpty { break }
            delivered += batch
        }
        let after = world.campaigns()
        #expect(!delivered.isEmpty)
        for lead in delivered {
            let c = try #require(before.first { $0.id == lead.campaignID })
            #expect(c.status == .active)
            #expect(LeadFactory.matches(lead, c))
            #expect(lead.deliveredAt == Self.start)
        }
        for c in after where c.status == .active || c.status == .completed {
            #expect(c.leadsDeliveredToday <= c.dailyLeadCap)
        }
        // With everything at its cap, nothing more is delivered today.
        #expect(world.deliver(count: 10).isEmpty)
        // The next UTC day resets the daily counters.
        world.advanceClock(by: 86_400)
        #expect(world.campaigns().allSatisfy { $0.leadsDeliveredToday == 0 })
        #expect(!world.deliver(count: 3).isEmpty)
    }

    @Test func newestLeadsComeFirstAndIdsGrow() {
        let world = makeWorld()
        let old = world.leads()
        let new = world.deliver(count: 5)
        let all = world.leads()
        #expect(Array(all.prefix(5)) == new.reversed())
        #expect(Array(all.dropFirst(5)) == old)
        for (a, b) in zip(all, all.dropFirst()) {
            #expect(a.deliveredAt > b.deliveredAt || (a.deliveredAt == b.deliveredAt && a.id > b.id))
        }
    }

    @Test func runningOutOfCreditsPausesActiveCampaigns() {
        let world = makeWorld()
        world.setCreditsRemaining(3)
        let campaigns = world.campaigns()
        // email_phone campaigns (4 credits) pause at once; email (2) still delivers.
        for c in campaigns where c.enrichmentLevel == .emailPhone && c.pausedReason != .user && c.status != .completed && c.status != .draft {
            #expect(c.status == .paused && c.pausedReason == .insufficientCredits, "\(c.name)")
        }
        let delivered = world.deliver(count: 10)
        #expect(delivered.count == 1)
        #expect(world.balance().creditsRemaining == 1)
        #expect(world.campaigns().filter { $0.status == .active }.isEmpty)
    }

    @Test func monthlyPeriodResetsCredits() {
        let world = makeWorld()
        world.setCreditsRemaining(10)
        let plan = world.balance().planCredits
        world.advanceClock(by: Timestamp.parse("2026-06-01T00:00:00Z")!.timeIntervalSince(Self.start))
        let b = world.balance()
        #expect(b.creditsRemaining == plan)
        #expect(b.creditsUsedThisPeriod == 0)
        #expect(b.periodStart == Timestamp.parse("2026-06-01T00:00:00Z")!)
        #expect(b.periodEnd == Timestamp.parse("2026-07-01T00:00:00Z")!)
    }

    @Test func suppressedEmailsAreNeverDeliveredAgain() throws {
        // Same seed, same calls: the first world shows which addresses would come next.
        let probe = makeWorld()
        let upcoming = probe.deliver(count: 6).compactMap(\.email)
        try #require(!upcoming.isEmpty)
        let world = makeWorld()
        _ = try world.mutate { s, _ in s.suppress(upcoming.map { "  \($0.uppercased()) " }) }
        #expect(world.suppressedEmails() == Set(upcoming))
        let delivered = world.deliver(count: 6)
        #expect(!delivered.isEmpty)
        #expect(delivered.allSatisfy { $0.email.map { !upcoming.contains($0) } ?? true })
    }

    @Test func suppressionCountsDistinctNormalisedInputs() throws {
        let world = makeWorld()
        let r = try world.mutate { s, _ in s.suppress(["raj@techcorp.io", " Raj@TechCorp.io", "not-an-email", "a@b.co", "a@b.co"]) }
        #expect(r == SuppressionResult(added: 2, alreadyPresent: 0, invalid: ["not-an-email"], totalSuppressed: 2))
        let again = try world.mutate { s, _ in s.suppress(["A@B.CO"]) }
        #expect(again == SuppressionResult(added: 0, alreadyPresent: 1, invalid: [], totalSuppressed: 2))
    }
}
