/// Keys when no dialog is open, dispatched through the key table (`settings.keys`), so the
/// user's `[keys]` overrides, the help and the hints all agree with what a key does.
extension AppState {
    mutating func handleKey(_ key: Key) -> [Effect] {
        if let modal { return handleModalKey(key, modal: modal) }
        return handleDashboardKey(key)
    }

    mutating func handleDashboardKey(_ key: Key) -> [Effect] {
        guard let action = settings.keys.action(for: key) else { return [] }
        return perform(action)
    }

    mutating func perform(_ action: KeyAction) -> [Effect] {
        switch action {
        case .quit:
            return [.quit]
        case .help:
            modal = .help
        case .command:
            modal = .commandPrompt(CommandPrompt())
        case .notifications:
            modal = .notifications
        case .export:
            return openExportPrompt()
        case .nextPane:
            focus = focus.next
        case .previousPane:
            focus = focus.previous
        case .focusCampaigns: focus = .campaigns
        case .focusFeed: focus = .feed
        case .focusStats: focus = .stats
        case .focusCredits: focus = .credits
        case .focusFeedback: focus = .feedback
        case .down:
            moveSelection(in: focus, by: 1)
        case .up:
            moveSelection(in: focus, by: -1)
        case .first:
            moveSelection(in: focus, toRow: 0)
        case .last:
            moveSelection(in: focus, toRow: Int.max)
        case .pageDown:
            moveSelection(in: focus, by: pageSize(of: focus))
        case .pageUp:
            moveSelection(in: focus, by: -pageSize(of: focus))
        case .open:
            return openSelected()
        case .campaignDetail:
            return openCampaignCard()
        case .createCampaign:
            return openNewCampaignForm()
        case .editCampaign:
            return openEditCampaignForm()
        case .editInEditor:
            return openCampaignInEditor()
        case .allCampaigns:
            return setScope(nil)
        case .clear:
            return escape()
        case .filter:
            modal = .filterInput(text: filterText)
        case .refresh:
            if case .keyRejected = connection {
                show("Checking the API key again…")
            } else {
                show("Refreshing everything…")
            }
            return [.refreshNow]
        case .details:
            modal = .connectionDetails
        case .mouse:
            mouseCaptured.toggle()
            show(mouseCaptured ? "Mouse on: click selects, wheel scrolls (m: off)"
                : "Mouse off: the terminal selects text (m: on)")
            return [.setMouseCapture(mouseCaptured)]
        case .pause:
            return requestPauseOrResume()
        case .rateGood:
            return rateSelectedLeadGood()
        case .rateBad:
            return startBadRating()
        case .note:
            return startNote()
        case .suppress:
            return requestSuppress()
        case .suppressView:
            return requestViewSuppression()
        case .copyEmail:
            return copySelectedEmail()
        case .copyMenu:
            return openCopyMenu()
        case .openLink:
            return openSelectedLink()
        case .unratedOnly:
            return toggleUnratedOnly()
        case .undoRating:
            return undoLastRating()
        case .shorterRange:
            return setStatsRange(statsRange.shorter, refusal: "\(statsRange.days) days is the shortest stats range")
        case .longerRange:
            return setStatsRange(statsRange.longer, refusal: "\(statsRange.days) days is the longest range LeadOS gives")
        case .sortPrevious:
            moveSortColumn(by: -1)
        case .sortNext:
            moveSortColumn(by: 1)
        case .sortReverse:
            reverseSort()
        }
        return []
    }

    /// Enter: a lead opens its card; a campaign narrows the feed and stats to it (again: all).
    private mutating func openSelected() -> [Effect] {
        switch focus {
        case .feed:
            if selectedLead != nil { modal = .leadCard }
            return []
        case .campaigns:
            guard let campaign = selectedCampaign else { return [] }
            // A second Enter on the scoped campaign shows all of it; `a` or Esc widens the scope.
            if scopeCampaignID == campaign.id {
                modal = .campaignCard(campaignID: campaign.id)
                return []
            }
            return setScope(campaign.id)
        case .stats, .credits, .feedback:
            return []
        }
    }

    /// Esc: clears the filter first, then the campaign scope.
    private mutating func escape() -> [Effect] {
        if !filterText.isEmpty {
            filterText = ""
            leads.setFilter(FeedFilter(campaignID: scopeCampaignID, unratedOnly: leads.filter.unratedOnly))
            reselectLeadAfterFilterChange()
            show("Filter cleared")
            return []
        }
        return setScope(nil)
    }

    /// Narrows the feed and the stats to one campaign, or widens them to all (nil).
    mutating func setScope(_ campaignID: String?) -> [Effect] {
        guard campaignID != scopeCampaignID else { return [] }
        scopeCampaignID = campaignID
        scopedStats = nil
        var filter = leads.filter
        filter.campaignID = campaignID
        leads.setFilter(filter)
        reselectLeadAfterFilterChange()
        if let campaignID {
            show("Showing \(campaign(id: campaignID)?.name ?? campaignID) only (a: all campaigns)")
        } else {
            show("Showing all campaigns")
        }
        return [.setStatsScope(campaignID: campaignID)]
    }
}
