import LeadOSContract

/// `c` and `e`: the campaign form. `Tab`/`↓` and `Shift-Tab`/`↑` move between fields, typing edits
/// a text or number field, `←`/`→` choose in a list and `Space` ticks a company size, `Enter`
/// checks and saves through the outbox, `Esc` closes (asking first when something changed).
extension AppState {
    mutating func openNewCampaignForm() -> [Effect] {
        guard !settings.readOnly else { return refuseInReadOnly("creating campaigns") }
        modal = .campaignForm(CampaignForm(mode: .create))
        return []
    }

    /// The campaign `e` or `E` would edit, or nil with the reason shown: none selected, read-only,
    /// completed (LeadOS refuses), or a change to it still on its way.
    mutating func campaignToEdit() -> Campaign? {
        guard !settings.readOnly else {
            _ = refuseInReadOnly("editing campaigns")
            return nil
        }
        guard let campaign = campaignForDetail else {
            show("No campaign selected", kind: .error)
            return nil
        }
        guard campaign.status != .completed else {
            show("\(campaign.name) is completed: LeadOS no longer changes it", kind: .error)
            return nil
        }
        guard pendingCampaigns[campaign.id] == nil else {
            show("A change to \(campaign.name) is still being sent", kind: .error)
            return nil
        }
        return campaign
    }

    mutating func openEditCampaignForm() -> [Effect] {
        guard let campaign = campaignToEdit() else { return [] }
        modal = .campaignForm(CampaignForm(mode: .edit(campaignID: campaign.id), values: .init(campaign),
                                           leadsDelivered: campaign.leadsDelivered))
        return []
    }

    mutating func handleCampaignFormKey(_ key: Key, form current: CampaignForm) -> [Effect] {
        var form = current
        if form.confirmingDiscard {
            if key == .char("y") || key == .char("Y") {
                modal = nil
                show("Discarded")
                return []
            }
            form.confirmingDiscard = false
            modal = .campaignForm(form)
            return []
        }
        let fields = form.fields
        let index = fields.firstIndex(of: form.focus) ?? 0
        switch key {
        case .esc:
            guard form.isDirty else {
                modal = nil
                return []
            }
            form.confirmingDiscard = true
        case .tab, .down:
            form.focus = fields[(index + 1) % fields.count]
        case .backtab, .up:
            form.focus = fields[(index + fields.count - 1) % fields.count]
        case .enter:
            return saveCampaignForm(form)
        default:
            edit(&form, with: key)
        }
        modal = .campaignForm(form)
        return []
    }

    private func edit(_ form: inout CampaignForm, with key: Key) {
        func step(_ key: Key) -> Int? { key == .left ? -1 : key == .right ? 1 : nil }
        switch form.focus {
        case .companySizes:
            let sizes = CompanySize.allCases
            if let delta = step(key) {
                form.sizeCursor = min(max(0, form.sizeCursor + delta), sizes.count - 1)
            } else if key == .char(" ") {
                let size = sizes[min(max(0, form.sizeCursor), sizes.count - 1)]
                if let at = form.values.companySizes.firstIndex(of: size) {
                    form.values.companySizes.remove(at: at)
                } else {
                    // Kept in the contract's order, whatever order they were ticked in.
                    form.values.companySizes = sizes.filter { form.values.companySizes.contains($0) || $0 == size }
                }
            }
            return
        case .enrichment:
            let levels = EnrichmentLevel.allCases
            guard let delta = step(key) ?? (key == .char(" ") ? 1 : nil) else { return }
            let at = levels.firstIndex(of: form.values.enrichment) ?? 0
            form.values.enrichment = levels[(at + delta + levels.count) % levels.count]
            return
        case .start:
            if step(key) != nil || key == .char(" ") { form.values.launch.toggle() }
            return
        case .name, .jobTitles, .industries, .geographies, .minScore, .dailyCap, .totalCap:
            break
        }
        let text = form.values[text: form.focus]
        guard let edited = Self.edit(text, with: key, limit: CampaignForm.maxTextLength), edited != text else { return }
        form.values[text: form.focus] = edited
        form.errors[form.focus] = nil
    }

    /// Checks the form; saves through the outbox and closes it, or shows what is wrong where.
    private mutating func saveCampaignForm(_ form: CampaignForm) -> [Effect] {
        var form = form
        switch form.values.checked(leadsDelivered: form.leadsDelivered) {
        case .failure(let errors):
            form.errors = errors.byField
            form.notice = nil
            if let first = form.fields.first(where: { errors.byField[$0] != nil }) { form.focus = first }
            modal = .campaignForm(form)
            return []
        case .success(let checked):
            switch form.mode {
            case .create:
                modal = nil
                show("Creating \(checked.name)…")
                return [.write(.createCampaign(checked.draft))]
            case .edit(let id):
                guard let index = campaignIndex[id] else {
                    modal = nil
                    show("That campaign is no longer listed", kind: .error)
                    return []
                }
                let patch = checked.patch(from: campaigns[index])
                modal = nil
                guard !patch.isEmpty else {
                    show("Nothing changed")
                    return []
                }
                if pendingCampaigns[id] == nil { pendingCampaigns[id] = campaigns[index] }
                campaigns[index] = patch.applied(to: campaigns[index])
                show("Saving \(campaigns[index].name)…")
                return [.write(.updateCampaign(campaignID: id, patch))]
            }
        }
    }

    /// LeadOS refused a form's save: the form opens again as it was sent, the refusal on the field
    /// it names (or on top), so nothing typed is lost.
    mutating func reopenCampaignForm(after command: WriteCommand, status: Int, message: String, param: String?) {
        var form: CampaignForm
        switch command {
        case .createCampaign(let draft):
            form = CampaignForm(mode: .create, values: .init(draft))
        case .updateCampaign(let id, let patch):
            guard let original = campaign(id: id) else { return }
            form = CampaignForm(mode: .edit(campaignID: id), values: .init(patch.applied(to: original)),
                                leadsDelivered: original.leadsDelivered)
            form.initial = .init(original)
        default:
            return
        }
        let text = "LeadOS refused it (\(status)): \(message)"
        if let field = param.flatMap(CampaignForm.Field.init(param:)), form.fields.contains(field) {
            form.errors[field] = message
            form.focus = field
        }
        form.notice = text
        if modal == nil { modal = .campaignForm(form) }
        show(text, kind: .error)
    }
}

extension CampaignForm.Values {
    /// A draft as the form shows it (after a refusal).
    init(_ draft: CampaignDraft) {
        self.init()
        name = draft.name
        jobTitles = draft.jobTitles.joined(separator: ", ")
        industries = (draft.industries ?? []).joined(separator: ", ")
        companySizes = draft.companySizes ?? []
        geographies = (draft.geographies ?? []).joined(separator: ", ")
        minScore = draft.minScore.map(String.init) ?? minScore
        enrichment = draft.enrichmentLevel ?? enrichment
        dailyCap = draft.dailyLeadCap.map(String.init) ?? dailyCap
        totalCap = draft.totalLeadCap.map(String.init) ?? ""
        launch = draft.status != .draft
    }

    /// The text behind a text or number field.
    public subscript(text field: CampaignForm.Field) -> String {
        get {
            switch field {
            case .name: name
            case .jobTitles: jobTitles
            case .industries: industries
            case .geographies: geographies
            case .minScore: minScore
            case .dailyCap: dailyCap
            case .totalCap: totalCap
            case .companySizes, .enrichment, .start: ""
            }
        }
        set {
            switch field {
            case .name: name = newValue
            case .jobTitles: jobTitles = newValue
            case .industries: industries = newValue
            case .geographies: geographies = newValue
            case .minScore: minScore = newValue
            case .dailyCap: dailyCap = newValue
            case .totalCap: totalCap = newValue
            case .companySizes, .enrichment, .start: break
            }
        }
    }
}
