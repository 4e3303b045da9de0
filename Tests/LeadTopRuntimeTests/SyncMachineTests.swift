import Foundation
import LeadOSAPI
import LeadTopCore
import Testing
@testable import LeadTopRuntime

/// The polling policy, on the machine alone: exact commands for each event, no HTTP, no waiting.
@Suite struct SyncMachineTests {
    typealias D = MachineDriver

    /// Every resource has its poller's channel and back; the other channels poll nothing.
    @Test func channelsAndResourcesMapBothWays() {
        for resource in Resource.allCases { #expect(SyncChannel(resource).resource == resource) }
        #expect([SyncChannel.outbox, .push, .keyCheck].map(\.resource) == [nil, nil, nil])
        #expect(SyncChannel.allCases.compactMap(\.resource) == Resource.allCases)
    }

    @Test func startPollsEveryEnabledResourceOnceThenReadsTheOutbox() {
        var driver = D()
        #expect(driver.on(.started(CachedStart())) == [
            .publishPendingCount,
            .fetch(.feed(after: FeedCursor(), pageSize: 100), requestID: 1),
            .fetch(.campaigns(maxPages: 100), requestID: 2),
            .fetch(.balance, requestID: 3),
            .fetch(.stats(campaignID: nil), requestID: 4),
            .fetch(.feedbackSummary, requestID: 5),
            .loadNextWrite,
        ])
        #expect(driver.on(.nextWriteLoaded(nil, discarded: 0)) == [
            .emit(.connectionReport(ConnectionReport())), .logConnection(.live), .emit(.connection(.live)), .publishPendingCount,
        ])
        // Each reply re-arms its own poller at its own interval.
        let at = driver.now.addingTimeInterval(0.1)
        #expect(driver.reply(.balance, .success(.balance(Polled.balance)), after: 0.1) == [
            .emit(.balance(Polled.balance)), .cache(.balance(Polled.balance, at: at)), .emit(.refreshed(.balance, at: at)),
            .arm(.balance, after: 15),
        ])
        driver.reply(.feed, .success(Polled.feed([])))
        driver.reply(.campaigns, .success(Polled.campaignPages(Polled.campaigns)))
        driver.reply(.stats, .success(.stats(Polled.stats, body: Polled.statsBody)))
        driver.reply(.feedbackSummary, .success(.feedbackSummary(Polled.summary)))
        #expect(driver.pendingDelays == [.feed: 2, .campaigns: 10, .balance: 15, .stats: 60, .feedbackSummary: 60])
        // A timer that fires polls again, with a new request id.
        #expect(driver.fire(.feed) == [.fetch(.feed(after: FeedCursor(), pageSize: 100), requestID: 6)])
    }

    @Test func theCachedStateIsShownFirstAndTheFeedStartsAfterItsNewestLead() {
        var driver = D(intervals: D.feedOnly)
        let leads = [Fixtures.lead("del_b", at: 1_799_999_900), Fixtures.lead("del_a", at: 1_799_999_000)]
        var future = Fixtures.lead("del_z", at: 0)
        future.deliveredAt = Timestamp.parse("9999-12-31T23:59:59Z")!
        let page = FeedPage(request: FeedRequest(filter: .all, offset: 0, limit: 200, generation: 0), leads: [future] + leads,
                            matching: 3, total: 3, version: 1)
        var cached = CachedState()
        cached.campaigns = Polled.campaigns
        cached.balance = Polled.balance
        cached.savedAt = D.t0.addingTimeInterval(-60)
        let cursor = FeedCursor(known: page.leads, notAfter: D.t0.addingTimeInterval(FeedCursor.clockSkewAllowance))
        #expect(cursor.newest == Date(timeIntervalSince1970: 1_799_999_900), "a lead from the future does not set the start")
        #expect(driver.on(.started(CachedStart(cached: cached, firstPage: page))) == [
            .emit(.campaigns(Polled.campaigns)), .emit(.feedPage(page)), .emit(.balance(Polled.balance)),
            .emit(.loadedFromCache(at: D.t0.addingTimeInterval(-60))),
            .publishPendingCount,
            .fetch(.feed(after: cursor, pageSize: 100), requestID: 1),
            .loadNextWrite,
        ])
    }

    /// Full-jitter backoff (here the jitter is fixed at one half) doubles per failure up to the cap,
    /// shows the wait in the status, goes offline after three failures, and a success ends it.
    @Test func failedPollsBackOffExactlyAndRecover() {
        var driver = D(intervals: D.feedOnly)
        driver.start()
        let failure = Failures.unavailable
        let first = driver.now
        let degraded = ConnectionStatus.degraded(reason: "LeadOS error 503", nextRetry: first.addingTimeInterval(0.5))
        #expect(driver.reply(.feed, .failure(failure)) == [
            .arm(.feed, after: 0.5),
            .emit(.connectionReport(ConnectionReport(failures: [
                .init(channel: "feed", summary: "LeadOS error 503", detail: failure.detail, at: first, nextRetry: first.addingTimeInterval(0.5)),
            ]))),
            .logConnection(degraded),
            .emit(.connection(degraded)),
        ])
        #expect(failure.detail == "LeadOS 503 api_error/service_unavailable: no [req_1]")
        var waits: [TimeInterval] = [0.5]
        var statuses: [ConnectionStatus] = []
        for _ in 2...8 {
            let next = driver.requestID(.feed) + 1
            #expect(driver.fire(.feed) == [.fetch(.feed(after: FeedCursor(), pageSize: 100), requestID: next)])
            let commands = driver.reply(.feed, .failure(failure))
            for case .arm(.feed, let wait) in commands { waits.append(wait) }
            for case .emit(.connection(let status)) in commands { statuses.append(status) }
        }
        #expect(waits == [0.5, 1, 2, 4, 8, 15, 15, 15])
        #expect(statuses.first == .degraded(reason: "LeadOS error 503", nextRetry: first.addingTimeInterval(1.5)))
        #expect(statuses.dropFirst().first == .offline(since: first, reason: "LeadOS error 503", nextRetry: first.addingTimeInterval(3.5)))
        // Recovery: the next poll succeeds, the poller is back on its interval, the state is live.
        driver.fire(.feed)
        let back = driver.reply(.feed, .success(Polled.feed([])))
        #expect(back == [
            .emit(.refreshed(.feed, at: driver.now)), .arm(.feed, after: 2),
            .emit(.connectionReport(ConnectionReport(failures: [], lastSuccess: driver.now))),
            .logConnection(.live), .emit(.connection(.live)),
        ])
        // The count starts again: the next failure waits the first step.
        driver.fire(.feed)
        #expect(driver.reply(.feed, .failure(failure)).first == .arm(.feed, after: 0.5))
    }

    @Test func backoffJitterComesFromTheInjectedSource() {
        var driver = D(intervals: D.feedOnly, random: 0.999)
        driver.start()
        var waits: [TimeInterval] = []
        for attempt in 1...9 {
            if attempt > 1 { driver.fire(.feed) }
            for case .arm(.feed, let wait) in driver.reply(.feed, .failure(Failures.unavailable)) { waits.append(wait) }
        }
        #expect(waits.map { ($0 * 1000).rounded() / 1000 } == [0.999, 1.998, 3.996, 7.992, 15.984, 29.97, 29.97, 29.97, 29.97])
    }

    /// Retry-After wins over the backoff, held within 1 s … 1 h; a rate-limited poller is never
    /// called offline (LeadOS answers, and says when to come back).
    @Test func retryAfterIsClampedAndRateLimitsAreNeverOffline() {
        var driver = D(intervals: D.feedOnly)
        driver.start()
        var waits: [TimeInterval] = []
        var statuses: [ConnectionStatus] = []
        for retryAfter in ["0", "7", "9223372036854775807", nil, "3599"] {
            if !waits.isEmpty { driver.fire(.feed) }
            let commands = driver.reply(.feed, .failure(Failures.rateLimited(retryAfter: retryAfter)))
            for case .arm(.feed, let wait) in commands { waits.append(wait) }
            for case .emit(.connection(let status)) in commands { statuses.append(status) }
        }
        // Without a Retry-After, the fourth failure's backoff: 0.5 × 8 s.
        #expect(waits == [1, 7, 3600, 4, 3599])
        #expect(statuses.last == .degraded(reason: "rate limited", nextRetry: driver.now.addingTimeInterval(3599)))
        #expect(statuses.allSatisfy { if case .degraded(reason: "rate limited", _) = $0 { true } else { false } })
    }

    /// Only the reply to the latest request of a resource counts: refresh-now and a new stats
    /// scope make replies to earlier requests stale, and they change nothing.
    @Test func staleRepliesAreDroppedByRequestID() {
        var driver = D()
        let first = driver.start()
        #expect(first == [.feed: 1, .campaigns: 2, .balance: 3, .stats: 4, .feedbackSummary: 5])
        #expect(driver.on(.refreshRequested, after: 1) == [
            .fetch(.feed(after: FeedCursor(), pageSize: 100), requestID: 6),
            .fetch(.campaigns(maxPages: 100), requestID: 7),
            .fetch(.balance, requestID: 8),
            .fetch(.stats(campaignID: nil), requestID: 9),
            .fetch(.feedbackSummary, requestID: 10),
            .loadNextWrite,
        ])
        let stale = DeliveryStats(startDate: "2020-01-01", endDate: "2020-01-01", campaignID: "camp_old",
                                  totals: .init(delivered: 9, creditsConsumed: 9, avgScore: 50), data: [])
        let staleBody = try! LeadOSJSON.encode(stale)
        #expect(driver.on(.polled(.stats, requestID: 4, .success(.stats(stale, body: staleBody)))) == [])
        #expect(driver.on(.polled(.balance, requestID: 3, .failure(Failures.unavailable))) == [])
        #expect(driver.on(.polled(.feed, requestID: 1, .failure(Failures.refusedKey))) == [])
        #expect(driver.machine.keyRejection == nil)
        #expect(driver.on(.polled(.stats, requestID: 9, .success(.stats(Polled.stats, body: Polled.statsBody)))) == [
            .emit(.stats(Polled.stats)), .cache(.stats(body: Polled.statsBody, at: driver.now)),
            .emit(.refreshed(.stats, at: driver.now)), .arm(.stats, after: 60),
        ])
        // A new scope is fetched at once; the reply for the old scope, still on its way, is stale.
        #expect(driver.on(.statsScopeChanged(campaignID: "camp_abc123")) == [
            .cancel(.stats), .fetch(.stats(campaignID: "camp_abc123"), requestID: 11),
        ])
        #expect(driver.on(.polled(.stats, requestID: 9, .success(.stats(stale, body: staleBody)))) == [])
    }

    /// Most polls bring nothing new: they write nothing to the cache and emit only the refresh
    /// time, which needs no frame of its own.
    @Test func anIdlePollStoresNothingAndAsksForNoFrame() {
        var driver = D()
        driver.start()
        let lead = Fixtures.lead("del_a", at: 1_799_999_000)
        let feed = Polled.feed([lead])
        guard case .feed(_, let cursor) = feed else { return }
        #expect(driver.reply(.feed, .success(feed)) == [.storeLeads([lead]), .emit(.refreshed(.feed, at: driver.now)), .arm(.feed, after: 2)])
        driver.reply(.campaigns, .success(Polled.campaignPages(Polled.campaigns)))
        driver.reply(.balance, .success(.balance(Polled.balance)))
        driver.reply(.stats, .success(.stats(Polled.stats, body: Polled.statsBody)))
        driver.reply(.feedbackSummary, .success(.feedbackSummary(Polled.summary)))

        let same: [Resource: PollResult] = [
            .feed: .feed(FeedFetch(leads: []), cursor), .campaigns: Polled.campaignPages(Polled.campaigns),
            .balance: .balance(Polled.balance), .stats: .stats(Polled.stats, body: Polled.statsBody),
            .feedbackSummary: .feedbackSummary(Polled.summary),
        ]
        for resource in Resource.allCases {
            driver.fire(SyncChannel(resource))
            let commands = driver.reply(resource, .success(same[resource]!))
            #expect(commands == [.emit(.refreshed(resource, at: driver.now)),
                                 .arm(SyncChannel(resource), after: MachineDriver.standardInterval(resource))], "\(resource)")
            #expect(commands.compactMap(\.update).allSatisfy { !$0.needsFrame })
        }
        // The same budget again is no news either; a new remaining count is, with a frame of its
        // own (the clock ticks only for what reads it).
        let limit = RateLimit(limit: 120, remaining: 99, resetAt: nil)
        #expect(driver.on(.rateLimitSeen(limit)) == [.emit(.rateLimit(remaining: 99, limit: 120))])
        #expect(driver.on(.rateLimitSeen(limit)) == [])
        #expect(driver.on(.rateLimitSeen(RateLimit(limit: 120, remaining: 99, resetAt: D.t0))) == [])
        #expect(SyncUpdate.rateLimit(remaining: 99, limit: 120).needsFrame)
        // A changed balance is news: shown and cached.
        var lower = Polled.balance
        lower.creditsRemaining = 90
        driver.fire(.balance)
        #expect(driver.reply(.balance, .success(.balance(lower))) == [
            .emit(.balance(lower)), .cache(.balance(lower, at: driver.now)), .emit(.refreshed(.balance, at: driver.now)),
            .arm(.balance, after: 15),
        ])
    }

    /// Unreadable objects are reported once, not on every poll that brings them again.
    @Test func unreadableObjectsAreReportedOnce() {
        var driver = D(intervals: D.feedOnly)
        driver.start()
        let item = UnreadableItem(index: 1, id: "del_b", reason: "score: expected Int")
        let fetched = PollResult.feed(FeedFetch(leads: [], unreadable: [item]), FeedCursor())
        #expect(driver.reply(.feed, .success(fetched)) == [
            .emit(.skippedUnreadable(.feed, [item])), .emit(.refreshed(.feed, at: driver.now)), .arm(.feed, after: 2),
        ])
        driver.fire(.feed)
        #expect(driver.reply(.feed, .success(fetched)) == [.emit(.refreshed(.feed, at: driver.now)), .arm(.feed, after: 2)])
    }

    /// A walk of 100 campaign pages waits 150 s before the next (40 requests a minute), and says
    /// LeadOS has more.
    @Test func aLongCampaignWalkIsSpacedOut() {
        var driver = D(intervals: PollIntervals(feed: 0, campaigns: 10, balance: 0, stats: 0, feedbackSummary: 0))
        driver.start()
        #expect(driver.reply(.campaigns, .success(Polled.campaignPages(Polled.campaigns, pages: 100, hasMore: true))) == [
            .emit(.campaigns(Polled.campaigns)), .cache(.campaigns(Polled.campaigns)), .emit(.moreCampaignsOnServer(true)),
            .emit(.refreshed(.campaigns, at: driver.now)), .arm(.campaigns, after: 150),
        ])
    }

    /// After stop, timers are called off and every reply or timer is ignored.
    @Test func stopCancelsEveryTimerAndIgnoresLateReplies() {
        var driver = D(intervals: D.feedOnly, push: true)
        driver.start()
        driver.reply(.feed, .success(Polled.feed([])))
        #expect(driver.on(.stopped) == [.cancel(.feed), .stopReceiver])
        #expect(driver.on(.timerFired(.feed)) == [])
        #expect(driver.on(.polled(.feed, requestID: driver.requestID(.feed), .success(Polled.feed([])))) == [])
        #expect(driver.on(.refreshRequested) == [])
        #expect(driver.on(.writeEnqueued) == [.publishPendingCount])
        #expect(driver.on(.started(CachedStart())) == [], "a stopped engine does not start again")
    }
}

extension MachineDriver {
    static func standardInterval(_ resource: Resource) -> TimeInterval { PollIntervals.standard[resource] }
}
