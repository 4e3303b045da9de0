import Foundation
import LeadOSContract

/// Notifications for live events only: leads delivered while the dashboard watches (not the
/// cache at start, not a catch-up after an absence), the balance crossing its threshold, and a
/// campaign LeadOS paused. A burst of leads becomes one notification.
extension AppState {
    /// A lead is live when it was delivered after the dashboard started and at most this long
    /// before it reached the dashboard; older ones are a catch-up.
    static let liveLeadAge: TimeInterval = 120
    /// Notifications the `N` list keeps.
    static let notificationLimit = 50

    mutating func notifyLeads(_ added: [Lead]) -> [Effect] {
        guard let minimum = settings.notify.scoreAtLeast, !added.isEmpty else { return [] }
        // LeadOS's times have whole seconds: a lead of the second the dashboard started is live.
        let start = settings.startedAt.timeIntervalSince1970.rounded(.down)
        let live = added.filter {
            $0.deliveredAt.timeIntervalSince1970 >= start && now.timeIntervalSince($0.deliveredAt) <= Self.liveLeadAge
                && $0.score >= minimum
        }
        var byCampaign: [String: [Lead]] = [:]
        var order: [String] = []
        for lead in live {
            let name = campaign(id: lead.campaignID)?.name
            guard settings.notify.covers(campaignName: name) else { continue }
            if byCampaign[lead.campaignID] == nil { order.append(lead.campaignID) }
            byCampaign[lead.campaignID, default: []].append(lead)
        }
        return order.flatMap { id in
            let leads = byCampaign[id] ?? []
            let name = campaign(id: id)?.name ?? id
            let text: String
            if leads.count == 1, let lead = leads.first {
                text = "Lead \(lead.score): \(lead.fullName) (\(lead.companyName)) in \(name)"
            } else {
                text = Self.burstText(count: leads.count, minimum: minimum, campaign: name)
            }
            return post(DashboardNotification(kind: .leads, at: now, text: text, campaignID: id,
                                              leadIDs: leads.map(\.id), count: leads.count))
        }
    }

    mutating func notifyBalance(from previous: Balance?, to current: Balance) -> [Effect] {
        guard let threshold = settings.notify.balanceBelow, current.creditsRemaining < threshold else { return [] }
        // Once per crossing: not again while it stays low, and not for the first reading at start
        // unless it is already low then (that is worth knowing too).
        if let previous, previous.creditsRemaining < threshold { return [] }
        return post(DashboardNotification(
            kind: .lowBalance, at: now, text: "Balance \(current.creditsRemaining) credits, below \(threshold)"))
    }

    mutating func notifyPauses(from previous: [Campaign], to current: [Campaign]) -> [Effect] {
        guard settings.notify.campaignPaused, !previous.isEmpty else { return [] }
        let before = Dictionary(previous.map { ($0.id, $0.status) }, uniquingKeysWith: { first, _ in first })
        return current.flatMap { campaign -> [Effect] in
            guard campaign.status == .paused, before[campaign.id] == .active, campaign.pausedReason != .user,
                  settings.notify.covers(campaignName: campaign.name) else { return [] }
            let why = campaign.pausedReason.map { " (\(Self.pauseWords($0)))" } ?? ""
            return post(DashboardNotification(kind: .campaignPaused, at: now, text: "\(campaign.name) paused by LeadOS\(why)",
                                              campaignID: campaign.id))
        }
    }

    /// Keeps the notification, shows it, and asks the runtime to ring or run what the config says.
    /// A lead notification within a few seconds of the last one for the same campaign joins it
    /// instead (a burst over several pushes), without ringing again.
    private mutating func post(_ notification: DashboardNotification) -> [Effect] {
        if notification.kind == .leads, var last = notifications.last, last.kind == .leads,
           last.campaignID == notification.campaignID, notification.at.timeIntervalSince(last.at) <= 5,
           let minimum = settings.notify.scoreAtLeast {
            last.count += notification.count
            last.leadIDs += notification.leadIDs
            let id = notification.campaignID ?? ""
            last.text = Self.burstText(count: last.count, minimum: minimum, campaign: campaign(id: id)?.name ?? id)
            notifications[notifications.count - 1] = last
            show("◆ " + last.text)
            return []
        }
        notifications.append(notification)
        if notifications.count > Self.notificationLimit { notifications.removeFirst(notifications.count - Self.notificationLimit) }
        show("◆ " + notification.text)
        return [.notify(notification)]
    }

    /// "7 leads ≥ 90 in EU fintech buyers": a burst, whether it came in one poll or several pushes.
    static func burstText(count: Int, minimum: Int, campaign name: String) -> String {
        "\(count) leads ≥ \(minimum) in \(name)"
    }

    static func pauseWords(_ reason: PausedReason) -> String {
        switch reason {
        case .user: "by its owner"
        case .insufficientCredits: "out of credits"
        }
    }
}
