import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LeadTopCore

/// Opt-in event trace for measuring the dashboard from outside (`scripts/bench`): with
/// `LEADTOP_TRACE=/path`, each event is appended as one line `<unix-ns> <event> <detail>`. The
/// wall clock is used so another process can compare its own timestamps with these.
///
/// Events: `start` (the command began), `phase` (a start-up step done), `key`, `sync` (an update
/// from the sync engine was applied), `tick` (the once-a-second clock), `frame` (a frame was
/// flushed to the terminal). Lines go straight to the file with `write(2)`, so a crash or SIGKILL loses nothing already
/// traced; without the variable nothing is opened and every call returns at once.
public final class DashboardTrace: Sendable {
    private let fd: Int32?

    public init(environment: [String: String]) {
        guard let path = environment["LEADTOP_TRACE"], !path.isEmpty else { fd = nil; return }
        let opened = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        fd = opened >= 0 ? opened : nil
    }

    public var isEnabled: Bool { fd != nil }

    public func record(_ event: String, _ detail: @autoclosure () -> String = "") {
        guard let fd else { return }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let nanoseconds = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
        let text = detail()
        var line = "\(nanoseconds) \(event)"
        if !text.isEmpty { line += " \(text)" }
        line += "\n"
        line.withCString { pointer in _ = write(fd, pointer, strlen(pointer)) }
    }

    /// Records an action posted from another thread: sync updates and clock ticks.
    public func record(_ action: Action) {
        switch action {
        case .sync(let update): record("sync", Self.describe(update))
        case .tick: record("tick")
        case .handOn(let report): record("hand_on", Self.describe(report))
        default: break
        }
    }

    /// A short description of a sync update: its kind, and for leads their count and ids (so a
    /// script can tell when a given lead reached the state).
    public static func describe(_ update: SyncUpdate) -> String {
        switch update {
        case .leads(let stored):
            let leads = stored.added + stored.changed
            let ids = leads.prefix(10).map(\.id).joined(separator: ",")
            return "leads n=\(leads.count) new=\(stored.added.count) ids=\(ids)"
        case .feedPage(let page): return "feed_page offset=\(page.request.offset) n=\(page.leads.count) matching=\(page.matching)"
        case .feedPageFailed(_, let message): return "feed_page_failed \(message)"
        case .campaigns(let campaigns): return "campaigns n=\(campaigns.count)"
        case .campaign: return "campaign"
        case .balance: return Resource.balance.name
        case .stats: return Resource.stats.name
        case .feedbackSummary: return Resource.feedbackSummary.name
        case .connection: return "connection"
        case .connectionReport: return "connection_report"
        case .notice: return "notice"
        case .refreshed(let resource, _): return "refreshed \(resource.name)"
        case .loadedFromCache: return "loaded_from_cache"
        case .pendingWrites: return "pending_writes"
        case .rateLimit: return "rate_limit"
        case .writeSettled: return "write_settled"
        case .writeWithdrawn(_, let removed): return "write_withdrawn \(removed)"
        case .skippedUnreadable(let resource, let items): return "skipped_unreadable \(resource) n=\(items.count)"
        case .moreCampaignsOnServer(let more): return "more_campaigns \(more)"
        case .viewEmails(_, let emails): return "view_emails n=\(emails.count)"
        case .viewEmailsFailed(_, let message): return "view_emails_failed \(message)"
        case .suppressionApplied(let emails, let result):
            return "suppression_applied n=\(emails.count) added=\(result.added) already=\(result.alreadyPresent) invalid=\(result.invalid.count)"
        }
    }

    /// A short description of a hand-on report (never the text copied).
    public static func describe(_ report: HandOnReport) -> String {
        switch report {
        case .copied(_, let support): return "copied \(support)"
        case .openFailed: return "open_failed"
        case .suppressionFileRead(_, let addresses, let bad): return "file_read n=\(addresses.count) bad=\(bad)"
        case .suppressionFileFailed: return "file_failed"
        }
    }
}
