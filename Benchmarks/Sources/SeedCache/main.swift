import BenchmarkWorld
import Foundation
import LeadTopRuntime

// Fills a dashboard cache (the SQLite file the dashboard loads at start) with a big seeded
// account, so start-up and memory can be measured with 100,000 cached leads without waiting for
// the feed (which only ever fetches newer leads) to collect them.
//
// Usage: SeedCache <sqlite-path> [leads] [campaigns]
let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: SeedCache <sqlite-path> [leads] [campaigns]\n".utf8))
    exit(2)
}
let path = arguments[1]
let leadCount = arguments.count > 2 ? Int(arguments[2]) ?? 100_000 : 100_000
let campaignCount = arguments.count > 3 ? Int(arguments[3]) ?? 1_000 : 1_000

let world = BenchmarkWorld(leadCount: leadCount, campaignCount: campaignCount, start: Date())
try FileManager.default.createDirectory(
    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
let store = try LocalStore(path: path)
try store.cacheCampaigns(world.campaigns)
for start in stride(from: 0, to: world.leads.count, by: 1_000) {
    try store.storeLeads(Array(world.leads[start..<min(start + 1_000, world.leads.count)]), limit: leadCount)
}
try store.cacheValue(world.balance, for: .balance, at: world.now)
try store.cacheValue(world.stats(), for: .stats, at: world.now)
try store.cacheValue(world.feedbackSummary, for: .feedbackSummary, at: world.now)
print("cached \(try store.cachedLeadCount()) leads and \(world.campaigns.count) campaigns in \(path)")
