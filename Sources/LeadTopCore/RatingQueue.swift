import LeadOSContract

/// A rating made in this session, remembered so `z` can take it back.
public struct RatingRecord: Sendable, Hashable {
    public var leadID: String
    /// Who, for the status bar.
    public var name: String
    /// The lead's feedback before this rating (nil: it had none).
    public var previous: Feedback?
    public var submission: FeedbackSubmission

    public init(leadID: String, name: String, previous: Feedback?, submission: FeedbackSubmission) {
        self.leadID = leadID; self.name = name; self.previous = previous; self.submission = submission
    }

    /// The write this rating queued.
    public var command: WriteCommand { .feedback(leadID: leadID, submission) }
}

extension FeedbackSummary {
    /// The summary with one lead's feedback changed from `old` to `new`, as LeadOS will count it
    /// (§7.12): good/bad and reasons move, a lead rated for the first time adds to the feedback
    /// count, the rate and personalisation's progress. Counts saturate and never go below zero.
    public func counting(from old: Feedback?, to new: Feedback?) -> FeedbackSummary {
        var s = self
        func add(_ feedback: Feedback, _ sign: Int) {
            switch feedback.rating {
            case .good: s.good = max(0, s.good.addingSaturated(sign))
            case .bad:
                s.bad = max(0, s.bad.addingSaturated(sign))
                if let reason = feedback.reason { s.badReasons[reason] = max(0, s.badReasons[reason].addingSaturated(sign)) }
            }
        }
        if let old { add(old, -1) }
        if let new { add(new, 1) }
        let distinct = (new != nil ? 1 : 0) - (old != nil ? 1 : 0)
        guard distinct != 0 else { return s }
        s.totalFeedback = max(0, s.totalFeedback.addingSaturated(distinct))
        s.feedbackRate = s.totalDelivered > 0
            ? min(1, (Double(s.totalFeedback) / Double(s.totalDelivered) * 1000).rounded() / 1000) : 0
        var p = s.personalisation
        p.feedbackCount = max(0, p.feedbackCount.addingSaturated(distinct))
        if p.threshold > 0 { p.progress = min(1, (Double(p.feedbackCount) / Double(p.threshold) * 100).rounded() / 100) }
        s.personalisation = p
        return s
    }
}
