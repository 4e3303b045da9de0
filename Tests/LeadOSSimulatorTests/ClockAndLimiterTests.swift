import Foundation
import LeadOSAPI
import Synchronization
import Testing
@testable import LeadOSSimulator

/// The simulated clock and the fixed-window rate limiter, driven by an injected real clock.
@Suite struct ClockAndLimiterTests {
    /// A hand-moved stand-in for the wall clock.
    final class FakeWallClock: Sendable {
        let now = Mutex(Date(timeIntervalSince1970: 1_000_000))
        func read() -> Date { now.withLock { $0 } }
        func move(_ seconds: TimeInterval) { now.withLock { $0 = $0.addingTimeInterval(seconds) } }
    }

    @Test func clockRunsAtItsSpeedAndAdvancesByHand() {
        let wall = FakeWallClock()
        let start = Timestamp.parse("2026-05-07T23:59:00Z")!
        let clock = SimulationClock(start: start, speed: 10, realNow: { wall.read() })
        #expect(clock.now() == start)
        wall.move(3)
        #expect(clock.now() == start.addingTimeInterval(30))
        clock.advance(by: 60)
        #expect(clock.now() == start.addingTimeInterval(90))
        wall.move(1)
        #expect(clock.now() == start.addingTimeInterval(100))
        clock.advance(by: -500)  // never backwards
        #expect(clock.now() == start.addingTimeInterval(100))

        let frozen = SimulationClock(start: start, speed: 0, realNow: { wall.read() })
        wall.move(1000)
        #expect(frozen.now() == start)
    }

    @Test func fixedWindowsPerKey() throws {
        let limiter = RateLimiter(perMinute: 2)
        let t0 = Timestamp.parse("2026-05-07T14:23:40Z")!
        let a1 = try #require(limiter.check(key: "a", now: t0))
        let a2 = try #require(limiter.check(key: "a", now: t0.addingTimeInterval(5)))
        let a3 = try #require(limiter.check(key: "a", now: t0.addingTimeInterval(10)))
        #expect((a1.allowed, a1.remaining) == (true, 1))
        #expect((a2.allowed, a2.remaining) == (true, 0))
        #expect((a3.allowed, a3.remaining, a3.retryAfter) == (false, 0, 10))
        #expect(a3.reset == Int(Timestamp.parse("2026-05-07T14:24:00Z")!.timeIntervalSince1970))
        // Another key has its own window.
        #expect(limiter.check(key: "b", now: t0.addingTimeInterval(10))?.allowed == true)
        // The next whole minute starts afresh.
        let next = try #require(limiter.check(key: "a", now: Timestamp.parse("2026-05-07T14:24:00Z")!))
        #expect((next.allowed, next.remaining) == (true, 1))
        limiter.setLimit(nil)
        #expect(limiter.check(key: "a", now: t0) == nil)
    }

    @Test func routesAreRecognisedExactly() {
        #expect(Endpoint(method: "GET", path: "/v1/leads") == .listLeads)
        #expect(Endpoint(method: "GET", path: "/v1/leads/stats") == .leadStats)
        #expect(Endpoint(method: "POST", path: "/v1/leads/del_x/feedback") == .submitFeedback(leadID: "del_x"))
        #expect(Endpoint(method: "PATCH", path: "/v1/campaigns/camp_x") == .updateCampaign(id: "camp_x"))
        #expect(Endpoint(method: "POST", path: "/v1/campaigns/camp_x/resume") == .resumeCampaign(id: "camp_x"))
        #expect(Endpoint(method: "GET", path: "/v1/usage/balance") == .balance)
        for (method, path) in [("GET", "/v1/leads/"), ("GET", "/v1//leads"), ("POST", "/v1/leads"), ("GET", "/v1/campaigns/camp_x"),
                               ("PATCH", "/v1/campaigns"), ("POST", "/v1/campaigns//pause"), ("GET", "v1/leads")] {
            #expect(Endpoint(method: method, path: path) == nil, "\(method) \(path)")
        }
    }
}

/// The webhook retry schedule of API.md §8.1.
@Suite struct WebhookScheduleTests {
    @Test func scheduleIsTheContractsWithTenPercentJitter() {
        let minutes = (1...7).map { WebhookSender.retryDelay(afterAttempt: $0, scale: 1, jitter: 0) / 60 }
        #expect(minutes == [1, 5, 30, 120, 360, 720, 1440])
        #expect(WebhookSender.maxAttempts == 8)
        #expect(abs(WebhookSender.retryDelay(afterAttempt: 1, scale: 1, jitter: 1) - 66) < 1e-9)
        #expect(abs(WebhookSender.retryDelay(afterAttempt: 7, scale: 1, jitter: -1) - 77_760) < 1e-9)
        #expect(abs(WebhookSender.retryDelay(afterAttempt: 2, scale: 0.001, jitter: 0) - 0.3) < 1e-12)
        // About 45 h overall.
        let total = (1...7).reduce(0.0) { $0 + WebhookSender.retryDelay(afterAttempt: $1, scale: 1, jitter: 0) }
        #expect((total / 3600).rounded() == 45)
    }
}
