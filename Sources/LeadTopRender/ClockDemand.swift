import Foundation
import LeadTopCore

/// When the screen next changes by the clock alone, so the UI loop sleeps until then instead of
/// waking every second: an idle dashboard whose texts read the same second after second costs
/// nothing. What reads the clock is what `renderClockParts` redraws: the feed's ages and NEW
/// marks, the credits pane's run-out date and days left, and the status bar (refresh age once
/// shown, retry countdowns, a message that expires); and the state itself when a failed cache
/// read waits for the next tick to be tried again.
///
/// Waking early is harmless (the frame changes nothing and is not sent); waking late would show
/// a stale text, which a property test holds against: the screen drawn at any instant before
/// the answer equals the screen drawn now.
extension DashboardView {
    /// The first instant after `state.now` at which a clock-reading text may read differently;
    /// nil when none will. A second after `now` while a dialog, notice or countdown is up (the
    /// clock then ticks every second, as it always used to).
    public static func nextClockChange(state: AppState) -> Date? {
        let now = state.now
        let everySecond = now.addingTimeInterval(1)
        let layout = state.layout
        guard clockPartsSuffice(state, width: layout.width, height: layout.height),
              !state.leads.isHoldingRequests else { return everySecond }
        switch state.connection {
        case .live: break
        case .degraded(_, let nextRetry), .offline(_, _, let nextRetry):
            if nextRetry != nil { return everySecond }
        case .keyRejected: return everySecond
        }
        var next: Date?
        func consider(_ date: Date?) {
            guard let date else { return }
            next = next.map { min($0, date) } ?? date
        }
        consider(state.message?.expiresAt)
        if let refreshed = state.lastRefresh[.feed], !state.isStale {
            consider(state.showsRefreshAge ? Format.nextAgeChange(since: refreshed, now: now) : state.refreshAgeAppears)
        }
        consider(FeedPane.nextClockChange(state: state, rect: layout.feed))
        consider(CreditsPane.nextClockChange(state: state))
        // One already due (a message past its time) is drawn at the next tick.
        return next
    }
}

extension FeedPane {
    /// The first instant after `state.now` at which a visible row's age or NEW mark changes.
    static func nextClockChange(state: AppState, rect: Rect) -> Date? {
        let rows = max(0, rect.inner.height - 1)
        let newFor = state.settings.newMarkDuration
        var next: Date?
        for r in 0..<max(0, min(rows, state.leads.visibleCount - state.feedScroll)) {
            guard let entry = state.leads.entry(atRow: state.feedScroll + r) else { continue }
            var change = Format.nextAgeChange(since: entry.lead.deliveredAt, now: state.now)
            if let arrived = entry.arrivedAt, state.now.timeIntervalSince(arrived) < newFor {
                change = min(change, arrived.addingTimeInterval(newFor))
            }
            next = next.map { min($0, change) } ?? change
        }
        return next
    }
}

extension CreditsPane {
    /// When the run-out date or the days left in the period may read differently: the projected
    /// date crossing a UTC midnight or the period's end, or a whole day of the period passing.
    static func nextClockChange(state: AppState) -> Date? {
        guard let balance = state.balance else { return nil }
        let now = state.now
        var candidates: [Date] = []
        let left = balance.periodEnd.timeIntervalSince(now)
        if left > 0, left.isFinite {
            let days = (left / 86_400).rounded(.down)
            candidates.append(balance.periodEnd.addingTimeInterval(-days * 86_400))
        }
        if balance.creditsRemaining > 0, let burn = burnRate(state.stats), burn > 0 {
            let ahead = Double(balance.creditsRemaining) / burn * 86_400
            if ahead.isFinite {
                let projected = now.addingTimeInterval(ahead).timeIntervalSince1970
                let midnight = ((projected / 86_400).rounded(.down) + 1) * 86_400
                candidates.append(Date(timeIntervalSince1970: midnight - ahead))
                candidates.append(balance.periodEnd.addingTimeInterval(-ahead))
            }
        }
        // One at `now` is a change happening at this very instant (a whole number of days left):
        // it is drawn at the next tick.
        return candidates.filter { $0 >= now }.min()
    }
}
