import Foundation

/// One notification: what the status bar shows, the `N` list keeps, and the runtime rings,
/// posts to the desktop or hands to the user's command.
public struct DashboardNotification: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case leads = "leads"
        case lowBalance = "low_balance"
        case campaignPaused = "campaign_paused"
    }

    public var kind: Kind
    public var at: Date
    /// One line, e.g. "7 leads ≥ 90 in EU fintech buyers".
    public var text: String
    /// The campaign concerned, when there is one.
    public var campaignID: String?
    /// The leads concerned (ids), for the command's JSON.
    public var leadIDs: [String]
    /// How many events this one stands for (a burst is one notification).
    public var count: Int

    public init(kind: Kind, at: Date, text: String, campaignID: String? = nil, leadIDs: [String] = [], count: Int = 1) {
        self.kind = kind; self.at = at; self.text = text; self.campaignID = campaignID
        self.leadIDs = leadIDs; self.count = count
    }

    enum CodingKeys: String, CodingKey {
        case kind = "type", at, text, campaignID = "campaign_id", leadIDs = "lead_ids", count
    }
}
