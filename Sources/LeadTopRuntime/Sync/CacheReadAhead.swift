import Foundation
import LeadOSAPI
import LeadTopCore
import Synchronization

/// The cache as start-up shows it, read from the moment the store is open, on threads of its own,
/// while the terminal, the state and the HTTP client are still being set up; the engine's start
/// takes it (`SyncEngine.start(with:)`) instead of reading the cache only then.
///
/// The stats (megabytes for a large account) are decoded on one core while the campaigns, the
/// small values and the feed's first page are read on another. Nothing may write to the store
/// before the engine takes the result: it is the cache as it was when reading began.
public final class CacheReadAhead: Sendable {
    private let result = Mutex<CachedStart?>(nil)
    private let done = DispatchGroup()

    /// Starts reading `store` now; `options` gives the size of the feed's first page.
    public init(store: LocalStore, options: SyncOptions) {
        let firstFeedPage = options.firstFeedPage
        done.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let read = Self.read(store, firstFeedPage: firstFeedPage)
            result.withLock { $0 = read }
            done.leave()
        }
    }

    /// What was read, once reading is done (blocks until then). It is handed over, not kept: the
    /// state soon replaces the cached stats and campaigns with polled ones, and a copy held here
    /// would keep the old ones in memory. Taken twice, the second answer is empty.
    func take() -> CachedStart {
        done.wait()
        return result.withLock { taken in
            defer { taken = nil }
            return taken ?? CachedStart()
        }
    }

    /// Campaigns, values and the feed's first page. Each part that cannot be read is left empty
    /// and the rest still shows; only a page of leads is read, however big the cache.
    static func read(_ store: LocalStore, firstFeedPage: Int) -> CachedStart {
        let stats = Mutex<DeliveryStats?>(nil)
        let rest = Mutex(CachedStart())
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                let read = try? store.cachedStats()
                stats.withLock { $0 = read ?? nil }
                return
            }
            var start = CachedStart()
            start.cached = (try? store.cachedCampaignsAndValues()) ?? CachedState()
            start.firstPage = try? store.feedPage(FeedRequest(filter: .all, offset: 0, limit: firstFeedPage, generation: 0))
            start.gap = start.firstPage == nil ? nil : try? store.feedGap()
            rest.withLock { $0 = start }
        }
        var start = rest.withLock { $0 }
        start.cached.stats = stats.withLock { $0 }
        return start
    }
}
