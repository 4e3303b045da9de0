import Foundation
import LeadOSContract

/// Read-only views of the state that the renderer and the reducer share.
extension AppState {
    public var selectedCampaign: Campaign? {
        selectedCampaignID.flatMap(campaign(id:))
    }

    public func campaign(id: String) -> Campaign? {
        campaignIndex[id].map { campaigns[$0] }
    }

    public var selectedCampaignRow: Int? {
        selectedCampaignID.flatMap { campaignIndex[$0] }
    }

    public var selectedLead: Lead? {
        selectedLeadID.flatMap { leads.entry(id: $0)?.lead }
    }

    /// The feed row of the selected lead, nil when it is filtered out or gone.
    public var selectedLeadRow: Int? {
        selectedLeadID.flatMap { leads.row(ofID: $0) }
    }

    /// Whether a lead still wears its NEW mark at `now`.
    public func isNew(_ entry: LeadEntry) -> Bool {
        guard let arrived = entry.arrivedAt else { return false }
        return now.timeIntervalSince(arrived) < settings.newMarkDuration
    }

    /// The stats the stats pane shows: the scoped campaign's when fetched, otherwise the account's.
    /// When only account stats are at hand for a scoped campaign, its share is taken from `by_campaign`.
    public var displayedStats: DeliveryStats? {
        guard let scope = scopeCampaignID else { return stats }
        if let scopedStats, scopedStats.campaignID == scope { return scopedStats }
        guard let stats else { return nil }
        return stats.share(of: scope)
    }

    /// Seconds since a resource was last refreshed, nil if never.
    public func age(of resource: Resource) -> TimeInterval? {
        lastRefresh[resource].map { max(0, now.timeIntervalSince($0)) }
    }

    public var isStale: Bool { staleSince != nil }

    /// Whether the status bar shows the feed's refresh age: once it is older than refreshes are
    /// expected to be (`Settings.refreshAgeShownAfter`), or always when no refresh is expected.
    public var showsRefreshAge: Bool {
        guard let age = age(of: .feed) else { return false }
        return settings.refreshAgeShownAfter.map { age >= $0 } ?? true
    }

    /// When a hidden refresh age will appear (nil when it is shown already, or never will be).
    public var refreshAgeAppears: Date? {
        guard let refreshed = lastRefresh[.feed], let after = settings.refreshAgeShownAfter, !showsRefreshAge else { return nil }
        return refreshed.addingTimeInterval(after)
    }

    /// LeadOS refuses the API key, with the details, when it does.
    public var keyRejection: KeyRejection? {
        if case .keyRejected(let rejection) = connection { return rejection }
        return nil
    }

    /// What an empty pane says: its usual "waiting" text, unless nothing can arrive because the
    /// key is refused (an empty account and a refused key must not look alike).
    public func placeholder(_ waiting: String) -> String {
        Self.placeholder(waiting, keyRejected: keyRejection != nil)
    }

    /// `placeholder` for a pane that knows only whether the key is refused.
    public static func placeholder(_ waiting: String, keyRejected: Bool) -> String {
        keyRejected ? "Nothing loaded: the API key was rejected" : waiting
    }
}

extension DeliveryStats {
    /// One campaign's part of account-wide stats, rebuilt from each day's `by_campaign`. Sums
    /// saturate: the parts come from LeadOS and may be as large as an `Int` holds.
    public func share(of campaignID: String) -> DeliveryStats {
        var delivered = 0, credits = 0, scoreSum = 0.0
        let days = data.map { day -> Day in
            guard let part = day.byCampaign.first(where: { $0.campaignID == campaignID }) else {
                return Day(date: day.date, delivered: 0, creditsConsumed: 0, avgScore: nil, byCampaign: [])
            }
            delivered = delivered.addingSaturated(part.delivered)
            credits = credits.addingSaturated(part.creditsConsumed)
            scoreSum += (part.avgScore ?? 0) * Double(part.delivered)
            return Day(date: day.date, delivered: part.delivered, creditsConsumed: part.creditsConsumed,
                       avgScore: part.avgScore, byCampaign: [part])
        }
        let avg = delivered > 0 ? (scoreSum / Double(delivered) * 10).rounded() / 10 : nil
        return DeliveryStats(startDate: startDate, endDate: endDate, campaignID: campaignID,
                             totals: Totals(delivered: delivered, creditsConsumed: credits, avgScore: avg), data: days)
    }
}
