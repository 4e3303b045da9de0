import Foundation
import LeadOSAPI

extension WorldState {
    /// Delivers up to `count` leads now to active campaigns, honouring targeting, daily and total
    /// caps, the suppression list and credits. Stops early when no campaign can take a lead.
    mutating func deliver(count: Int, now: Date) -> [Lead] {
        advance(to: now)
        let today = Self.day(now)
        var delivered: [Lead] = []
        for _ in 0..<max(0, count) {
            pauseCampaignsShortOfCredits(now: now)
            let eligible = campaignOrder.filter { id in
                let r = campaigns[id]!
                guard r.campaign.status == .active else { return false }
                let todayCount = r.countedDay == today ? r.campaign.leadsDeliveredToday : 0
                return todayCount < r.campaign.dailyLeadCap
            }
            guard !eligible.isEmpty else { break }
            let id = rng.pick(eligible)
            guard let lead = deliverOne(to: id, now: now) else { continue }
            delivered.append(lead)
        }
        pauseCampaignsShortOfCredits(now: now)
        return delivered
    }

    /// Generates and records one lead for a campaign; nil if every candidate was suppressed.
    private mutating func deliverOne(to campaignID: String, now: Date) -> Lead? {
        guard var record = campaigns[campaignID] else { return nil }
        let at = Date(timeIntervalSince1970: floor(now.timeIntervalSince1970))
        var made: LeadFactory.Made?
        for _ in 0..<8 {
            let candidate = LeadFactory.make(id: "", campaign: record.campaign, deliveredAt: at, hostile: hostile, rng: &rng)
            if !suppressed.contains(candidate.personEmail.lowercased()) { made = candidate; break }
        }
        guard var made else { return nil }
        made.lead.id = nextLeadID()
        let lead = made.lead

        let today = Self.day(now)
        if record.countedDay != today { record.countedDay = today; record.campaign.leadsDeliveredToday = 0 }
        record.campaign.leadsDeliveredToday += 1
        record.campaign.leadsDelivered += 1
        record.campaign.creditsSpent += lead.creditsConsumed
        if let cap = record.campaign.totalLeadCap, record.campaign.leadsDelivered >= cap {
            record.campaign.status = .completed
            record.campaign.updatedAt = at
        }
        campaigns[campaignID] = record
        insert(StoredLead(lead: lead, personEmail: made.personEmail, encoded: nil))

        creditsRemaining -= lead.creditsConsumed
        creditsUsedThisPeriod += lead.creditsConsumed
        emit(.leadDelivered(eventID: nextEventID(), createdAt: at, lead: lead))
        if creditsRemaining < lowBalanceThreshold, !lowBalanceNotified {
            lowBalanceNotified = true
            emit(.balanceLow(eventID: nextEventID(), createdAt: at, balance: balance()))
        }
        return lead
    }

    /// Active campaigns whose next lead would cost more than what is left move to paused.
    mutating func pauseCampaignsShortOfCredits(now: Date) {
        let at = Date(timeIntervalSince1970: floor(now.timeIntervalSince1970))
        for id in campaignOrder {
            guard var record = campaigns[id], record.campaign.status == .active,
                  creditsRemaining < record.campaign.enrichmentLevel.fullCost else { continue }
            record.campaign.status = .paused
            record.campaign.pausedReason = .insufficientCredits
            record.campaign.updatedAt = at
            campaigns[id] = record
            emit(.campaignPaused(eventID: nextEventID(), createdAt: at, campaign: campaign(record, now: now)))
        }
    }

    mutating func nextEventID() -> String { "evt_" + rng.alphanumerics(16) }

    /// Queues an event for every endpoint subscribed to its type. The body is encoded once here, so
    /// every attempt sends the same bytes.
    mutating func emit(_ event: WebhookEvent) {
        let type = event.type.rawValue
        let targets = webhooks.filter { $0.events.contains(type) || $0.events.contains("*") }
            .map { WebhookTarget(endpointID: $0.endpoint.id, url: $0.endpoint.url, secret: $0.endpoint.secret) }
        guard !targets.isEmpty, let body = try? LeadOSJSON.encode(event) else { return }
        outbox.append(OutgoingEvent(type: event.type, eventID: event.eventID, body: Array(body), targets: targets))
    }
}

/// Where one event goes: an endpoint's URL and signing secret.
public struct WebhookTarget: Sendable, Hashable {
    public var endpointID: String
    public var url: String
    public var secret: String
}
