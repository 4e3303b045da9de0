import Foundation
import LeadOSContract

/// Everything the dashboard shows. Only `reduce` changes it; the renderer only reads it.
public struct AppState: Sendable {
    /// Tunables that are not part of the data.
    public struct Settings: Sendable, Hashable {
        public var readOnly: Bool
        /// Feed rows held in memory at most; the rest of the cache is read a page at a time.
        public var leadCapacity: Int
        /// How long a new arrival keeps its NEW mark.
        public var newMarkDuration: TimeInterval
        /// How long a status message stays.
        public var messageDuration: TimeInterval
        /// Days of history in each campaign's sparkline.
        public var sparklineDays: Int
        /// Where the API key came from, in words (`the --api-key flag`, `profile "work" of
        /// ~/.config/leadtop/config.toml`), for the key-rejected explanation.
        public var keySource: String
        /// The LeadOS base URL, for the connection details overlay.
        public var apiURL: String
        /// The data is a simulation (`--demo`): the status bar and help say so.
        public var isDemo: Bool
        /// The key bindings, the user's `[keys]` overrides applied.
        public var keys: KeyTable
        /// Whether the mouse is captured at start (`mouse = false` in the config leaves it to the
        /// terminal, for selecting text); `m` toggles it.
        public var mouse: Bool
        /// `[notify]`: which live events notify, and how.
        public var notify: NotifyRules
        /// When the dashboard started: leads delivered before it are never live.
        public var startedAt: Date
        /// The config profile in use (the status bar names it); nil outside any profile.
        public var profile: String?
        /// `[rating] advance`: after a rating the selection moves to the next unrated lead.
        public var advanceAfterRating = true
        /// The status bar shows how long ago the feed was refreshed only once it is this many
        /// seconds old, later than refreshes are expected: a fresh feed needs no ticking age, and
        /// the screen then has no reason to change every second. Nil: always shown (feed
        /// polling off, where the age is the only sign of how old the feed is).
        public var refreshAgeShownAfter: TimeInterval?

        public init(readOnly: Bool = false, leadCapacity: Int = 600, newMarkDuration: TimeInterval = 60,
                    messageDuration: TimeInterval = 5, sparklineDays: Int = 14, keySource: String = "",
                    apiURL: String = "", isDemo: Bool = false, mouse: Bool = true, keys: KeyTable = .standard,
                    notify: NotifyRules = NotifyRules(), startedAt: Date = .distantPast, profile: String? = nil) {
            self.readOnly = readOnly; self.leadCapacity = leadCapacity; self.newMarkDuration = newMarkDuration
            self.messageDuration = messageDuration; self.sparklineDays = sparklineDays
            self.keySource = keySource; self.apiURL = apiURL; self.isDemo = isDemo; self.mouse = mouse
            self.keys = keys
            self.notify = notify; self.startedAt = startedAt; self.profile = profile
        }
    }

    public struct RateLimit: Sendable, Hashable {
        public var remaining: Int
        public var limit: Int
    }

    /// An optimistic feedback change and what to restore if LeadOS refuses it.
    public struct PendingFeedback: Sendable, Hashable {
        public var previous: Feedback?
        public var optimistic: Feedback
    }

    public var settings: Settings
    public var width: Int
    public var height: Int
    public var layout: DashboardLayout
    public var now: Date

    public var focus: Pane = .feed
    /// The dashboard takes mouse events (clicks, wheel); off, the terminal selects text.
    public var mouseCaptured: Bool
    public var modal: Modal?

    // MARK: Campaigns
    /// In API order (created_at desc, id desc).
    public var campaigns: [Campaign] = []
    public var campaignIndex: [String: Int] = [:]
    public var selectedCampaignID: String?
    public var campaignScroll = 0
    /// Campaigns with a pause/resume in flight, and their state before it (for rollback).
    public var pendingCampaigns: [String: Campaign] = [:]
    /// Deliveries per day per campaign over the last `sparklineDays` days, oldest first.
    public var campaignSeries: [String: [Int]] = [:]
    /// LeadOS has more campaigns than one poll fetches; `campaigns` holds the newest of them.
    public var moreCampaignsOnServer = false
    /// The campaigns' sort column and direction (`<`, `>`, `r`); nil keeps LeadOS's order.
    public var campaignOrder: CampaignOrder?

    // MARK: Feed
    public var leads: LeadStore
    public var selectedLeadID: String?
    public var feedScroll = 0
    /// The text behind the current filter, as typed.
    public var filterText = ""
    /// Campaign the feed and stats are narrowed to (Enter on a campaign), nil for all.
    public var scopeCampaignID: String?
    public var pendingFeedback: [String: PendingFeedback] = [:]
    /// Ratings LeadOS accepted that no feedback summary has counted yet (the summary shown adds
    /// them, as it adds `pendingFeedback`, until the next summary arrives).
    public var uncountedFeedback: [String: PendingFeedback] = [:]
    /// This session's ratings, oldest first, for `z`.
    public var ratingHistory: [RatingRecord] = []
    /// Ratings `z` is taking back, waiting to hear whether they were still in the outbox.
    public var undoing: [RatingRecord] = []
    /// Set after the first leads arrive; later arrivals get a NEW mark.
    public var hasInitialLeads = false
    /// A row the selection moves to once its page is read (a jump beyond the rows in memory).
    public var pendingLeadRow: Int?
    /// After a filter change: reselect and say how many leads match once the first page arrives.
    public var announceFilterOnPage = false

    // MARK: Other data
    /// Account-wide stats (also the source of per-campaign sparklines).
    public var stats: DeliveryStats?
    /// Stats for the scoped campaign, when the sync engine has fetched them.
    public var scopedStats: DeliveryStats?
    /// The days the stats cover (`[` and `]`).
    public var statsRange = StatsRange.standard
    public var balance: Balance?
    public var feedbackSummary: FeedbackSummary?

    // MARK: Sync status
    public var connection: ConnectionStatus = .live
    /// The detail behind `connection`, for the connection details overlay.
    public var connectionReport = ConnectionReport()
    public var lastRefresh: [Resource: Date] = [:]
    /// When cached data was loaded; cleared by the first successful refresh.
    public var staleSince: Date?
    public var rateLimit: RateLimit?
    public var pendingWrites = 0
    public var message: StatusMessage?
    /// Recent notifications, oldest first (`N` lists them).
    public var notifications: [DashboardNotification] = []
    /// Earlier `:` commands, oldest first (loaded at start, kept in the state directory).
    public var commandHistory: [String] = []
    /// Theme names `:theme` completes (the shipped ones and the user's).
    public var themeNames: [String] = []
    /// Campaigns whose change in flight was made in the editor (`E`): a refusal reopens it.
    public var editorSaves: Set<String> = []
    /// The config's profiles, sorted, for `:profile` and its picker.
    public var profileNames: [String] = []
    /// An export (`x`) is being written; a second waits for it.
    public var exportRunning = false

    // MARK: Handing leads on
    /// The filter whose addresses `S` asked the cache for, until they arrive.
    public var awaitingViewEmails: FeedFilter?
    /// A bulk suppression with batches still in the outbox.
    public var bulkSuppression: BulkSuppressionProgress?

    public init(width: Int = 80, height: Int = 24, now: Date = Date(timeIntervalSince1970: 0),
                settings: Settings = Settings()) {
        self.settings = settings
        self.width = width
        self.height = height
        self.layout = DashboardLayout(width: width, height: height)
        self.now = now
        self.leads = LeadStore(capacity: settings.leadCapacity)
        self.mouseCaptured = settings.mouse
    }
}
