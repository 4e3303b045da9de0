import Foundation
import LeadOSContract

/// Facts from the sync engine. Optimistic writes still in flight win over polled data until they
/// settle, so a poll that raced a write does not flip the row back and forth.
extension AppState {
    mutating func apply(_ update: SyncUpdate) -> [Effect] {
        switch update {
        case .leads(let stored):
            receive(stored)
            return notifyLeads(stored.added)
        case .feedPage(let page):
            acceptFeedPage(page)
        case .feedPageFailed(let request, let message):
            leads.abandon(request)
            show("Could not read the feed from the local cache: \(message)", kind: .error)
        case .campaigns(let list):
            let previous = campaigns
            replaceCampaigns(list)
            return notifyPauses(from: previous, to: list)
        case .campaign(let campaign):
            let previous = campaigns
            var list = campaigns
            if let index = campaignIndex[campaign.id] { list[index] = campaign } else { list.insert(campaign, at: 0) }
            replaceCampaigns(list)
            return notifyPauses(from: previous, to: [campaign])
        case .balance(let balance):
            let previous = self.balance
            self.balance = balance
            return notifyBalance(from: previous, to: balance)
        case .stats(let stats):
            if stats.campaignID == nil {
                self.stats = stats
                campaignSeries = Self.series(from: stats, days: settings.sparklineDays)
            } else if stats.campaignID == scopeCampaignID {
                scopedStats = stats
            }
        case .feedbackSummary(let summary):
            feedbackSummary = summary
            uncountedFeedback = [:]
        case .connection(let status):
            connection = status
        case .connectionReport(let report):
            connectionReport = report
        case .refreshed(let resource, let at):
            lastRefresh[resource] = at
            staleSince = nil
        case .loadedFromCache(let at):
            staleSince = at
        case .pendingWrites(let count):
            pendingWrites = count
        case .rateLimit(let remaining, let limit):
            rateLimit = RateLimit(remaining: remaining, limit: limit)
        case .writeSettled(let outcome):
            return settle(outcome)
        case .writeWithdrawn(let command, let removed):
            return writeWithdrawn(command, removed: removed)
        case .notice(let text):
            show(text)
        case .skippedUnreadable(let resource, let items):
            if let text = Self.unreadableNote(resource, items) { show(text, kind: .error) }
        case .moreCampaignsOnServer(let more):
            moreCampaignsOnServer = more
        case .viewEmails(let filter, let emails):
            receiveViewEmails(emails, for: filter)
        case .viewEmailsFailed(let filter, let message):
            guard awaitingViewEmails == filter else { return [] }
            awaitingViewEmails = nil
            show("Could not read the filtered feed's addresses from the local cache: \(message)", kind: .error)
        case .suppressionApplied(let emails, let result):
            recordSuppression(result, for: emails)
        }
        return []
    }

    private mutating func replaceCampaigns(_ list: [Campaign]) {
        campaigns = campaignOrder.map { $0.sorted(list, series: campaignSeries) } ?? list
        campaignIndex = Dictionary(campaigns.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (id, _) in pendingCampaigns {
            guard let index = campaignIndex[id] else { continue }
            // Re-apply the optimistic state of a write still in flight.
            switch pendingCampaigns[id]!.status {
            case .active: campaigns[index].status = .paused; campaigns[index].pausedReason = .user
            case .paused: campaigns[index].status = .active; campaigns[index].pausedReason = nil
            case .draft, .completed: break
            }
        }
        if selectedCampaignID.flatMap({ campaignIndex[$0] }) == nil { selectedCampaignID = campaigns.first?.id }
        if let row = selectedCampaignRow { revealCampaign(row: row) }
        clampCampaignScroll()
    }

    /// "Skipped 2 unreadable leads (del_abc123: score: expected Int)": how many, and the first one.
    static func unreadableNote(_ resource: Resource, _ items: [UnreadableItem]) -> String? {
        guard let first = items.first else { return nil }
        let noun: String
        switch resource {
        case .feed: noun = items.count == 1 ? "lead" : "leads"
        case .campaigns: noun = items.count == 1 ? "campaign" : "campaigns"
        default: noun = items.count == 1 ? "object" : "objects"
        }
        let which = first.id.map { "\($0): " } ?? "#\(first.index + 1): "
        return "Skipped \(items.count) unreadable \(noun) (\(which)\(first.reason))"
    }

    /// Deliveries per campaign for the last `days` days of account stats, oldest first.
    ///
    /// Each campaign's row is found by a cheap hash of its id (`SeriesKey`) instead of the
    /// `String`'s own hashing: a month of 1,000 campaigns is 14,000 lookups, on the UI thread.
    static func series(from stats: DeliveryStats, days: Int) -> [String: [Int]] {
        let recent = stats.data.suffix(days)
        let width = recent.count
        var rows: [SeriesKey: Int] = [:]
        rows.reserveCapacity(recent.lazy.map(\.byCampaign.count).max() ?? 0)
        var ids: [String] = []
        var counts: [Int] = []
        for (offset, day) in recent.enumerated() {
            for part in day.byCampaign {
                let key = SeriesKey(part.campaignID)
                let row: Int
                if let known = rows[key] {
                    row = known
                } else {
                    row = ids.count
                    rows[key] = row
                    ids.append(part.campaignID)
                    counts.append(contentsOf: repeatElement(0, count: width))
                }
                counts[row * width + offset] = part.delivered
            }
        }
        var result: [String: [Int]] = [:]
        result.reserveCapacity(ids.count)
        for (row, id) in ids.enumerated() { result[id] = Array(counts[(row * width)..<((row + 1) * width)]) }
        return result
    }
}
