import Foundation
import Testing
import LeadOSContract
import LeadTopCore
import LeadTopTestSupport

/// `[notify]` in the reducer: only live events notify, a burst is one notification, and each
/// notification is one exact effect.
@Suite struct NotifyTests {
    typealias F = DashboardFixtures

    func state(_ rules: NotifyRules, startedMinutesAgo: Int = 30) -> AppState {
        var state = F.state()
        state.settings.notify = rules
        state.settings.startedAt = F.date(minutesAgo: startedMinutesAgo)
        return state
    }

    func deliver(_ state: inout AppState, _ leads: [Lead]) -> [Effect] {
        reduce(&state, .sync(.leads(StoredLeads(added: leads)))).filter { if case .notify = $0 { true } else { false } }
    }

    @Test func aLiveLeadAtTheScoreNotifiesOnce() {
        var state = state(NotifyRules(scoreAtLeast: 90, bell: true))
        let lead = F.lead("del_n01", name: "Ada Lovelace", company: "Engines Ltd", score: 93, minutesAgo: 0)
        let effects = deliver(&state, [lead, F.lead("del_n02", name: "Low", score: 89, minutesAgo: 0)])
        let expected = DashboardNotification(kind: .leads, at: F.now, text: "Lead 93: Ada Lovelace (Engines Ltd) in Solar installers DE",
                                             campaignID: "camp_solar01", leadIDs: ["del_n01"])
        #expect(effects == [.notify(expected)])
        #expect(state.notifications == [expected])
        #expect(state.message?.text == "◆ Lead 93: Ada Lovelace (Engines Ltd) in Solar installers DE")
    }

    @Test func cachedAndCaughtUpLeadsNeverNotify() {
        var state = state(NotifyRules(scoreAtLeast: 0), startedMinutesAgo: 30)
        // Delivered before the dashboard started (the cache, or a first poll after an absence).
        #expect(deliver(&state, [F.lead("del_old", name: "Old", minutesAgo: 31)]) == [])
        // Delivered after the start, but reaching the dashboard 10 minutes late (a catch-up).
        #expect(deliver(&state, [F.lead("del_late", name: "Late", minutesAgo: 10)]) == [])
        #expect(state.notifications == [])
    }

    /// LeadOS's times have whole seconds: a lead stamped with the second the dashboard started in
    /// (so, seemingly, before it) is live.
    @Test func aLeadOfTheStartSecondIsLive() {
        var state = F.state()
        state.settings.notify = NotifyRules(scoreAtLeast: 0)
        state.settings.startedAt = F.now.addingTimeInterval(0.8)
        let lead = F.lead("del_same", name: "Same Second", minutesAgo: 0)
        #expect(deliver(&state, [lead]).count == 1)
        state.settings.startedAt = F.now.addingTimeInterval(1.2)
        #expect(deliver(&state, [F.lead("del_before", name: "Before", minutesAgo: 0)]) == [])
    }

    @Test func aBurstIsOneNotificationPerCampaign() {
        var state = state(NotifyRules(scoreAtLeast: 90))
        let burst = (1...7).map { F.lead("del_b0\($0)", campaign: "camp_tokyo02", name: "B\($0)", score: 95, minutesAgo: 0) }
            + [F.lead("del_s01", name: "S", score: 91, minutesAgo: 1)]
        let effects = deliver(&state, burst)
        #expect(effects.count == 2)
        #expect(state.notifications.map(\.text) == ["7 leads ≥ 90 in 東京 SaaS 創業者", "Lead 91: S (Acme GmbH) in Solar installers DE"])
        #expect(state.notifications.map(\.count) == [7, 1])
        // More of the same campaign a few seconds later (push delivers one by one): joined, no new ring.
        reduce(&state, .tick(now: F.now.addingTimeInterval(3)))
        #expect(deliver(&state, [F.lead("del_s02", name: "S2", score: 99, minutesAgo: 0)]) == [])
        #expect(state.notifications.map(\.text) == ["7 leads ≥ 90 in 東京 SaaS 創業者", "2 leads ≥ 90 in Solar installers DE"])
        #expect(state.notifications.last?.leadIDs == ["del_s01", "del_s02"])
    }

    @Test func onlyTheNamedCampaignsNotify() {
        var state = state(NotifyRules(scoreAtLeast: 0, campaigns: ["東京 SaaS 創業者"]))
        #expect(deliver(&state, [F.lead("del_x", name: "X", minutesAgo: 0)]) == [])
        #expect(deliver(&state, [F.lead("del_y", campaign: "camp_tokyo02", name: "Y", minutesAgo: 0)]).count == 1)
    }

    @Test func theBalanceNotifiesOncePerCrossing() {
        var state = state(NotifyRules(balanceBelow: 1_000))
        func balance(_ credits: Int) -> Balance {
            var b = F.balance; b.creditsRemaining = credits; return b
        }
        #expect(reduce(&state, .sync(.balance(balance(990)))) == [.notify(DashboardNotification(
            kind: .lowBalance, at: F.now, text: "Balance 990 credits, below 1000"))])
        #expect(reduce(&state, .sync(.balance(balance(900)))) == [])
        #expect(reduce(&state, .sync(.balance(balance(1_500)))) == [])
        #expect(reduce(&state, .sync(.balance(balance(800)))).count == 1)
    }

    @Test func aPauseByLeadOSNotifiesAndAPauseByTheUserDoesNot() {
        var state = state(NotifyRules(campaignPaused: true))
        var solar = F.campaigns[0]
        solar.status = .paused; solar.pausedReason = .insufficientCredits
        #expect(reduce(&state, .sync(.campaign(solar))) == [.notify(DashboardNotification(
            kind: .campaignPaused, at: F.now, text: "Solar installers DE paused by LeadOS (out of credits)",
            campaignID: "camp_solar01"))])
        var other = self.state(NotifyRules(campaignPaused: true))
        solar.pausedReason = .user
        #expect(reduce(&other, .sync(.campaign(solar))) == [])
    }

    @Test func nOpensTheListAndAnyKeyClosesIt() {
        var state = F.state()
        #expect(reduce(&state, .key(.char("N"))) == [])
        #expect(state.modal == .notifications)
        #expect(reduce(&state, .key(.char("j"))) == [])
        #expect(state.modal == nil)
    }
}
