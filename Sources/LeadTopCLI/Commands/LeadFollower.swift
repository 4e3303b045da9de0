import Foundation
import LeadOSAPI
import LeadTopRuntime

/// `leads --follow`: polls the feed through the client's `FeedCursor`, which drops what it has
/// already returned and remembers what a long gap left to fetch, so no lead is printed twice or
/// skipped. A poll that fails leaves the cursor as it was (the next poll asks again from the same
/// point); LeadOS being away is reported on stderr and waited out, a refused key ends the command.
///
/// With `--listen`, pushed leads are printed as they arrive and the poll goes on as a safety net:
/// every lead goes through one `LeadPrinter`, which prints a lead id once whichever way it came.
struct LeadFollower {
    let client: LeadOSClient
    /// The filters; `since` (when given) is where following starts, else it starts now.
    let query: LeadQuery
    let interval: TimeInterval
    let writer: RecordWriter
    /// Stops after printing this many leads (`--limit`): a script can wait for the next lead.
    var limit: Int?
    /// Leads pushed to the `--listen` receiver, nil when following by polling only.
    var pushed: AsyncStream<Lead>?

    func run() async throws {
        var cursor: FeedCursor
        if let since = query.since {
            cursor = FeedCursor(newest: since)
        } else {
            // Following starts now: the newest page sets the cursor and is not printed.
            cursor = FeedCursor()
            cursor = try await Self.fetch(client, cursor).cursor
        }
        let printer = LeadPrinter(writer: writer, limit: limit, query: query)
        try await withThrowingTaskGroup(of: Bool.self) { group in
            if let pushed {
                group.addTask {
                    for await lead in pushed {
                        if try printer.print([lead]) { return true }
                    }
                    return false
                }
            }
            group.addTask { [client, query, interval, cursor] in
                try await Self.poll(client: client, query: query, interval: interval, from: cursor, printer: printer)
                return true
            }
            // The first task to reach --limit ends both; the push task ending alone leaves the poll.
            while let limitReached = try await group.next() {
                if limitReached {
                    group.cancelAll()
                    return
                }
            }
        }
    }

    /// Polls until `--limit` is reached (or the task is cancelled).
    private static func poll(client: LeadOSClient, query: LeadQuery, interval: TimeInterval, from start: FeedCursor,
                             printer: LeadPrinter) async throws {
        var cursor = start
        var failing = false
        // From --since, the first poll prints the window so far at once.
        var waitFirst = query.since == nil
        while true {
            if waitFirst { try await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000)) }
            waitFirst = true
            do {
                let fetch = try await Self.fetch(client, cursor)
                // Oldest first, as a log reads; a fetch comes newest first.
                let leads = fetch.leads.sorted { ($0.deliveredAt, $0.id) < ($1.deliveredAt, $1.id) }
                let done = try printer.print(leads)
                for item in fetch.unreadable {
                    StandardStreams.error("warning: skipped a lead LeadOS sent that could not be read (\(item.id ?? "no id"): \(item.reason))")
                }
                // The cursor moves only once the leads are printed.
                cursor = fetch.cursor
                if done { return }
                if failing { StandardStreams.error("leads --follow: LeadOS answers again") }
                failing = false
            } catch let error as LeadOSError where ExitStatus.of(error) == .unreachable {
                StandardStreams.error("leads --follow: \(describe(error)); trying again in \(Self.seconds(interval))")
                failing = true
            }
        }
    }

    /// One fetch from a copy of the cursor.
    private static func fetch(_ client: LeadOSClient, _ cursor: FeedCursor) async throws
        -> (leads: [Lead], unreadable: [UnreadableItem], cursor: FeedCursor) {
        var next = cursor
        let fetch = try await client.fetchFeed(after: &next, pageSize: 100, maxPages: 50)
        return (fetch.leads, fetch.unreadable, next)
    }

    static func seconds(_ t: TimeInterval) -> String {
        t == t.rounded() ? "\(Int(t)) s" : String(format: "%.1f s", t)
    }
}

/// Where the poll and the pushes print: each lead id once (the most recent ids remembered), only
/// leads passing the filters, at most `--limit`. Guarded by a lock: pushes and polls run on
/// tasks of their own.
final class LeadPrinter: @unchecked Sendable {
    private let lock = NSLock()
    private let writer: RecordWriter
    private let limit: Int?
    private let query: LeadQuery
    private var printed = 0
    private var seen = EventDeduplicator(capacity: 50_000)

    init(writer: RecordWriter, limit: Int?, query: LeadQuery) {
        self.writer = writer; self.limit = limit; self.query = query
    }

    /// Prints the leads not seen before that pass the filters, in the order given; true once
    /// `--limit` leads are printed.
    func print(_ leads: [Lead]) throws -> Bool {
        try lock.withLock {
            for lead in leads {
                if let limit, printed >= limit { return true }
                guard seen.firstSighting(lead.id), Self.matches(lead, query) else { continue }
                try writer.write(lead)
                printed += 1
            }
            if let limit { return printed >= limit }
            return false
        }
    }

    /// The feed is fetched unfiltered (so the cursor sees every lead); the filters apply here.
    static func matches(_ lead: Lead, _ query: LeadQuery) -> Bool {
        if let campaignID = query.campaignID, lead.campaignID != campaignID { return false }
        if let minScore = query.minScore, lead.score < minScore { return false }
        if let statuses = query.emailStatus, !statuses.contains(where: { $0 == lead.emailStatus }) { return false }
        if query.hasFeedback == false, lead.feedback != nil { return false }
        return true
    }
}
