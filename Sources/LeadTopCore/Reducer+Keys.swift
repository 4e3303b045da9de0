/// Keys when no dialog is open. The bindings are listed in `Keymap` for the help overlay.
extension AppState {
    mutating func handleKey(_ key: Key) -> [Effect] {
        if let modal { return handleModalKey(key, modal: modal) }
        return handleDashboardKey(key)
    }

    mutating func handleDashboardKey(_ key: Key) -> [Effect] {
        switch key {
        case .char("q"), .ctrl("c"):
            return [.quit]
        case .char("?"):
            modal = .help
        case .tab:
            focus = focus.next
        case .backtab:
            focus = focus.previous
        case .char(let c) where Key.digit(c).flatMap(Pane.init(rawValue:)) != nil:
            focus = Key.digit(c).flatMap(Pane.init(rawValue:))!
        case .char("j"), .down:
            moveSelection(in: focus, by: 1)
        case .char("k"), .up:
            moveSelection(in: focus, by: -1)
        case .char("g"), .home:
            moveSelection(in: focus, toRow: 0)
        case .char("G"), .end:
            moveSelection(in: focus, toRow: Int.max)
        case .pageDown:
            moveSelection(in: focus, by: pageSize(of: focus))
        case .pageUp:
            moveSelection(in: focus, by: -pageSize(of: focus))
        case .enter:
            return openSelected()
        case .char("a"):
            return setScope(nil)
        case .esc:
            return escape()
        case .char("/"):
            modal = .filterInput(text: filterText)
        case .char("R"):
            if case .keyRejected = connection {
                show("Checking the API key again…")
            } else {
                show("Refreshing everything…")
            }
            return [.refreshNow]
        case .char("d"):
            modal = .connectionDetails
        case .char("m"):
            mouseCaptured.toggle()
            show(mouseCaptured ? "Mouse on: click selects, wheel scrolls (m: off)"
                : "Mouse off: the terminal selects text (m: on)")
            return [.setMouseCapture(mouseCaptured)]
        case .char("p"):
            return requestPauseOrResume()
        case .char("+"):
            return rateSelectedLeadGood()
        case .char("-"):
            return startBadRating()
        case .char("n"):
            return startNote()
        case .char("s"):
            return requestSuppress()
        default:
            break
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
            return setScope(scopeCampaignID == campaign.id ? nil : campaign.id)
        case .stats, .credits, .feedback:
            return []
        }
    }

    /// Esc: clears the filter first, then the campaign scope.
    private mutating func escape() -> [Effect] {
        if !filterText.isEmpty {
            filterText = ""
            leads.setFilter(FeedFilter(campaignID: scopeCampaignID))
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
