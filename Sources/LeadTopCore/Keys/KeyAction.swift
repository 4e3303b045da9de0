/// Everything a key can do on the dashboard. The raw value is the action's name in the config
/// file's `[keys]` table (`pause = "P"`).
public enum KeyAction: String, CaseIterable, Sendable, Hashable {
    case nextPane = "next_pane"
    case previousPane = "previous_pane"
    case focusCampaigns = "focus_campaigns"
    case focusFeed = "focus_feed"
    case focusStats = "focus_stats"
    case focusCredits = "focus_credits"
    case focusFeedback = "focus_feedback"
    case down, up
    case first, last
    case pageDown = "page_down"
    case pageUp = "page_up"
    case pause
    case rateGood = "rate_good"
    case rateBad = "rate_bad"
    case note
    case suppress
    /// `S`: suppress every email of the filtered feed.
    case suppressView = "suppress_view"
    /// `y`: the selected lead's email to the clipboard (OSC 52).
    case copyEmail = "copy_email"
    /// `Y`: pick what of the lead goes to the clipboard.
    case copyMenu = "copy_menu"
    /// `o`: the lead's LinkedIn page in the browser.
    case openLink = "open_linkedin"
    case open
    /// `i`: the selected campaign's whole record.
    case campaignDetail = "campaign_detail"
    /// `c` and `e`: the campaign form, empty or on the selected campaign.
    case createCampaign = "create_campaign"
    case editCampaign = "edit_campaign"
    /// `E`: the selected campaign in `$VISUAL`/`$EDITOR`.
    case editInEditor = "edit_in_editor"
    case allCampaigns = "all_campaigns"
    case filter
    case clear
    case refresh
    case details
    case mouse
    case help
    /// `N`: the recent notifications.
    case notifications
    /// `:`: the command prompt.
    case command
    /// `x`: write the feed view to a CSV or JSON lines file.
    case export
    case quit
    /// `u`: the feed shows only leads without a rating.
    case unratedOnly = "unrated_only"
    /// `z`: take back the last rating.
    case undoRating = "undo_rating"
    /// `[` and `]`: the stats cover fewer or more days.
    case shorterRange = "shorter_range"
    case longerRange = "longer_range"
    /// `<` and `>`: the focused table sorts by the previous or next visible column.
    case sortPrevious = "sort_previous"
    case sortNext = "sort_next"
    /// `r`: the focused table's sort goes the other way.
    case sortReverse = "sort_reverse"
}
