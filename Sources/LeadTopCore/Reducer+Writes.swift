import LeadOSContract

/// The write keys. Each write shows at once (optimistic) and remembers what to restore if LeadOS
/// refuses it (`WriteOutcome.refused`).
extension AppState {
    mutating func requestPauseOrResume() -> [Effect] {
        guard !settings.readOnly else { return refuseInReadOnly("pause/resume") }
        guard let campaign = selectedCampaign else {
            show("No campaign selected", kind: .error)
            return []
        }
        guard pendingCampaigns[campaign.id] == nil else {
            show("A change to \(campaign.name) is still being sent", kind: .error)
            return []
        }
        switch campaign.status {
        case .active: modal = .confirm(.pause(campaignID: campaign.id, name: campaign.name))
        case .paused: modal = .confirm(.resume(campaignID: campaign.id, name: campaign.name))
        case .draft:
            modal = .confirm(.launch(campaignID: campaign.id, name: campaign.name,
                                     costPerLead: campaign.enrichmentLevel.fullCost))
        case .completed: show("\(campaign.name) is completed and cannot be resumed", kind: .error)
        }
        return []
    }

    mutating func confirm(_ confirmation: Confirmation) -> [Effect] {
        switch confirmation {
        case .pause(let id, let name):
            return setCampaignOptimistically(id: id, status: .paused, reason: .user,
                                             message: "Pausing \(name)…", command: .pause(campaignID: id))
        case .resume(let id, let name):
            return setCampaignOptimistically(id: id, status: .active, reason: nil,
                                             message: "Resuming \(name)…", command: .resume(campaignID: id))
        case .launch(let id, let name, _):
            return setCampaignOptimistically(id: id, status: .active, reason: nil,
                                             message: "Launching \(name)…", command: .launch(campaignID: id))
        case .suppress(_, let email):
            show("Suppressing \(email)…")
            return [.write(.suppress(emails: [email]))]
        case .overwrite(var request):
            request.overwrite = true
            return runExport(request)
        case .suppressMany(let bulk):
            return startBulkSuppression(bulk)
        }
    }

    private mutating func setCampaignOptimistically(id: String, status: CampaignStatus, reason: PausedReason?,
                                                    message: String, command: WriteCommand) -> [Effect] {
        guard let index = campaignIndex[id] else { return [] }
        if pendingCampaigns[id] == nil { pendingCampaigns[id] = campaigns[index] }
        campaigns[index].status = status
        campaigns[index].pausedReason = reason
        show(message)
        return [.write(command)]
    }

    mutating func rateSelectedLeadGood() -> [Effect] {
        guard !settings.readOnly else { return refuseInReadOnly("rating") }
        guard let lead = selectedLeadOrComplain() else { return [] }
        show("Rated \(lead.fullName) good")
        return rate(FeedbackSubmission(rating: .good), for: lead)
    }

    mutating func startBadRating() -> [Effect] {
        guard !settings.readOnly else { return refuseInReadOnly("rating") }
        guard let lead = selectedLeadOrComplain() else { return [] }
        modal = .reasonPicker(leadID: lead.id, note: nil)
        return []
    }

    mutating func startNote() -> [Effect] {
        guard !settings.readOnly else { return refuseInReadOnly("notes") }
        guard let lead = selectedLeadOrComplain() else { return [] }
        guard let feedback = lead.feedback else {
            show("Rate \(lead.fullName) first (+ good, - bad), then add a note", kind: .error)
            return []
        }
        modal = .noteInput(leadID: lead.id, text: feedback.note ?? "", purpose: .amendRating)
        return []
    }

    mutating func requestSuppress() -> [Effect] {
        guard !settings.readOnly else { return refuseInReadOnly("suppression") }
        guard let lead = selectedLeadOrComplain() else { return [] }
        guard let email = lead.email else {
            show("\(lead.fullName) has no email to suppress", kind: .error)
            return []
        }
        modal = .confirm(.suppress(leadID: lead.id, email: email))
        return []
    }

    /// Shows the rating at once and queues it.
    mutating func submitFeedback(_ submission: FeedbackSubmission, for lead: Lead) -> [Effect] {
        let previous = pendingFeedback[lead.id]?.previous ?? lead.feedback
        let optimistic = Feedback(leadID: lead.id, rating: submission.rating, reason: submission.reason,
                                  note: submission.note, createdAt: lead.feedback?.createdAt ?? now, updatedAt: now)
        pendingFeedback[lead.id] = PendingFeedback(previous: previous, optimistic: optimistic)
        leads.setFeedback(optimistic, forLead: lead.id)
        return [.write(.feedback(leadID: lead.id, submission))]
    }

    private mutating func selectedLeadOrComplain() -> Lead? {
        if let lead = selectedLead { return lead }
        show("No lead selected", kind: .error)
        return nil
    }

    /// Settles a write: drops its rollback record, or restores the previous state and says why.
    mutating func settle(_ outcome: WriteOutcome) -> [Effect] {
        switch outcome {
        case .applied(let command):
            switch command {
            case .pause(let id), .resume(let id), .launch(let id): pendingCampaigns[id] = nil
            case .updateCampaign(let id, _):
                pendingCampaigns[id] = nil
                editorSaves.remove(id)
            case .createCampaign(let draft): show("Created \(draft.name)")
            case .feedback(let leadID, _):
                // Counted in the summary shown until LeadOS's next summary includes it.
                if let pending = pendingFeedback.removeValue(forKey: leadID) {
                    let earlier = uncountedFeedback[leadID]?.previous ?? pending.previous
                    uncountedFeedback[leadID] = PendingFeedback(previous: earlier, optimistic: pending.optimistic)
                }
            case .suppress(let emails):
                // A batch of `S` is reported with the others once LeadOS's counts arrive.
                if bulkSuppression?.isWaiting(for: emails) != true { show("Suppressed \(Self.addresses(emails))") }
            }
        case .refused(let command, let status, _, let text, let param):
            switch command {
            case .pause(let id), .resume(let id):
                let verb = if case .pause = command { "Pause" } else { "Resume" }
                if let original = pendingCampaigns.removeValue(forKey: id), let index = campaignIndex[id] {
                    campaigns[index] = original
                }
                show("\(verb) of \(campaign(id: id)?.name ?? id) refused (\(status)): \(text)", kind: .error)
            case .launch(let id):
                let original = pendingCampaigns.removeValue(forKey: id)
                if let original, let index = campaignIndex[id] { campaigns[index] = original }
                let name = campaign(id: id)?.name ?? id
                if status == 402 {
                    let cost = original?.enrichmentLevel.fullCost ?? 1
                    show("\(name) not launched: LeadOS needs \(cost) credits for its first lead and the balance is lower; "
                         + "top up or choose a cheaper enrichment level, then p again", kind: .error)
                } else {
                    show("Launch of \(name) refused (\(status)): \(text)", kind: .error)
                }
            case .feedback(let leadID, _):
                if let pending = pendingFeedback.removeValue(forKey: leadID) {
                    leads.setFeedback(pending.previous, forLead: leadID)
                }
                ratingHistory.removeAll { $0.command == command }
                let name = leads.entry(id: leadID)?.lead.fullName ?? leadID
                show("Rating of \(name) refused (\(status)): \(text)", kind: .error)
            case .createCampaign:
                reopenCampaignForm(after: command, status: status, message: text, param: param)
            case .updateCampaign(let id, let patch):
                if let original = pendingCampaigns.removeValue(forKey: id), let index = campaignIndex[id] {
                    campaigns[index] = original
                }
                if let editor = reopenEditor(afterRefusalOf: id, patch: patch, status: status, message: text, param: param) {
                    return [editor]
                }
                reopenCampaignForm(after: command, status: status, message: text, param: param)
            case .suppress(let emails):
                if bulkSuppression?.isWaiting(for: emails) == true {
                    settleBulkBatch(emails) { $0.refuse(emails.count, reason: "LeadOS refused (\(status)): \(text)") }
                } else {
                    show("Suppression of \(Self.addresses(emails)) refused (\(status)): \(text)", kind: .error)
                }
            }
        }
        return []
    }

    /// One address as it is, a batch (a bulk suppression's, after a restart or a profile switch)
    /// by its count, so a status message never lists a thousand addresses.
    static func addresses(_ emails: [String]) -> String {
        emails.count == 1 ? emails[0] : "\(BulkSuppressionProgress.grouped(emails.count)) addresses"
    }
}
