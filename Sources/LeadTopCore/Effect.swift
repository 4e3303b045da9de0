/// Work the runtime performs for the reducer. Effects are plain values so tests can assert them
/// exactly; the runtime maps each one onto the sync engine or the process.
public enum Effect: Sendable, Hashable {
    /// Put a write in the durable outbox (`SyncEngine.enqueue`). The state already shows it
    /// optimistically; a `WriteOutcome` comes back as `.sync(.writeSettled)`.
    case write(WriteCommand)
    /// Poll every resource now (`SyncEngine.refreshNow`), for the `R` key.
    case refreshNow
    /// Fetch delivery stats for one campaign, or for all when nil (`SyncEngine.setStatsScope`).
    case setStatsScope(campaignID: String?)
    /// Read rows of the feed from the local cache; the page comes back as `.sync(.feedPage)`.
    case loadFeed(FeedRequest)
    /// Take mouse events from the terminal, or give them back so it can select text (`m`).
    case setMouseCapture(Bool)
    /// Switch the colour theme to a shipped or user theme, or a theme file (`:theme`); the
    /// outcome comes back as `.themeSwitched`.
    case switchTheme(String)
    /// Open another profile of the config and move the dashboard to it (`:profile`); the outcome
    /// comes back as `.profileSwitched` or `.profileSwitchFailed`.
    case switchProfile(String)
    /// Hand a campaign to the user's editor (`E`); the terminal is given to it until it exits, and
    /// the document comes back as `.campaignEditorClosed`.
    case editCampaignInEditor(CampaignEditorRequest)
    /// Keep the `:` history (oldest first) in the state directory for the next start.
    case saveCommandHistory([String])
    /// Ring, post to the desktop or run the user's command for a notification, as `[notify]` says.
    case notify(DashboardNotification)
    /// Write the feed view's leads to a file, off the UI thread; progress and the outcome come
    /// back as `.export` actions.
    case export(ExportRequest)
    /// Put text on the terminal's clipboard (OSC 52); how that went comes back as `.handOn(.copied)`.
    case copyToClipboard(ClipboardCopy)
    /// Open an http(s) URL in the browser, off the UI thread; a failure comes back as
    /// `.handOn(.openFailed)`.
    case openURL(String)
    /// Read the email addresses of every cached lead passing the filter (`S`); they come back as
    /// `.sync(.viewEmails)`.
    case collectEmails(FeedFilter)
    /// Read a file of addresses (`:suppress FILE`); it comes back as `.handOn(.suppressionFileRead)`.
    case readSuppressionFile(path: String)
    /// Fetch the delivery stats for this many days at once, and from then on (`[`, `]`, `:range`).
    case setStatsRange(StatsRange)
    /// Take the newest copy of this write out of the outbox if it has never been sent (`z`); the
    /// answer comes back as `.sync(.writeWithdrawn)`.
    case withdrawWrite(WriteCommand)
    /// Restore the terminal and exit.
    case quit
}
