import BenchmarkWorld
import Foundation
import Glibc
import LeadOSAPI
import LeadTopCore
import LeadTopRender

// Repeats one unit of the dashboard's work COUNT times and prints the CPU time it took per unit.
// `scripts/bench` runs it twice under callgrind (two counts) and divides the difference of the
// instruction totals by the difference of the counts: start-up and set-up cancel out, and what
// is left is the instructions of one unit, the same on every run (SWIFT_DETERMINISTIC_HASHING=1).
//
// Usage: CostProbe frame COUNT
//            a 200x50 frame of a 1,000-campaign account: render into the reused grid (unchanged
//            panes copied), diff against the previous frame (the selection moves one row per frame)
//        CostProbe poll URL KEY RESOURCE COUNT
//            a poll that brings nothing new, as the sync engine makes it: request, reply, decode
//            (stats: compared with the previous reply, and decoded only when it differs);
//            RESOURCE is feed, campaigns, balance, stats or feedback_summary
let arguments = CommandLine.arguments

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

func usage() -> Never {
    FileHandle.standardError.write(Data("usage: CostProbe frame COUNT | CostProbe poll URL KEY RESOURCE COUNT\n".utf8))
    exit(2)
}

func report(_ count: Int, since start: Double) {
    print(String(format: "cpu_us_per_unit %.1f", (cpuSeconds() - start) / Double(max(1, count)) * 1e6))
}

switch arguments.dropFirst().first {
case "frame":
    guard arguments.count == 3, let count = Int(arguments[2]) else { usage() }
    let world = BenchmarkWorld(leadCount: 1_000, campaignCount: 1_000)
    let first = world.state(width: 200, height: 50, leadLimit: 1_000)
    var second = first
    _ = reduce(&second, .key(.down))
    var grid = CellGrid(width: 200, height: 50)
    var memo = PaneMemo()
    DashboardView.render(state: first, theme: .default, into: &grid, over: grid, memo: &memo)
    var previous = grid
    var changed = 0
    let start = cpuSeconds()
    for i in 0..<count {
        // As the dashboard does: draw into the frame before last, copying the panes whose
        // inputs did not change from the last one.
        swap(&previous, &grid)
        DashboardView.render(state: i % 2 == 0 ? second : first, theme: .default, into: &grid, over: previous, memo: &memo)
        changed &+= grid.frameDiff(since: previous).runs.count
    }
    report(count, since: start)
    print("runs \(changed)")

case "poll":
    guard arguments.count == 6, let url = URL(string: arguments[2]), let count = Int(arguments[5]) else { usage() }
    let resource = arguments[4]
    let client = try LeadOSClient(options: LeadOSClientOptions(baseURL: url, apiKey: arguments[3], allowInsecureHTTP: true))
    var cursor = FeedCursor()
    var lastStats: (stats: DeliveryStats, fingerprint: ReplyFingerprint)?
    /// One poll of the resource; returns how many new items it brought (0 once warmed up).
    func poll() async throws -> Int {
        switch resource {
        case "feed": return try await client.fetchFeed(after: &cursor, pageSize: 100, now: Date()).leads.count
        case "campaigns":
            return try await client.campaignPages(CampaignQuery(limit: 100), maxPages: 100).collectPages().items.count
        case "balance": _ = try await client.balance(); return 0
        case "stats":
            let (stats, body) = try await client.leadStatsWithBody(campaignID: nil, previous: lastStats)
            lastStats = (stats, ReplyFingerprint(body))
            return 0
        case "feedback_summary": _ = try await client.feedbackSummary(); return 0
        default: usage()
        }
    }
    for _ in 0..<3 { _ = try await poll() } // connection open, cursor at the newest lead
    let start = cpuSeconds()
    var brought = 0
    for _ in 0..<count { brought += try await poll() }
    report(count, since: start)
    print("items_brought \(brought)")

default:
    usage()
}
