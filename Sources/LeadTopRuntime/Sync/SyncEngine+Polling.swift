import Foundation
import LeadOSAPI
import LeadTopCore

/// What one poll brought back, applied on the engine's queue.
enum PollResult: Sendable {
    case feed(FeedFetch, FeedCursor)
    /// The campaigns of up to `campaignPageLimit` pages, and whether LeadOS has more.
    case campaigns(CollectedPages<Campaign>)
    case balance(Balance)
    /// The stats and the reply's bytes, which the cache stores as they came.
    case stats(DeliveryStats, body: Data)
    case feedbackSummary(FeedbackSummary)
}

extension SyncEngine {
    /// Starts a request for `resource` now. Its id becomes the one whose reply counts: a reply to
    /// an older request (e.g. stats for the previous scope) is dropped when it arrives.
    func poll(_ resource: Resource) {
        var poller = pollers[resource] ?? PollerState()
        poller.timer?.cancel()
        poller.timer = nil
        nextRequestID += 1
        let requestID = nextRequestID
        poller.latestRequestID = requestID
        pollers[resource] = poller

        let client = self.client
        let cursor = feedCursor
        let scope = statsCampaignID
        let pageSize = options.feedPageSize
        let now = clock.now()
        Task { [weak self] in
            let result: Result<PollResult, any Error>
            do {
                result = .success(try await Self.fetch(resource, client: client, cursor: cursor, statsScope: scope,
                                                       pageSize: pageSize, now: now))
            } catch {
                result = .failure(error)
            }
            guard let self else { return }
            self.queue.async { self.complete(resource, requestID: requestID, result: result) }
        }
    }

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

    /// `now` bounds the feed cursor when a reply carries no `Date` header.
    static func fetch(_ resource: Resource, client: LeadOSClient, cursor: FeedCursor, statsScope: String?,
                      pageSize: Int, now: Date) async throws -> PollResult {
        switch resource {
        case .feed:
            var next = cursor
            let fetched = try await client.fetchFeed(after: &next, pageSize: pageSize, now: now)
            return .feed(fetched, next)
        case .campaigns:
            return .campaigns(try await client.campaignPages(CampaignQuery(limit: 100), maxPages: campaignPageLimit).collectPages())
        case .balance:
            return .balance(try await client.balance())
        case .stats:
            let (stats, body) = try await client.leadStatsWithBody(campaignID: statsScope)
            return .stats(stats, body: body)
        case .feedbackSummary:
            return .feedbackSummary(try await client.feedbackSummary())
        }
    }

    func complete(_ resource: Resource, requestID: Int, result: Result<PollResult, any Error>) {
        guard !stopped, var poller = pollers[resource], poller.latestRequestID == requestID else { return }
        let now = clock.now()
        let interval = options.intervals[resource]
        switch result {
        case .success(let value):
            poller.failures = 0
            apply(value, now: now)
            emit(.refreshed(resource, at: now))
            tracker.recordSuccess(resource.rawValue, at: now)
            if interval > 0 { poller.timer = arm(resource, after: max(interval, Self.spacing(after: value))) }
            pollers[resource] = poller
            keyAccepted(except: resource)
        case .failure(let error as LeadOSError) where error.isKeyRejection:
            pollers[resource] = poller
            rejectKey(error)
            return
        case .failure(let error) where keyRejection != nil:
            // A key check that failed on the way (network, 5xx): the key is still unproven.
            pollers[resource] = poller
            tracker.recordFailure(resource.rawValue, reason: Self.reason(error), detail: String(describing: error),
                                  nextRetry: nil, at: now)
            keyCheckFailed()
            return
        case .failure(let error):
            poller.failures += 1
            if interval > 0 {
                let delay = options.backoff.delay(afterAttempt: poller.failures, retryAfter: (error as? LeadOSError)?.meta?.retryAfter,
                                                  unitRandom: options.random())
                poller.timer = arm(resource, after: delay)
                tracker.recordFailure(resource.rawValue, reason: Self.reason(error), detail: String(describing: error),
                                      nextRetry: now.addingTimeInterval(delay), at: now, rateLimited: Self.isRateLimited(error))
            } else {
                tracker.recordFailure(resource.rawValue, reason: Self.reason(error), detail: String(describing: error),
                                      nextRetry: nil, at: now)
            }
            pollers[resource] = poller
        }
        publishConnection()
    }

    private func arm(_ resource: Resource, after seconds: TimeInterval) -> any ScheduledWork {
        scheduler.schedule(after: seconds) { [weak self] in
            guard let self else { return }
            self.queue.async {
                guard !self.stopped, self.keyRejection == nil else { return }
                self.poll(resource)
            }
        }
    }

    /// Says once which objects a resource's polls skip: the same unreadable lead at the feed's
    /// newest second comes back on every poll until newer leads move the cursor past it.
    private func reportUnreadable(_ resource: Resource, _ items: [UnreadableItem]) {
        guard items != reportedUnreadable[resource, default: []] else { return }
        reportedUnreadable[resource] = items
        if !items.isEmpty { emit(.skippedUnreadable(resource, items)) }
    }

    private func apply(_ value: PollResult, now: Date) {
        switch value {
        case .feed(let fetched, let cursor):
            let gapChanged = cursor.gap != feedCursor.gap
            feedCursor = cursor
            if !fetched.leads.isEmpty { storeAndEmit(fetched.leads) }
            // After the leads, so a saved gap never points past leads not stored yet.
            if gapChanged { try? store.saveFeedGap(cursor.gap) }
            reportUnreadable(.feed, fetched.unreadable)
        case .campaigns(let collected):
            if lastPolled.campaigns != collected.items {
                lastPolled.campaigns = collected.items
                emit(.campaigns(collected.items))
                try? store.cacheCampaigns(collected.items)
            }
            if collected.hasMore != moreCampaignsOnServer {
                moreCampaignsOnServer = collected.hasMore
                emit(.moreCampaignsOnServer(collected.hasMore))
            }
            reportUnreadable(.campaigns, collected.unreadable)
        case .balance(let balance):
            guard lastPolled.balance != balance else { return }
            lastPolled.balance = balance
            emit(.balance(balance))
            try? store.cacheValue(balance, for: .balance, at: now)
        case .stats(let stats, let body):
            if let last = lastPolled.stats, last.scope == stats.campaignID, last.body == body { return }
            lastPolled.stats = (stats.campaignID, body)
            emit(.stats(stats))
            // Stored as received: encoding 1,000 campaigns' breakdown again took 10 MB at its peak.
            try? store.cacheBody(body, for: .stats, at: now)
        case .feedbackSummary(let summary):
            guard lastPolled.feedbackSummary != summary else { return }
            lastPolled.feedbackSummary = summary
            emit(.feedbackSummary(summary))
            try? store.cacheValue(summary, for: .feedbackSummary, at: now)
        }
    }
}
