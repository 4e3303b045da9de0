import Benchmark
import BenchmarkWorld
import Foundation
import LeadOSAPI
import LeadTopCore
import LeadTopRender
import Synchronization

/// What a `GET /v1/leads?limit=100` reply costs: decoding the page bytes as the client does
/// (`LeadOSJSON.decode`), and the whole way from bytes to a drawn frame (decode, reduce into a
/// dashboard already holding 50,000 leads, render 200×50, diff).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
        timeUnits: .microseconds,
        warmupIterations: 10,
        maxDuration: .seconds(3),
        maxIterations: 2_000
    )

    Benchmark("Decode leads page of 100") { benchmark in
        let pages = Pages.shared.bytes
        var index = 0
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            index = (index + 1) % pages.count
            blackHole(try LeadOSJSON.decode(ListEnvelope<Lead>.self, from: pages[index]))
        }
        benchmark.stopMeasurement()
    } setup: {
        _ = Pages.shared
    }

    // What start-up decodes from the cache for a 1,000-campaign account: its month of stats (the
    // day-by-campaign breakdown, about 2 MB of JSON) and its campaigns, one cached body each.
    Benchmark(
        "Decode stats 30 days 1k campaigns",
        configuration: .init(timeUnits: .milliseconds, warmupIterations: 3, maxDuration: .seconds(3), maxIterations: 200)
    ) { benchmark in
        let body = CachedBodies.shared.stats
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(try LeadOSJSON.decode(DeliveryStats.self, from: body)) }
        benchmark.stopMeasurement()
    } setup: {
        _ = CachedBodies.shared
    }

    Benchmark(
        "Decode 1k cached campaigns",
        configuration: .init(timeUnits: .milliseconds, warmupIterations: 3, maxDuration: .seconds(3), maxIterations: 200)
    ) { benchmark in
        let bodies = CachedBodies.shared.campaigns
        let decoder = LeadOSJSON.makeDecoder()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(bodies.map { try! Campaign.decode(from: $0, decoder: decoder) })
        }
        benchmark.stopMeasurement()
    } setup: {
        _ = CachedBodies.shared
    }

    // Each iteration applies the next newer page, as a catching-up feed would; 490 pages fit
    // between the 50,000 leads already shown and the newest one.
    Benchmark(
        "Page to screen 100 leads 200x50",
        configuration: .init(warmupIterations: 5, maxDuration: .seconds(3), maxIterations: 480)
    ) { benchmark in
        let feed = PageFeed.shared
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { feed.applyNextPage() }
        benchmark.stopMeasurement()
    } setup: {
        _ = PageFeed.shared
    }
}

/// The account's pages, newest first, as the simulator encodes them.
final class Pages: Sendable {
    static let shared = Pages()
    let world = BenchmarkWorld(leadCount: 100_000, campaignCount: 1_000)
    let bytes: [Data]

    private init() {
        bytes = try! world.leadPages(size: 100)
        precondition(bytes.count == 1_000, "expected 1,000 pages of 100 leads")
    }
}

/// The cache's bodies for the 1,000-campaign account, encoded as the cache stores them.
final class CachedBodies: Sendable {
    static let shared = CachedBodies()
    let stats: Data
    let campaigns: [Data]

    private init() {
        let world = Pages.shared.world
        stats = try! LeadOSJSON.encode(world.stats())
        campaigns = world.campaigns.map { try! LeadOSJSON.encode($0) }
    }
}

/// A 200×50 dashboard holding the oldest 50,000 leads, fed the newer pages one by one, oldest
/// page first. Only the benchmark thread touches it.
final class PageFeed: @unchecked Sendable {
    static let shared = PageFeed()
    private var state: AppState
    private var grid: CellGrid
    private var previous: CellGrid
    private var next: Int

    private init() {
        let world = Pages.shared.world
        state = world.state(width: 200, height: 50, leadLimit: 0)
        _ = reduce(&state, .sync(.newLeads(Array(world.leads.suffix(50_000)))))
        grid = CellGrid(width: 200, height: 50)
        DashboardView.render(state: state, theme: .default, into: &grid)
        previous = grid
        next = 499
    }

    func applyNextPage() {
        precondition(next >= 0, "ran out of newer pages")
        let page = try! LeadOSJSON.decode(ListEnvelope<Lead>.self, from: Pages.shared.bytes[next])
        next -= 1
        _ = reduce(&state, .sync(.newLeads(page.data)))
        previous = grid
        DashboardView.render(state: state, theme: .default, into: &grid)
        blackHole(grid.changedRuns(since: previous))
    }
}
