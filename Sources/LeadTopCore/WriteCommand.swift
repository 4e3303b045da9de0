import LeadOSContract

/// A write the user asked for. The runtime stores it in the durable outbox with an Idempotency-Key
/// before sending it, and retries it until LeadOS accepts or definitively refuses it.
public enum WriteCommand: Codable, Sendable, Hashable {
    case feedback(leadID: String, FeedbackSubmission)
    case pause(campaignID: String)
    case resume(campaignID: String)
    /// `PATCH {"status":"active"}` on a draft.
    case launch(campaignID: String)
    case suppress(emails: [String])
}

/// What finally happened to a write.
public enum WriteOutcome: Sendable, Hashable {
    /// LeadOS accepted it; the runtime also reports the resulting objects as `SyncUpdate`s.
    case applied(WriteCommand)
    /// LeadOS refused it with a 4xx other than 429; it will not be retried. `message` is for the user.
    case refused(WriteCommand, status: Int, code: String, message: String)
}
