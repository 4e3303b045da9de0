/// `[notify]` in the config: which live events notify, and how. Nothing notifies by default.
public struct NotifyRules: Sendable, Hashable {
    /// A delivered lead scoring at least this notifies.
    public var scoreAtLeast: Int?
    /// The balance dropping below this many credits notifies (once per crossing).
    public var balanceBelow: Int?
    /// A campaign paused by LeadOS (credits, caps), not by this dashboard, notifies.
    public var campaignPaused: Bool
    /// Only these campaigns (by name); empty means all.
    public var campaigns: [String]
    /// Ring the terminal's bell (BEL).
    public var bell: Bool
    /// Ask the terminal for a desktop notification (OSC 9 and OSC 777).
    public var desktop: Bool
    /// A command to run with the event as JSON on standard input.
    public var command: String?

    public init(scoreAtLeast: Int? = nil, balanceBelow: Int? = nil, campaignPaused: Bool = false,
                campaigns: [String] = [], bell: Bool = false, desktop: Bool = false, command: String? = nil) {
        self.scoreAtLeast = scoreAtLeast; self.balanceBelow = balanceBelow; self.campaignPaused = campaignPaused
        self.campaigns = campaigns; self.bell = bell; self.desktop = desktop; self.command = command
    }

    /// Whether any event can notify at all.
    public var isEnabled: Bool { scoreAtLeast != nil || balanceBelow != nil || campaignPaused }

    func covers(campaignName: String?) -> Bool {
        campaigns.isEmpty || campaignName.map(campaigns.contains) == true
    }
}
