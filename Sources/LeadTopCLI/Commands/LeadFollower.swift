import Foundation
import LeadOSAPI

/// `leads --follow`: polls the feed through the client's `FeedCursor`, which drops what it has
/// already returned and remembers what a long gap left to fetch, so no lead is printed twice or
/// skipped. A poll that fails leaves the cursor as it was (the next poll asks again from the same
/// point); LeadOS being away is reported on stderr and waited out, a refused key ends the command.
struct LeadFollower {
    let client: LeadOSClient
    /// The filters; `since` (when given) is where following starts, else it starts now.
    let query: LeadQuery
    let interval: TimeInterval
    let writer: RecordWriter
    /// Stops after printing this many leads (`--limit`): a script can wait for the next lead.
    var limit: Int?

    func run() async throws {
        var cursor: FeedCursor
        if let since = query.since {
            cursor = FeedCursor(newest: since)
        } else {
            // Following starts now: the newest page sets the cursor and is not printed.
            cursor = FeedCursor()
            cursor = try await poll(cursor, print: false, room: nil).cursor
        }
        var printed = 0
        var failing = false
        // From --since, the first poll prints the window so far at once.
        var waitFirst = query.since == nil
        while true {
            if waitFirst { try await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000)) }
            waitFirst = true
            do {
                let (next, count) = try await poll(cursor, print: true, room: limit.map { $0 - printed })
                cursor = next
                printed += count
                if let limit, printed >= limit { return }
                if failing { StandardStreams.error("leads --follow: LeadOS answers again") }
                failing = false
            } catch let error as LeadOSError where ExitStatus.of(error) == .unreachable {
                StandardStreams.error("leads --follow: \(describe(error)); trying again in \(Self.seconds(interval))")
                failing = true
            }
        }
    }

    /// One fetch from a copy of the cursor: the cursor moves only once the leads are printed.
    /// Prints at most `room` leads (the oldest), for `--limit`.
    private func poll(_ cursor: FeedCursor, print: Bool, room: Int?) async throws -> (cursor: FeedCursor, printed: Int) {
        var next = cursor
        let fetch = try await client.fetchFeed(after: &next, pageSize: 100, maxPages: 50)
        guard print else { return (next, 0) }
        // Oldest first, as a log reads; a fetch comes newest first.
        var fresh = fetch.leads.filter(matches).sorted { ($0.deliveredAt, $0.id) < ($1.deliveredAt, $1.id) }
        if let room { fresh = Array(fresh.prefix(max(0, room))) }
        for lead in fresh { try writer.write(lead) }
        for item in fetch.unreadable {
            StandardStreams.error("warning: skipped a lead LeadOS sent that could not be read (\(item.id ?? "no id"): \(item.reason))")
        }
        return (next, fresh.count)
    }

    /// The feed is fetched unfiltered (so the cursor sees every lead); the filters apply here.
    func matches(_ lead: Lead) -> Bool {
        if let campaignID = query.campaignID, lead.campaignID != campaignID { return false }
        if let minScore = query.minScore, lead.score < minScore { return false }
        if let statuses = query.emailStatus, !statuses.contains(where: { $0 == lead.emailStatus }) { return false }
        if query.hasFeedback == false, lead.feedback != nil { return false }
        return true
    }

    static func seconds(_ t: TimeInterval) -> String {
        t == t.rounded() ? "\(Int(t)) s" : String(format: "%.1f s", t)
    }
}
