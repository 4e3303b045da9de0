import LeadOSContract

/// `E`: the selected campaign in the user's editor. The document comes back as form values and
/// takes the form's path from there: checked against the contract (a problem reopens the editor
/// with it on top), only the changed fields sent through the outbox, shown at once; a refusal by
/// LeadOS reopens the editor with LeadOS's words on top.
extension AppState {
    mutating func openCampaignInEditor() -> [Effect] {
        guard let campaign = campaignToEdit() else { return [] }
        return [.editCampaignInEditor(CampaignEditorRequest(
            campaignID: campaign.id, name: campaign.name, values: .init(campaign), leadsDelivered: campaign.leadsDelivered))]
    }

    mutating func campaignEditorClosed(_ request: CampaignEditorRequest, outcome: CampaignEditorOutcome) -> [Effect] {
        switch outcome {
        case .cancelled:
            show("Edit of \(request.name) cancelled")
            return []
        case .failed(let reason):
            show("The editor did not run: \(reason)", kind: .error)
            return []
        case .saved(let values):
            guard let index = campaignIndex[request.campaignID] else {
                show("That campaign is no longer listed", kind: .error)
                return []
            }
            switch values.checked(leadsDelivered: campaigns[index].leadsDelivered) {
            case .failure(let errors):
                let problem = CampaignForm.Field.allCases.compactMap { field in
                    errors.byField[field].map { "\(field.label): \($0)" }
                }.joined(separator: "; ")
                var again = request
                again.values = values
                again.problem = problem
                return [.editCampaignInEditor(again)]
            case .success(let checked):
                let patch = checked.patch(from: campaigns[index])
                guard !patch.isEmpty else {
                    show("Nothing changed in \(request.name)")
                    return []
                }
                if pendingCampaigns[request.campaignID] == nil { pendingCampaigns[request.campaignID] = campaigns[index] }
                campaigns[index] = patch.applied(to: campaigns[index])
                editorSaves.insert(request.campaignID)
                show("Saving \(campaigns[index].name)…")
                return [.write(.updateCampaign(campaignID: request.campaignID, patch))]
            }
        }
    }

    /// A save made in the editor that LeadOS refused: the editor opens again on what was sent,
    /// LeadOS's words on top. Nil when the save came from the form.
    mutating func reopenEditor(afterRefusalOf id: String, patch: CampaignPatch, status: Int, message: String,
                               param: String?) -> Effect? {
        guard editorSaves.remove(id) != nil, let original = campaign(id: id) else { return nil }
        let field = param.map { " (\($0))" } ?? ""
        show("LeadOS refused the edit of \(original.name) (\(status)): \(message)", kind: .error)
        return .editCampaignInEditor(CampaignEditorRequest(
            campaignID: id, name: original.name, values: .init(patch.applied(to: original)),
            leadsDelivered: original.leadsDelivered, problem: "LeadOS refused it (\(status))\(field): \(message)"))
    }
}
