import Foundation
import LeadOSAPI
import LeadTopCore

extension SyncMachine {
    /// Pages of campaigns one poll fetches at most: 10,000 campaigns. More would cost more than the
    /// rate limit's whole minute on every poll; the pane says when LeadOS has more.
    static let campaignPageLimit = 100

    /// Requests a minute the campaigns poller may spend: a third of the contract's 120.
    static let campaignRequestsPerMinute: Double = 40

    /// The least wait before the next poll of the same resource: a walk of N campaign pages waits
    /// N × 1.5 s, so an account with thousands of campaigns does not spend the whole rate limit
    /// (100 pages every 10 s would be 600 requests a minute).
    static func spacing(after value: PollResult) -> TimeInterval {
        guard case .campaigns(let collected) = value else { return 0 }
        return Double(collected.pages) * 60 / campaignRequestsPerMinute
    }

    /// Seconds between polls of `resource` (0: off). While pushes arrive, the feed poll is only a
    /// safety net for pushes lost on the way, so it runs every `pushFeedInterval` at most.
    func interval(_ resource: Resource) -> TimeInterval {
        let interval = configuration.intervals[resource]
        guard resource == .feed, push.live, interval > 0 else { return interval }
        return max(interval, configuration.pushFeedInterval)
    }

    /// Starts a request for `resource` now. Its id becomes the one whose reply counts: a reply to
    /// an older request (e.g. stats for the previous scope) is dropped when it arrives.
    mutating func poll(_ resource: Resource) {
        cancelTimer(SyncChannel(resource))
        nextRequestID += 1
        polls[resource, default: PollState()].latestRequestID = nextRequestID
        send(.fetch(query(resource), requestID: nextRequestID))
    }

    private func query(_ resource: Resource) -> PollQuery {
        switch resource {
        case .feed: .feed(after: feedCursor, pageSize: configuration.feedPageSize)
        case .campaigns: .campaigns(maxPages: Self.campaignPageLimit)
        case .balance: .balance
        case .stats: .stats(campaignID: statsScope, dates: statsDates)
        case .feedbackSummary: .feedbackSummary
        }
    }

    /// LeadOS's default span is the standard range and is asked for without dates, as it always
    /// was; any other range ends on the dashboard's UTC day.
    private var statsDates: PollQuery.StatsDates? {
        guard statsRange != .standard else { return nil }
        let (start, end) = statsRange.dates(endingAt: now)
        return PollQuery.StatsDates(start: start, end: end)
    }

    mutating func complete(_ resource: Resource, requestID: Int, result: Result<PollResult, SyncFailure>) {
        guard isRunning, var poller = polls[resource], poller.latestRequestID == requestID else { return }
        let channel = SyncChannel(resource)
        let interval = interval(resource)
        switch result {
        case .success(let value):
            poller.failures = 0
            polls[resource] = poller
            apply(value)
            send(.emit(.refreshed(resource, at: now)))
            tracker.recordSuccess(channel, at: now)
            if interval > 0 { arm(channel, after: max(interval, Self.spacing(after: value))) }
            keyAccepted(except: resource)
        case .failure(let failure) where failure.isKeyRejection:
            rejectKey(failure)
            return
        case .failure(let failure) where keyRejection != nil:
            // A key check that failed on the way (network, 5xx): the key is still unproven.
            tracker.recordFailure(channel, reason: failure.summary, detail: failure.detail, nextRetry: nil, at: now)
            keyCheckFailed()
            return
        case .failure(let failure):
            poller.failures += 1
            polls[resource] = poller
            if interval > 0 {
                let delay = retryDelay(afterAttempt: poller.failures, failure)
                arm(channel, after: delay)
                tracker.recordFailure(channel, reason: failure.summary, detail: failure.detail,
                                      nextRetry: now.addingTimeInterval(delay), at: now, rateLimited: failure.isRateLimited)
            } else {
                tracker.recordFailure(channel, reason: failure.summary, detail: failure.detail, nextRetry: nil, at: now)
            }
        }
        publishConnection()
    }

    /// Says once which objects a resource's polls skip: the same unreadable lead at the feed's
    /// newest second comes back on every poll until newer leads move the cursor past it.
    private mutating func reportUnreadable(_ resource: Resource, _ items: [UnreadableItem]) {
        guard items != reportedUnreadable[resource, default: []] else { return }
        reportedUnreadable[resource] = items
        if !items.isEmpty { send(.emit(.skippedUnreadable(resource, items))) }
    }

    /// What a poll brought: only what changed is cached and reported.
    private mutating func apply(_ value: PollResult) {
        switch value {
        case .feed(let fetched, let cursor):
            let gapChanged = cursor.gap != feedCursor.gap
            feedCursor = cursor
            if !fetched.leads.isEmpty { send(.storeLeads(fetched.leads)) }
            // After the leads, so a saved gap never points past leads not stored yet.
            if gapChanged { send(.saveFeedGap(cursor.gap)) }
            reportUnreadable(.feed, fetched.unreadable)
        case .campaigns(let collected):
            if lastPolled.campaigns != collected.items {
                lastPolled.campaigns = collected.items
                send(.emit(.campaigns(collected.items)))
                send(.cache(.campaigns(collected.items)))
            }
            if collected.hasMore != moreCampaignsOnServer {
                moreCampaignsOnServer = collected.hasMore
                send(.emit(.moreCampaignsOnServer(collected.hasMore)))
            }
            reportUnreadable(.campaigns, collected.unreadable)
        case .balance(let balance):
            guard lastPolled.balance != balance else { return }
            lastPolled.balance = balance
            send(.emit(.balance(balance)))
            send(.cache(.balance(balance, at: now)))
        case .stats(let stats, let body):
            if lastPolled.stats == stats { return }
            lastPolled.stats = stats
            send(.emit(.stats(stats)))
            // The start shows the account's stats over the standard range; caching another range
            // or a campaign's stats under that one name would show them as those at the next start.
            if stats.campaignID == nil, statsRange == .standard { send(.cache(.stats(body: body, at: now))) }
        case .feedbackSummary(let summary):
            guard lastPolled.feedbackSummary != summary else { return }
            lastPolled.feedbackSummary = summary
            send(.emit(.feedbackSummary(summary)))
            send(.cache(.feedbackSummary(summary, at: now)))
        }
    }
}
