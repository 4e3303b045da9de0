import Foundation
import LeadOSAPI

/// Facts from the sync engine. Optimistic writes still in flight win over polled data until they
/// settle, so a poll that raced a write does not flip the row back and forth.
extension AppState {
    mutating func apply(_ update: SyncUpdate) -> [Effect] {
        switch update {
        case .leads(let incoming):
            receive(incoming, arrivedAt: hasInitialLeads ? now : nil)
        case .cachedLeads(let older):
            receive(older, arrivedAt: nil)
        case .campaigns(let list):
            replaceCampaigns(list)
        case .campaign(let campaign):
            var list = campaigns
            if let index = campaignIndex[campaign.id] { list[index] = campaign } else { list.insert(campaign, at: 0) }
            replaceCampaigns(list)
        case .balance(let balance):
            self.balance = balance
        case .stats(let stats):
            if stats.campaignID == nil {
                self.stats = stats
                campaignSeries = Self.series(from: stats, days: settings.sparklineDays)
            } else if stats.campaignID == scopeCampaignID {
                scopedStats = stats
            }
        case .feedbackSummary(let summary):
            feedbackSummary = summary
        case .connection(let status):
            connection = status
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
            settle(outcome)
        }
        return []
    }

    /// Adds leads while keeping the selection on the same lead. If the feed was scrolled to the
    /// top, new leads push rows down; otherwise the rows on screen stay where they are.
    /// `arrivedAt` starts a NEW mark; nil for leads that were there before (first batch, cache).
    private mutating func receive(_ incoming: [Lead], arrivedAt: Date?) {
        guard !incoming.isEmpty else { return }
        let wasAtTop = feedScroll == 0
        let topID = leads.entry(atRow: feedScroll)?.lead.id
        var batch = incoming
        for i in batch.indices {
            if let pending = pendingFeedback[batch[i].id] { batch[i].feedback = pending.optimistic }
        }
        leads.upsert(batch, arrivedAt: arrivedAt)
        hasInitialLeads = true
        if !wasAtTop, let topID, let row = leads.row(ofID: topID) { feedScroll = row }
        if wasAtTop { feedScroll = 0 }
        if let row = selectedLeadRow {
            revealLead(row: row)
        } else {
            selectedLeadID = leads.entry(atRow: min(feedScroll, max(0, leads.visibleCount - 1)))?.lead.id
        }
        clampFeedScroll()
    }

    private mutating func replaceCampaigns(_ list: [Campaign]) {
        campaigns = list
        campaignIndex = Dictionary(list.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
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

    /// Deliveries per campaign for the last `days` days of account stats, oldest first.
    static func series(from stats: DeliveryStats, days: Int) -> [String: [Int]] {
        let recent = stats.data.suffix(days)
        var result: [String: [Int]] = [:]
        for (offset, day) in recent.enumerated() {
            for part in day.byCampaign {
                result[part.campaignID, default: Array(repeating: 0, count: recent.count)][offset] = part.delivered
            }
        }
        return result
    }
}
