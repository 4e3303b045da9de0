import Foundation
import LeadOSContract
import LeadTopCore
@testable import LeadTopRender
import LeadTopTestSupport
import Testing

/// The loop sleeps until `nextClockChange`: it must never be late. Whatever the state and the
/// time, the screen drawn at any instant before the answer is the screen drawn now.
@Suite struct ClockDemandTests {
    typealias F = DashboardFixtures

    init() { #expect(TestLocale.ready) }

    /// Deterministic random numbers (SplitMix64) so a failure names the case that failed.
    typealias Seeded = HostileInputTests.Seeded

    /// A dashboard in one of the shapes an idle minute finds it, at a random time. Half of them
    /// have a feed with no row showing (a filter matching nothing), so the rarer changes (days
    /// left, run-out date, a message expiring, the refresh age appearing) come first; those
    /// are placed a few seconds ahead, where the samples find them.
    static func randomState(_ random: inout Seeded) -> AppState {
        let sizes = [(80, 24), (120, 40), (200, 50)]
        let size = sizes[Int.random(in: 0..<sizes.count, using: &random)]
        var state = F.state(width: size.0, height: size.1)
        state.settings.refreshAgeShownAfter = [nil, 6, 62][Int.random(in: 0..<3, using: &random)]
        // Leads that arrived while the dashboard ran wear NEW marks; some were delivered long
        // before (a gap filled in), so their NEW mark goes long before their age moves.
        let arrivals = Int.random(in: 0...3, using: &random)
        if arrivals > 0 {
            let leads = (0..<arrivals).map { i -> Lead in
                var lead = F.leads[i]
                lead.id = "live_\(i)"
                let young = Bool.random(using: &random)
                lead.deliveredAt = F.now.addingTimeInterval(-Double.random(in: 0...(young ? 90 : 86_400), using: &random))
                return lead
            }
            reduce(&state, .sync(.newLeads(leads)))
        }
        if Bool.random(using: &random) { reduce(&state, .key(.char("R"))) } // a message that expires
        let quietFeed = Bool.random(using: &random)
        if quietFeed {
            for key: Key in [.char("/")] + "zzqxj".map(Key.char) + [.enter] { reduce(&state, .key(key)) }
        }
        let later = quietFeed || Bool.random(using: &random)
            ? Double.random(in: 0...70, using: &random) : Double.random(in: 0...(86_400 * 3), using: &random)
        var now = F.now.addingTimeInterval(later)
        if Bool.random(using: &random) {
            var balance = F.balance
            balance.creditsRemaining = Int.random(in: 0...5_000, using: &random)
            let soon = Double.random(in: -1...8, using: &random)
            switch Int.random(in: 0..<3, using: &random) {
            case 0: // a whole day of the period passes in a few seconds
                balance.periodEnd = now.addingTimeInterval(Double(Int.random(in: 0...40, using: &random)) * 86_400 + soon)
            case 1: // the projected run-out date crosses a midnight in a few seconds
                if let burn = CreditsPane.burnRate(state.stats), burn > 0, balance.creditsRemaining > 0 {
                    let ahead = Double(balance.creditsRemaining) / burn * 86_400
                    let projected = now.addingTimeInterval(ahead).timeIntervalSince1970
                    let midnight = ((projected / 86_400).rounded(.down) + 1) * 86_400
                    now = Date(timeIntervalSince1970: midnight - ahead - soon)
                    balance.periodEnd = Date(timeIntervalSince1970: midnight + 86_400 * 30)
                }
            default: // the run-out date reaches the period's end in a few seconds
                if let burn = CreditsPane.burnRate(state.stats), burn > 0 {
                    let ahead = Double(balance.creditsRemaining) / burn * 86_400
                    balance.periodEnd = now.addingTimeInterval(ahead + soon)
                }
            }
            reduce(&state, .sync(.balance(balance)))
        }
        reduce(&state, .tick(now: now))
        let refreshedBefore = Double.random(in: 0...120, using: &random)
        reduce(&state, .sync(.refreshed(.feed, at: state.now.addingTimeInterval(-refreshedBefore))))
        return state
    }

    static func screen(_ state: AppState, at time: Date) -> CellGrid {
        var moved = state
        reduce(&moved, .tick(now: time))
        return DashboardView.render(state: moved, theme: .default, width: state.layout.width, height: state.layout.height)
    }

    @Test func theScreenBeforeTheNextChangeIsTheScreenNow() {
        var random = Seeded(state: 7)
        var asleep = 0
        for index in 0..<300 {
            let state = Self.randomState(&random)
            let now = Self.screen(state, at: state.now)
            guard let next = DashboardView.nextClockChange(state: state) else { asleep += 1; continue }
            let span = next.timeIntervalSince(state.now)
            guard span > 0 else { continue }
            let instants = [0.25, 0.5, 0.9, 0.999].map { state.now.addingTimeInterval(span * $0) }
                + [next.addingTimeInterval(-0.001), state.now.addingTimeInterval(min(span, 0.999))]
            for instant in instants where instant < next {
                let then = Self.screen(state, at: instant)
                let same = then == now
                #expect(same, "case \(index): the screen changed \(instant.timeIntervalSince(state.now)) s after now, before the announced \(span) s:\n\(gridDifference(then, expected: now.lines) ?? "styles differ")")
            }
        }
        #expect(asleep < 300)
    }

    @Test func aFreshFeedHidesItsAgeUntilRefreshesAreLate() {
        var state = F.state(width: 120, height: 40)
        state.settings.refreshAgeShownAfter = 6
        #expect(!state.showsRefreshAge)
        #expect(state.refreshAgeAppears == F.now.addingTimeInterval(3))
        let fresh = DashboardView.render(state: state, theme: .default, width: 120, height: 40)
        #expect(fresh.line(39).hasPrefix("● live │ API 117/120 │ ?:help"), "\(fresh.line(39))")
        reduce(&state, .tick(now: F.now.addingTimeInterval(3)))
        #expect(state.showsRefreshAge)
        let late = DashboardView.render(state: state, theme: .default, width: 120, height: 40)
        #expect(late.line(39).hasPrefix("● live │ updated 6s ago │ API 117/120 │ ?:help"), "\(late.line(39))")
    }

    @Test func anIdleScreenWakesForTheNextAgeNotEverySecond() throws {
        var state = F.state(width: 120, height: 40)
        state.settings.refreshAgeShownAfter = 62
        var young = F.leads[0]
        young.id = "young"
        young.deliveredAt = F.now.addingTimeInterval(-10.5)
        reduce(&state, .sync(.newLeads([young])))
        // The young lead's age moves each second; its NEW mark goes after a minute.
        #expect(DashboardView.nextClockChange(state: state) == F.now.addingTimeInterval(0.5))
        // Two minutes later only whole minutes and hours of age move: the next is the young
        // lead's third minute.
        reduce(&state, .tick(now: F.now.addingTimeInterval(120)))
        reduce(&state, .sync(.refreshed(.feed, at: state.now)))
        let next = try #require(DashboardView.nextClockChange(state: state))
        #expect(next == young.deliveredAt.addingTimeInterval(180))
        // The refresh age ticks every second once shown; a dialog ticks every second.
        state.settings.refreshAgeShownAfter = 30
        reduce(&state, .tick(now: state.now.addingTimeInterval(45)))
        #expect(DashboardView.nextClockChange(state: state) == F.now.addingTimeInterval(166))
        reduce(&state, .key(.char("?")))
        #expect(DashboardView.nextClockChange(state: state) == state.now.addingTimeInterval(1))
    }

    @Test func agesChangeAtTheirNextWholeUnit() {
        let t0 = Date(timeIntervalSince1970: 1_000_000)
        let cases: [(TimeInterval, TimeInterval)] = [
            (0, 1), (0.4, 1), (-5, 1), (59.9, 60), (60, 120), (3_599, 3_600), (3_600, 7_200), (86_399, 86_400),
            (86_400 * 999 + 5, 86_400 * 1_000), (86_400 * 1_000, 365 * 86_400 * 3),
        ]
        for (age, next) in cases {
            let change = Format.nextAgeChange(since: t0, now: t0.addingTimeInterval(age))
            #expect(change == t0.addingTimeInterval(next), "age \(age)")
            #expect(Format.age(change.timeIntervalSince(t0)) != Format.age(age) || age < 0, "age \(age)")
        }
        // Absurd dates do not trap and do not wake the loop again at once.
        #expect(Format.nextAgeChange(since: .distantPast, now: .distantFuture) > .distantFuture)
        #expect(Format.nextAgeChange(since: Date(timeIntervalSince1970: 253_402_300_799), now: t0) > t0)
    }
}
