/// A dialog or overlay on top of the panes. While one is open it takes the keys first.
public enum Modal: Sendable, Hashable {
    /// A `y/N` question before a write; any key but `y` cancels.
    case confirm(Confirmation)
    /// Pick why a lead is bad (1–6); `n` adds a note first.
    case reasonPicker(leadID: String, note: String?)
    /// A one-line note for a bad rating (`purpose` says what Enter does with it).
    case noteInput(leadID: String, text: String, purpose: NotePurpose)
    /// The `/` prompt; Enter applies, Esc leaves the old filter.
    case filterInput(text: String)
    /// The `:` prompt; Enter runs the command, Esc leaves it.
    case commandPrompt(CommandPrompt)
    /// The `x` prompt: where to export the feed view; Enter exports, Esc leaves it.
    case exportPath(text: String)
    /// The recent notifications (`N`); any key closes it.
    case notifications
    /// The config's profiles (`:profile` without a name); `selected` is the highlighted row.
    case profilePicker(selected: Int)
    /// `c` or `e`: a campaign's writable fields, being edited.
    case campaignForm(CampaignForm)
    /// Every field of one campaign (`i`, or `Enter` on the scoped campaign).
    case campaignCard(campaignID: String)
    /// Every field of the selected lead.
    case leadCard
    /// `Y`: what of the lead to copy; `fromCard` goes back to the lead card afterwards.
    case copyMenu(leadID: String, fromCard: Bool)
    case help
    /// Where leadtop connects, what is failing and the whole error (`d`).
    case connectionDetails
}

public enum Confirmation: Sendable, Hashable {
    case pause(campaignID: String, name: String)
    case resume(campaignID: String, name: String)
    case suppress(leadID: String, email: String)
    /// `S` or `:suppress FILE`: many addresses at once.
    case suppressMany(BulkSuppression)
    /// Launch a draft; each lead will cost up to `costPerLead` credits.
    case launch(campaignID: String, name: String, costPerLead: Int)
    /// The export's file exists: replace it?
    case overwrite(ExportRequest)
}

public enum NotePurpose: Sendable, Hashable {
    /// Back to the reason picker, which sends the rating with the note.
    case badRating
    /// Resubmit the lead's existing rating with this note.
    case amendRating
}
