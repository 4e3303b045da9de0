import LeadOSContract

/// Quick rating: `u` narrows the feed to unrated leads, a rating moves the selection to the next
/// unrated lead, `z` takes the last rating back, and the feedback summary counts each rating at once.
extension AppState {
    /// `u`: the feed shows only leads without a rating, or all of them again.
    mutating func toggleUnratedOnly() -> [Effect] {
        var filter = leads.filter
        filter.unratedOnly.toggle()
        leads.setFilter(filter)
        reselectLeadAfterFilterChange()
        show(filter.unratedOnly ? "Unrated leads only (u: all leads)" : "All leads, rated or not")
        return []
    }

    /// Queues a rating the user made (`+`, or `-` and a reason), remembers it for `z`, and moves
    /// on to the next unrated lead when the rated one is still the one selected.
    mutating func rate(_ submission: FeedbackSubmission, for lead: Lead) -> [Effect] {
        let previous = pendingFeedback[lead.id]?.optimistic ?? lead.feedback
        ratingHistory.append(RatingRecord(leadID: lead.id, name: lead.fullName, previous: previous, submission: submission))
        if ratingHistory.count > Self.ratingHistoryLimit { ratingHistory.removeFirst(ratingHistory.count - Self.ratingHistoryLimit) }
        let effects = submitFeedback(submission, for: lead)
        if settings.advanceAfterRating, selectedLeadID == lead.id { selectNextUnratedLead(after: lead.id) }
        return effects
    }

    /// Ratings `z` can take back, newest last.
    static let ratingHistoryLimit = 100

    /// Selects the first lead without a rating below `id` in the feed's rows in memory, else the
    /// first one above it; stays (and says so) when every row in memory is rated.
    mutating func selectNextUnratedLead(after id: String) {
        guard let row = leads.row(ofID: id) else { return }
        let below = (row + 1) ..< leads.windowEnd
        let above = leads.windowStart ..< row
        for candidate in Array(below) + Array(above) {
            guard let entry = leads.entry(atRow: candidate), entry.lead.feedback == nil else { continue }
            selectLead(row: candidate)
            return
        }
        if let message { show(message.text + " · every lead shown is rated") }
    }

    /// `z`: asks the outbox to give back the last rating if it has not been sent; the answer
    /// (`writeWithdrawn`) rolls it back, or sends the lead's previous rating again.
    mutating func undoLastRating() -> [Effect] {
        guard !settings.readOnly else { return refuseInReadOnly("undo") }
        guard let record = ratingHistory.popLast() else {
            show("Nothing to undo: no rating made since leadtop started", kind: .error)
            return []
        }
        undoing.append(record)
        show("Undoing the rating of \(record.name)…")
        return [.withdrawWrite(record.command)]
    }

    /// The outbox's answer to `z`. Taken out: the lead shows its previous rating again. Already
    /// sent: LeadOS keeps one rating per lead and cannot remove it (v1 overwrites, §6.2), so the
    /// previous rating is sent again; for a first rating the opposite one is (bad asks the reason).
    mutating func writeWithdrawn(_ command: WriteCommand, removed: Bool) -> [Effect] {
        guard let index = undoing.firstIndex(where: { $0.command == command }) else { return [] }
        let record = undoing.remove(at: index)
        let id = record.leadID
        if removed {
            if let pending = pendingFeedback[id], pending.previous != record.previous, let restored = record.previous {
                pendingFeedback[id]?.optimistic = restored
            } else {
                pendingFeedback[id] = nil
            }
            leads.setFeedback(record.previous, forLead: id)
            show("Undone: the rating of \(record.name) was taken out of the outbox before it was sent")
            return []
        }
        if let previous = record.previous {
            show("The rating of \(record.name) was already sent: sent its previous rating (\(Self.describe(previous))) again")
            return submitFeedback(FeedbackSubmission(rating: previous.rating, reason: previous.reason, note: previous.note),
                                  forLeadID: id)
        }
        switch record.submission.rating {
        case .bad:
            show("The bad rating of \(record.name) was already sent and LeadOS cannot remove a rating: rated good instead")
            return submitFeedback(FeedbackSubmission(rating: .good), forLeadID: id)
        case .good:
            modal = .reasonPicker(leadID: id, note: nil)
            show("The good rating of \(record.name) was already sent and LeadOS cannot remove a rating: "
                 + "pick why it is bad (1–6), Esc keeps it good")
            return []
        }
    }

    /// Queues a rating for a lead that may not be in the feed's rows in memory (an undo).
    mutating func submitFeedback(_ submission: FeedbackSubmission, forLeadID id: String) -> [Effect] {
        if let lead = leads.entry(id: id)?.lead { return submitFeedback(submission, for: lead) }
        return [.write(.feedback(leadID: id, submission))]
    }

    /// `good`, or `bad: not ICP`.
    static func describe(_ feedback: Feedback) -> String {
        switch feedback.rating {
        case .good: "good"
        case .bad: "bad" + (feedback.reason.map { ": \($0.label)" } ?? "")
        }
    }

    /// The feedback summary as the pane shows it: LeadOS's last one, plus the ratings it has not
    /// counted yet (queued, or accepted since it was fetched).
    public var displayedFeedbackSummary: FeedbackSummary? {
        guard var summary = feedbackSummary else { return nil }
        for id in Set(uncountedFeedback.keys).union(pendingFeedback.keys).sorted() {
            let from = uncountedFeedback[id]?.previous ?? pendingFeedback[id]?.previous
            let to = pendingFeedback[id]?.optimistic ?? uncountedFeedback[id]?.optimistic
            summary = summary.counting(from: from, to: to)
        }
        return summary
    }

    /// Moves the stats to another range and fetches it at once.
    mutating func setStatsRange(_ range: StatsRange?, refusal: String) -> [Effect] {
        guard let range else {
            show(refusal, kind: .error)
            return []
        }
        guard range != statsRange else {
            show("The stats already cover \(range.days) days")
            return []
        }
        statsRange = range
        show("Stats: the last \(range.days) days (\(keyName(.shorterRange)) \(keyName(.longerRange)) change it)")
        return [.setStatsRange(range)]
    }

    private func keyName(_ action: KeyAction) -> String {
        settings.keys.binding(action)?.keys.first.map(KeyName.display) ?? action.rawValue
    }
}
