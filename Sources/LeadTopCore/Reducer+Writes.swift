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
        case .draft: show("\(campaign.name) is a draft: launch it in LeadOS first", kind: .error)
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
        case .suppress(_, let email):
            show("Suppressing \(email)…")
            return [.write(.suppress(emails: [email]))]
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
    mutating func settle(_ outcome: WriteOutcome) {
        switch outcome {
        case .applied(let command):
            switch command {
            case .pause(let id), .resume(let id): pendingCampaigns[id] = nil
            case .feedback(let leadID, _):
                // Counted in the summary shown until LeadOS's next summary includes it.
                if let pending = pendingFeedback.removeValue(forKey: leadID) {
                    let earlier = uncountedFeedback[leadID]?.previous ?? pending.previous
                    uncountedFeedback[leadID] = PendingFeedback(previous: earlier, optimistic: pending.optimistic)
                }
            case .suppress(let emails): show("Suppressed \(emails.joined(separator: ", "))")
            }
        case .refused(let command, let status, _, let text):
            switch command {
            case .pause(let id), .resume(let id):
                let verb = if case .pause = command { "Pause" } else { "Resume" }
                if let original = pendingCampaigns.removeValue(forKey: id), let index = campaignIndex[id] {
                    campaigns[index] = original
                }
                show("\(verb) of \(campaign(id: id)?.name ?? id) refused (\(status)): \(text)", kind: .error)
            case .feedback(let leadID, _):
                if let pending = pendingFeedback.removeValue(forKey: leadID) {
                    leads.setFeedback(pending.previous, forLead: leadID)
                }
                ratingHistory.removeAll { $0.command == command }
                let name = leads.entry(id: leadID)?.lead.fullName ?? leadID
                show("Rating of \(name) refused (\(status)): \(text)", kind: .error)
            case .suppress(let emails):
                show("Suppression of \(emails.joined(separator: ", ")) refused (\(status)): \(text)", kind: .error)
            }
        }
    }
}
