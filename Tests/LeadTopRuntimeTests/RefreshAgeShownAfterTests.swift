import Foundation
import LeadTopCore
@testable import LeadTopRuntime
import Testing

/// The status bar shows the feed's refresh age once two refreshes in a row are late, for the
/// intervals the profile polls at; always when the feed is not polled.
@Suite struct RefreshAgeShownAfterTests {
    @Test func twoLateRefreshesForTheFeedIntervalOrThePushSafetyNet() {
        #expect(SyncOptions(intervals: .standard).refreshAgeShownAfter == 6)
        #expect(SyncOptions(intervals: PollIntervals(feed: 10)).refreshAgeShownAfter == 22)
        let push = SyncOptions(intervals: .standard, webhook: WebhookReceiverOptions(port: 0))
        #expect(push.refreshAgeShownAfter == 62)
        #expect(SyncOptions(intervals: PollIntervals(feed: 0)).refreshAgeShownAfter == nil)
    }

    @Test func aProfileSwitchTakesTheNewProfilesSetting() {
        var state = AppState(width: 120, height: 40, now: Date(timeIntervalSince1970: 1_800_000_000),
                             settings: .init())
        state.settings.refreshAgeShownAfter = 6
        reduce(&state, .profileSwitched(ProfileAccount(name: "quiet", keySource: "test", apiURL: "http://127.0.0.1:1",
                                                      refreshAgeShownAfter: nil)))
        #expect(state.settings.refreshAgeShownAfter == nil)
        reduce(&state, .profileSwitched(ProfileAccount(name: "push", keySource: "test", apiURL: "http://127.0.0.1:1",
                                                      refreshAgeShownAfter: 62)))
        #expect(state.settings.refreshAgeShownAfter == 62)
    }
}
