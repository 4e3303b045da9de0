/// `E`: a campaign handed to the user's `$VISUAL`/`$EDITOR` as a commented TOML document, as
/// `kubectl edit` and `git commit` do. `problem` goes on top when the document is opened again
/// (a value outside the contract's limits, or LeadOS's refusal of the last save).
public struct CampaignEditorRequest: Sendable, Hashable {
    public var campaignID: String
    public var name: String
    public var values: CampaignForm.Values
    public var leadsDelivered: Int
    public var problem: String?

    public init(campaignID: String, name: String, values: CampaignForm.Values, leadsDelivered: Int, problem: String? = nil) {
        self.campaignID = campaignID; self.name = name; self.values = values
        self.leadsDelivered = leadsDelivered; self.problem = problem
    }
}

/// How an editing session ended.
public enum CampaignEditorOutcome: Sendable, Hashable {
    /// The document was saved with these values (maybe unchanged).
    case saved(CampaignForm.Values)
    /// The user emptied the document or gave up on a document that does not parse.
    case cancelled
    /// The editor could not be run (no such program, a non-zero exit), in words.
    case failed(String)
}
