import LeadOSContract

/// `i` (or `Enter` on the scoped campaign): one campaign's whole record over the panes.
extension AppState {
    /// The campaign the user means: the selected row in the campaigns pane, the selected lead's
    /// campaign in the feed, otherwise the scope's.
    var campaignForDetail: Campaign? {
        switch focus {
        case .campaigns: return selectedCampaign
        case .feed: return selectedLead.flatMap { campaign(id: $0.campaignID) } ?? scopeCampaignID.flatMap { campaign(id: $0) }
        case .stats, .credits, .feedback: return scopeCampaignID.flatMap { campaign(id: $0) } ?? selectedCampaign
        }
    }

    mutating func openCampaignCard() -> [Effect] {
        guard let campaign = campaignForDetail else {
            show("No campaign selected", kind: .error)
            return []
        }
        modal = .campaignCard(campaignID: campaign.id)
        return []
    }

    /// `p` acts on the campaign shown (pause, resume or launch, with its question); `Esc`,
    /// `Enter`, `q` and `i` close the card.
    mutating func handleCampaignCardKey(_ key: Key, campaignID: String) -> [Effect] {
        let action = settings.keys.action(for: key)
        if action == .pause, let row = campaignIndex[campaignID] {
            modal = nil
            focus = .campaigns
            selectCampaign(row: row)
            return requestPauseOrResume()
        }
        if key == .esc || key == .enter || key == .char("q") || action == .campaignDetail {
            modal = nil
        }
        return []
    }
}
