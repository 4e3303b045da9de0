import Foundation
import LeadOSContract

/// Handing leads on: `y` and `Y` copy (OSC 52, through the terminal), `o` opens the LinkedIn page
/// in the browser (the runtime starts it), `S` and `:suppress FILE` suppress many addresses at once.
extension AppState {
    // MARK: - Copy

    mutating func copySelectedEmail() -> [Effect] {
        guard let lead = leadToHandOn() else { return [] }
        return copy(.email, of: lead)
    }

    mutating func openCopyMenu() -> [Effect] {
        guard let lead = leadToHandOn() else { return [] }
        modal = .copyMenu(leadID: lead.id, fromCard: modal == .leadCard)
        return []
    }

    mutating func handleCopyMenuKey(_ key: Key, leadID: String, fromCard: Bool) -> [Effect] {
        let back: Modal? = fromCard ? .leadCard : nil
        switch key {
        case .esc, .char("q"):
            modal = back
            return []
        case .char(let c):
            guard let choice = CopyChoice.choice(for: c) else { return [] }
            modal = back
            guard let lead = leads.entry(id: leadID)?.lead else {
                show("That lead is no longer in the feed", kind: .error)
                return []
            }
            return copy(choice, of: lead)
        default:
            return []
        }
    }

    private mutating func copy(_ choice: CopyChoice, of lead: Lead) -> [Effect] {
        guard let text = choice.text(for: lead) else {
            show(choice.missing(lead), kind: .error)
            return []
        }
        return [.copyToClipboard(ClipboardCopy(text: text, what: choice.describe(lead)))]
    }

    // MARK: - Open

    mutating func openSelectedLink() -> [Effect] {
        guard let lead = leadToHandOn() else { return [] }
        guard let raw = lead.linkedinURL, !raw.isEmpty else {
            show("\(lead.fullName) has no LinkedIn URL", kind: .error)
            return []
        }
        guard let url = WebLink.validated(raw) else {
            show("The LinkedIn URL of \(lead.fullName) is not a plain http(s) link: not opened", kind: .error)
            return []
        }
        show("Opening \(url)…")
        return [.openURL(url)]
    }

    // MARK: - Bulk suppression

    /// `S`: asks the cache for every address of the filtered feed; the confirmation follows when
    /// they arrive. The unfiltered feed is refused: "every lead I ever got" is one key away from
    /// `s`, and a list is what `:suppress FILE` is for.
    mutating func requestViewSuppression() -> [Effect] {
        guard !settings.readOnly else { return refuseInReadOnly("suppression") }
        guard bulkSuppressionIsIdle() else { return [] }
        let filter = leads.filter
        guard !filter.isEmpty else {
            show("S suppresses the filtered feed: filter (/) or scope it first; :suppress FILE takes a list", kind: .error)
            return []
        }
        awaitingViewEmails = filter
        show("Collecting the filtered feed's addresses…")
        return [.collectEmails(filter)]
    }

    /// `:suppress FILE`: the runtime reads the file; the confirmation follows.
    mutating func requestFileSuppression(path: String) -> [Effect] {
        guard !settings.readOnly else { return refuseInReadOnly("suppression") }
        guard bulkSuppressionIsIdle() else { return [] }
        show("Reading \(path)…")
        return [.readSuppressionFile(path: path)]
    }

    mutating func receiveViewEmails(_ emails: [String], for filter: FeedFilter) {
        guard awaitingViewEmails == filter else { return }
        awaitingViewEmails = nil
        guard filter == leads.filter else {
            show("The filter changed meanwhile: press S again", kind: .error)
            return
        }
        guard !emails.isEmpty else {
            show("No lead of the filtered feed has an email", kind: .error)
            return
        }
        ask(.suppressMany(BulkSuppression(source: .view(viewWords), emails: BulkSuppression.distinct(emails))))
    }

    /// The filter and scope in words: `“score>80” in Solar installers DE`.
    private var viewWords: String {
        var parts: [String] = []
        if !filterText.isEmpty { parts.append("“\(filterText)”") }
        if let id = scopeCampaignID { parts.append("in \(campaign(id: id)?.name ?? id)") }
        return parts.joined(separator: " ")
    }

    mutating func receive(_ report: HandOnReport) -> [Effect] {
        switch report {
        case .copied(let what, let support):
            switch support {
            case .supported: show("Copied \(what) to the clipboard")
            case .tmux: show("Copied \(what) via OSC 52 (tmux passes it on with set-clipboard on)")
            case .unknown: show("Copied \(what) via OSC 52 (if your terminal allows it)")
            case .absent(let terminal): show("\(terminal) has no OSC 52 clipboard: nothing was copied", kind: .error)
            }
        case .openFailed(let url, let reason):
            show("Could not open \(url): \(reason)", kind: .error)
        case .suppressionFileRead(let path, let addresses, let badLines):
            guard !addresses.isEmpty else {
                let bad = badLines == 1 ? " (its one line is not an address)" : badLines > 1 ? " (\(badLines) lines are not addresses)" : ""
                show("No addresses in \(path)" + bad, kind: .error)
                return []
            }
            ask(.suppressMany(BulkSuppression(source: .file(path), emails: addresses, badLines: badLines)))
        case .suppressionFileFailed(let path, let reason):
            show("Cannot read \(path): \(reason)", kind: .error)
        }
        return []
    }

    /// `y` on the confirmation: every batch goes to the outbox at once.
    mutating func startBulkSuppression(_ bulk: BulkSuppression) -> [Effect] {
        let progress = BulkSuppressionProgress(bulk)
        bulkSuppression = progress
        let batches = progress.waiting.count
        let count = bulk.emails.count
        show("Suppressing \(BulkSuppressionProgress.grouped(count)) address\(count == 1 ? "" : "es")"
             + (batches > 1 ? " in \(batches) batches…" : "…"))
        return progress.waiting.map { .write(.suppress(emails: $0)) }
    }

    /// LeadOS's counts for one suppression write: a batch of the bulk suppression, or `s`'s one
    /// address, which LeadOS may have found invalid.
    mutating func recordSuppression(_ result: SuppressionResult, for emails: [String]) {
        if bulkSuppression?.isWaiting(for: emails) == true {
            settleBulkBatch(emails) { $0.record(result) }
        } else if !result.invalid.isEmpty {
            show("LeadOS did not suppress \(result.invalid.joined(separator: ", ")): not a valid address", kind: .error)
        }
    }

    /// Marks a batch answered; after the last one, says how it all went.
    mutating func settleBulkBatch(_ batch: [String], _ change: (inout BulkSuppressionProgress) -> Void) {
        guard var progress = bulkSuppression else { return }
        change(&progress)
        progress.finish(batch)
        if progress.isDone {
            bulkSuppression = nil
            show(progress.summary, kind: progress.refused > 0 ? .error : .info)
        } else {
            bulkSuppression = progress
        }
    }

    /// Confirmations are shown only over the bare dashboard: one that arrives while a dialog is
    /// open would take its keys.
    private mutating func ask(_ confirmation: Confirmation) {
        guard modal == nil else {
            show("Close the dialog and ask again", kind: .error)
            return
        }
        modal = .confirm(confirmation)
    }

    private mutating func bulkSuppressionIsIdle() -> Bool {
        guard let progress = bulkSuppression else { return true }
        show("A bulk suppression is still being sent (\(progress.waiting.count) batches left)", kind: .error)
        return false
    }

    private mutating func leadToHandOn() -> Lead? {
        if let lead = selectedLead { return lead }
        show("No lead selected", kind: .error)
        return nil
    }
}
