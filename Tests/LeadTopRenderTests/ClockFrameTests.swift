import Foundation
import Testing
import LeadTopCore
@testable import LeadTopRender
import LeadTopTestSupport

/// A frame after clock ticks alone redraws only the parts that read the clock over the previous
/// frame; whatever the time moved by, that must be exactly the whole render of the new state.
@Suite struct ClockFrameTests {
    typealias F = DashboardFixtures

    init() { #expect(TestLocale.ready) }

    /// Dashboards in the shapes an idle second finds them: live, retrying with a countdown, with
    /// a message about to expire, with focus on a clock pane.
    static func states(width: Int, height: Int) -> [AppState] {
        let live = F.state(width: width, height: height)
        var retrying = live
        reduce(&retrying, .sync(.connection(.degraded(reason: "HTTP 503", nextRetry: F.now.addingTimeInterval(40)))))
        var offline = live
        reduce(&offline, .sync(.connection(.offline(since: F.now.addingTimeInterval(-90), reason: "refused",
                                                    nextRetry: F.now.addingTimeInterval(3_700)))))
        var messaged = live
        reduce(&messaged, .key(.char("R")))
        var creditsFocused = live
        reduce(&creditsFocused, .key(.char("4")))
        return [live, retrying, offline, messaged, creditsFocused]
    }

    @Test(arguments: [(80, 24), (120, 40), (200, 50)])
    func clockPartsOverTheLastFrameEqualAWholeRender(size: (width: Int, height: Int)) {
        for before in Self.states(width: size.width, height: size.height) {
            #expect(DashboardView.clockPartsSuffice(before, width: size.width, height: size.height))
            let last = DashboardView.render(state: before, theme: .default, width: size.width, height: size.height)
            for seconds: TimeInterval in [1, 2, 7, 29, 31, 59, 61, 601, 3_600, 86_400 * 3 + 17, 86_400 * 40] {
                var after = before
                reduce(&after, .tick(now: F.now.addingTimeInterval(seconds)))
                reduce(&after, .sync(.refreshed(.balance, at: F.now.addingTimeInterval(seconds - 1))))
                reduce(&after, .sync(.rateLimit(remaining: 99, limit: 120)))
                let whole = DashboardView.render(state: after, theme: .default, width: size.width, height: size.height)
                // Without the previous time every clock part is redrawn; with it, the feed only
                // when its ages or NEW marks read differently.
                for earlier in [nil, before.now] {
                    var grid = last
                    DashboardView.renderClockParts(state: after, theme: .default, into: &grid, since: earlier)
                    #expect(grid == whole, "\(size) after \(seconds) s, since \(String(describing: earlier)):\n\(gridDifference(grid, expected: whole.lines) ?? "styles differ")")
                }
            }
        }
    }

    /// A second that moves no age and no NEW mark leaves the feed as it is; one that moves an age
    /// redraws it.
    @Test func theFeedIsRedrawnOnlyWhenAnAgeOrNewMarkReadsDifferently() {
        let state = F.state(width: 120, height: 40)
        let rect = state.layout.feed
        var oneSecond = state
        reduce(&oneSecond, .tick(now: F.now.addingTimeInterval(1)))
        var oneHour = state
        reduce(&oneHour, .tick(now: F.now.addingTimeInterval(3_600)))
        #expect(FeedPane.clockTextsDiffer(state: oneHour, rect: rect, earlier: F.now))
        let ages = (0..<state.leads.visibleCount).compactMap { state.leads.entry(atRow: $0)?.lead.deliveredAt }
        let ageMoves = ages.contains { Format.age(F.now.addingTimeInterval(1).timeIntervalSince($0)) != Format.age(F.now.timeIntervalSince($0)) }
        #expect(FeedPane.clockTextsDiffer(state: oneSecond, rect: rect, earlier: F.now) == ageMoves)
    }

    @Test func dialogsAndTheTooSmallScreenAreAlwaysDrawnWhole() {
        var help = F.state(width: 80, height: 24)
        reduce(&help, .key(.char("?")))
        #expect(!DashboardView.clockPartsSuffice(help, width: 80, height: 24))
        let tiny = F.state(width: 40, height: 10)
        #expect(!DashboardView.clockPartsSuffice(tiny, width: 40, height: 10))
        #expect(!DashboardView.clockPartsSuffice(F.state(width: 80, height: 24), width: 81, height: 24))
    }
}
