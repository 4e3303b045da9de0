import Foundation
import LeadOSAPI
import LeadTopCore
import Testing
@testable import LeadTopRuntime

/// Push mode on the machine alone: registration (reused, retried with one key, moved below a
/// lost URL, refused until R), pushed events, and the feed poll as a 30 s safety net while
/// pushes arrive.
@Suite struct SyncMachinePushTests {
    typealias D = MachineDriver
    static let url = D.receiverURL
    static let secret = "whsec_" + String(repeating: "s", count: 32)

    static func endpoint(_ url: String) -> WebhookEndpoint {
        WebhookEndpoint(id: "wh_test01", url: url, events: ["*"], description: nil, status: "enabled", secret: secret,
                        createdAt: D.t0)
    }

    static func saved(_ url: String) -> SavedWebhook {
        SavedWebhook(account: "default", receiverURL: Self.url, endpointID: "wh_test01", url: url, secret: secret,
                     events: ["*"], createdAt: D.t0)
    }

    /// Starts in push mode with `intervals` and brings the receiver up, with no saved registration;
    /// returns the registration's request id.
    static func registering(_ driver: inout D) -> Int {
        #expect(driver.on(.started(CachedStart())).last == .startReceiver)
        driver.on(.nextWriteLoaded(nil, discarded: 0))
        #expect(driver.on(.receiverUp(url: url)) == [.loadSavedRegistration(url: url)])
        let commands = driver.on(.savedRegistrationLoaded(url: url, secret: nil))
        guard case .register(let registered, "idem_1", let id)? = commands.first, registered == url, commands.count == 1 else {
            Issue.record("not one registration: \(commands)")
            return 0
        }
        return id
    }

    @Test func whilePushIsLiveTheFeedIsASafetyNetEvery30Seconds() {
        var driver = D(intervals: D.feedOnly, push: true)
        let id = Self.registering(&driver)
        // Before push is live: the normal interval.
        #expect(driver.reply(.feed, .success(Polled.feed([]))) == [.emit(.refreshed(.feed, at: driver.now)), .arm(.feed, after: 2)])
        #expect(driver.on(.registrationAnswered(requestID: id, .success(Self.endpoint(Self.url)))) == [
            .useSecret(Self.secret), .saveRegistration(Self.saved(Self.url)),
        ])
        driver.fire(.feed)
        #expect(driver.reply(.feed, .success(Polled.feed([]))) == [.emit(.refreshed(.feed, at: driver.now)), .arm(.feed, after: 30)])
        // A failed safety-net poll still backs off as usual.
        driver.fire(.feed)
        #expect(driver.reply(.feed, .failure(Failures.unavailable)).first == .arm(.feed, after: 0.5))
        driver.fire(.feed)
        #expect(driver.reply(.feed, .success(Polled.feed([]))).contains(.arm(.feed, after: 30)))

        // Push lost: the feed is polled at its own pace again, from now.
        let lostAt = driver.now.addingTimeInterval(5)
        let down = ConnectionStatus.degraded(reason: "push unavailable: receiver stopped", nextRetry: nil)
        #expect(driver.on(.receiverStopped(reason: "receiver stopped"), after: 5) == [
            .arm(.feed, after: 2),
            .emit(.connectionReport(ConnectionReport(failures: [
                .init(channel: "push", summary: "push unavailable: receiver stopped", detail: "push unavailable: receiver stopped",
                      at: lostAt, nextRetry: nil),
            ], lastSuccess: lostAt.addingTimeInterval(-5)))),
            .logConnection(down), .emit(.connection(down)),
        ])
        #expect(driver.pendingDelays == [.feed: 2])
        driver.fire(.feed)
        #expect(driver.reply(.feed, .success(Polled.feed([]))).contains(.arm(.feed, after: 2)))
    }

    @Test func aSavedRegistrationIsReusedAndMakesPushLive() {
        var driver = D(intervals: PollIntervals(feed: 60, campaigns: 0, balance: 0, stats: 0, feedbackSummary: 0), push: true)
        driver.on(.started(CachedStart()))
        driver.on(.nextWriteLoaded(nil, discarded: 0))
        driver.on(.receiverUp(url: Self.url))
        #expect(driver.on(.savedRegistrationLoaded(url: Self.url, secret: Self.secret)) == [.useSecret(Self.secret)])
        #expect(driver.machine.push.live)
        // A feed interval longer than the safety net's stays as configured.
        #expect(driver.reply(.feed, .success(Polled.feed([]))).contains(.arm(.feed, after: 60)))
    }

    /// Transient failures retry with backoff and the same Idempotency-Key; a URL LeadOS already
    /// has (its secret lost) is replaced by one a segment below, with a new key, once.
    @Test func registrationRetriesWithOneKeyAndMovesBelowALostURL() {
        var driver = D(intervals: D.off, push: true)
        let first = Self.registering(&driver)
        let degraded = ConnectionStatus.degraded(reason: "push unavailable: LeadOS error 503", nextRetry: driver.now.addingTimeInterval(0.5))
        let failed = driver.on(.registrationAnswered(requestID: first, .failure(Failures.unavailable)))
        #expect(failed.first == .arm(.push, after: 0.5))
        #expect(failed.contains(.emit(.connection(degraded))))
        #expect(driver.fire(.push) == [.register(url: Self.url, idempotencyKey: "idem_1", requestID: first + 1)])
        #expect(driver.on(.registrationAnswered(requestID: first, .success(Self.endpoint(Self.url)))) == [], "stale")
        let exists = Failures.api(409, code: "webhook_url_exists")
        let moved = Self.url + "/seg_1"
        #expect(driver.on(.registrationAnswered(requestID: first + 1, .failure(exists))) == [
            .register(url: moved, idempotencyKey: "idem_2", requestID: first + 2),
        ])
        #expect(driver.on(.registrationAnswered(requestID: first + 2, .success(Self.endpoint(moved)))) == [
            .useSecret(Self.secret), .saveRegistration(Self.saved(moved)),
            .emit(.notice("Push: LeadOS already had \(Self.url) from a setup whose secret is not here; registered \(moved) instead")),
            .emit(.connectionReport(ConnectionReport())), .logConnection(.live), .emit(.connection(.live)),
        ])
        #expect(driver.machine.timers.isEmpty)
    }

    /// A refused registration is not retried on its own; R asks once more, with a new key.
    @Test func aRefusedRegistrationWaitsForR() {
        var driver = D(intervals: D.off, push: true)
        let first = Self.registering(&driver)
        let refused = Failures.api(422, code: "url_unreachable", message: "The URL did not answer")
        let status = ConnectionStatus.degraded(reason: "push unavailable: LeadOS refused the request (422 url_unreachable) (R tries again)",
                                               nextRetry: nil)
        let commands = driver.on(.registrationAnswered(requestID: first, .failure(refused)))
        #expect(commands.last == .emit(.connection(status)))
        #expect(driver.machine.timers.isEmpty, "no retry of its own")
        #expect(driver.on(.refreshRequested) == [.loadNextWrite, .loadSavedRegistration(url: Self.url)])
        #expect(driver.on(.savedRegistrationLoaded(url: Self.url, secret: nil)) == [
            .register(url: Self.url, idempotencyKey: "idem_2", requestID: first + 1),
        ])
        driver.on(.registrationAnswered(requestID: first + 1, .success(Self.endpoint(Self.url))))
        #expect(driver.on(.refreshRequested) == [.loadNextWrite], "registered: R does not register again")
    }

    /// A registration that meets a refused key is sent again once the key works.
    @Test func aRegistrationRefusedForTheKeyIsSentWhenTheKeyWorks() {
        var driver = D(intervals: D.off, push: true)
        let first = Self.registering(&driver)
        driver.on(.registrationAnswered(requestID: first, .failure(Failures.refusedKey)))
        #expect(driver.pendingDelays == [.keyCheck: 60])
        driver.fire(.keyCheck)
        let accepted = driver.reply(.balance, .success(.balance(Polled.balance)))
        #expect(accepted.contains(.loadSavedRegistration(url: Self.url)))
    }

    @Test func pushedEventsAreStoredAndShownAtOnce() {
        var driver = D(intervals: D.off, push: true)
        _ = Self.registering(&driver)
        let lead = Fixtures.lead("del_push1", at: 1_800_000_000)
        #expect(driver.on(.pushed(.leadDelivered(eventID: "evt_1", createdAt: D.t0, lead: lead))) == [.storeLeads([lead])])
        let campaign = SyncMachineOutboxTests.paused
        #expect(driver.on(.pushed(.campaignPaused(eventID: "evt_2", createdAt: D.t0, campaign: campaign))) == [
            .emit(.campaign(campaign)), .cache(.campaign(campaign)),
        ])
        #expect(driver.on(.pushed(.balanceLow(eventID: "evt_3", createdAt: D.t0, balance: Polled.balance))) == [
            .emit(.balance(Polled.balance)), .cache(.balance(Polled.balance, at: driver.now)),
        ])
    }

    @Test func aReceiverThatCannotStartShowsPushUnavailable() {
        var driver = D(intervals: D.off, push: true)
        driver.on(.started(CachedStart()))
        driver.on(.nextWriteLoaded(nil, discarded: 0))
        let status = ConnectionStatus.degraded(reason: "push unavailable: port 9740 in use", nextRetry: nil)
        #expect(driver.on(.receiverFailed(reason: "port 9740 in use")).last == .emit(.connection(status)))
    }
}
