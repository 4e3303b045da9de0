import Foundation

/// Everything that can change the dashboard's state. The single state owner feeds each one to
/// `reduce`; nothing else mutates `AppState`.
public enum Action: Sendable, Hashable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
    /// The wall clock, sent about once a second; the only source of time for ages, NEW marks and
    /// message expiry, so the core stays deterministic.
    case tick(now: Date)
    case sync(SyncUpdate)
    /// The theme `:theme` asked for is on screen, or why it could not be loaded.
    case themeSwitched(name: String, failure: String?)
    /// What became of a lead handed on: a copy, a browser started, a file of addresses read.
    case handOn(HandOnReport)
    /// The editor `E` opened has exited, with what it left.
    case campaignEditorClosed(CampaignEditorRequest, CampaignEditorOutcome)
    /// The profile `:profile` asked for is open: the state starts afresh on its account.
    case profileSwitched(ProfileAccount)
    /// The profile could not be opened (its key, URL or state directory), and why.
    case profileSwitchFailed(name: String, reason: String)
    /// A profile switched away from has sent its queued writes; `leftQueued` wait for its next start.
    case profileRetired(name: String, leftQueued: Int)
    /// How the export `Effect.export` started is going.
    case export(ExportUpdate)
}
