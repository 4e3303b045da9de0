import Foundation
import LeadOSAPI

extension WorldState {
    mutating func createCampaign(_ draft: CampaignDraft, now: Date) throws(APIFailure) -> Campaign {
        advance(to: now)
        if draft.status == .active, creditsRemaining < draft.enrichmentLevel.fullCost {
            throw .insufficientCredits(needed: draft.enrichmentLevel.fullCost, remaining: creditsRemaining)
        }
        let at = Date(timeIntervalSince1970: floor(now.timeIntervalSince1970))
        let c = Campaign(id: nextCampaignID(), name: draft.name, status: draft.status, pausedReason: nil,
                         dailyLeadCap: draft.dailyLeadCap, totalLeadCap: draft.totalLeadCap, jobTitles: draft.jobTitles,
                         industries: draft.industries, companySizes: draft.companySizes, geographies: draft.geographies,
                         minScore: draft.minScore, enrichmentLevel: draft.enrichmentLevel, leadsDelivered: 0,
                         leadsDeliveredToday: 0, creditsSpent: 0, createdAt: at, updatedAt: at)
        campaigns[c.id] = CampaignRecord(campaign: c, countedDay: Self.day(now))
        campaignOrder.append(c.id)
        sortCampaignOrder()
        return c
    }

    /// Applies a PATCH following the state machine (API.md §6.3): completed refuses everything,
    /// a launch from draft needs credits, a launch from paused must go through /resume.
    mutating func updateCampaign(_ id: String, _ patch: CampaignPatch, now: Date) throws(APIFailure) -> Campaign {
        advance(to: now)
        guard var record = campaigns[id] else { throw .resourceMissing("campaign", id) }
        var c = record.campaign
        if let cap = patch.totalLeadCap, let newCap = cap, newCap <= c.leadsDelivered {
            throw .invalid("total_lead_cap", "total_lead_cap must be greater than leads_delivered (\(c.leadsDelivered)).")
        }
        if patch.launch, c.status == .paused {
            throw .invalid("status", "A paused campaign is started again with POST /v1/campaigns/\(id)/resume.")
        }
        if c.status == .completed { throw .campaignState("Campaign \(id) is completed and can no longer be changed.") }

        if let v = patch.name { c.name = v }
        if let v = patch.dailyLeadCap { c.dailyLeadCap = v }
        if let v = patch.totalLeadCap { c.totalLeadCap = v }
        if let v = patch.jobTitles { c.jobTitles = v }
        if let v = patch.industries { c.industries = v }
        if let v = patch.companySizes { c.companySizes = v }
        if let v = patch.geographies { c.geographies = v }
        if let v = patch.minScore { c.minScore = v }
        if let v = patch.enrichmentLevel { c.enrichmentLevel = v }
        if patch.launch, c.status == .draft {
            guard creditsRemaining >= c.enrichmentLevel.fullCost else {
                throw .insufficientCredits(needed: c.enrichmentLevel.fullCost, remaining: creditsRemaining)
            }
            c.status = .active
        }
        if c != record.campaign { c.updatedAt = Date(timeIntervalSince1970: floor(now.timeIntervalSince1970)) }
        record.campaign = c
        campaigns[id] = record
        return campaign(record, now: now)
    }

    mutating func pauseCampaign(_ id: String, now: Date) throws(APIFailure) -> Campaign {
        advance(to: now)
        guard var record = campaigns[id] else { throw .resourceMissing("campaign", id) }
        switch record.campaign.status {
        case .paused: return campaign(record, now: now)
        case .draft: throw .campaignState("Campaign \(id) is a draft; launch it before pausing.")
        case .completed: throw .campaignState("Campaign \(id) is completed.")
        case .active:
            record.campaign.status = .paused
            record.campaign.pausedReason = .user
            record.campaign.updatedAt = Date(timeIntervalSince1970: floor(now.timeIntervalSince1970))
            campaigns[id] = record
            let snapshot = campaign(record, now: now)
            emit(.campaignPaused(eventID: nextEventID(), createdAt: record.campaign.updatedAt, campaign: snapshot))
            return snapshot
        }
    }

    mutating func resumeCampaign(_ id: String, now: Date) throws(APIFailure) -> Campaign {
        advance(to: now)
        guard var record = campaigns[id] else { throw .resourceMissing("campaign", id) }
        switch record.campaign.status {
        case .active: return campaign(record, now: now)
        case .draft: throw .campaignState("Campaign \(id) is a draft; launch it with PATCH {\"status\":\"active\"}.")
        case .completed: throw .campaignState("Campaign \(id) is completed.")
        case .paused:
            let cost = record.campaign.enrichmentLevel.fullCost
            guard creditsRemaining >= cost else { throw .insufficientCredits(needed: cost, remaining: creditsRemaining) }
            record.campaign.status = .active
            record.campaign.pausedReason = nil
            record.campaign.updatedAt = Date(timeIntervalSince1970: floor(now.timeIntervalSince1970))
            campaigns[id] = record
            return campaign(record, now: now)
        }
    }

    /// One page of campaigns, newest first.
    func campaignPage(limit: Int, startingAfter: String?, status: CampaignStatus?, now: Date) throws(APIFailure) -> ListEnvelope<Campaign> {
        var start = 0
        if let after = startingAfter {
            guard let i = campaignOrder.firstIndex(of: after) else {
                throw .invalid("starting_after", "No campaign with id '\(after.prefix(100))' exists.")
            }
            start = i + 1
        }
        var items: [Campaign] = []
        var hasMore = false
        var i = start
        while i < campaignOrder.count {
            let record = campaigns[campaignOrder[i]]!
            i += 1
            if let status, record.campaign.status != status { continue }
            if items.count == limit { hasMore = true; break }
            items.append(campaign(record, now: now))
        }
        return ListEnvelope(data: items, hasMore: hasMore, nextCursor: hasMore ? items.last?.id : nil)
    }
}
