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
    /// For an early read (`init(early:firstFeedPage:)`): the file it reads and the page size.
    private let early: (path: String, firstFeedPage: Int)?
    /// The open store an early read falls back to when it could not read everything.
    private let fallback = Mutex<(store: LocalStore, firstFeedPage: Int)?>(nil)

    /// Starts reading `store` now; `options` gives the size of the feed's first page.
    public init(store: LocalStore, options: SyncOptions) {
        let firstFeedPage = options.firstFeedPage
        early = nil
        done.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let read = Self.read(store, firstFeedPage: firstFeedPage)
            result.withLock { $0 = read }
            done.leave()
        }
    }

    /// Starts reading the database at `path` before the store proper is open, before even the
    /// arguments are parsed: reading a large cache takes longer than everything else start-up
    /// does, so it begins first. The file is opened only to read (`LocalStore(readingOnly:)`);
    /// nothing is created, repaired or migrated. The store, once open, `adopt`s this read or not.
    public init(early path: String, firstFeedPage: Int) {
        early = (path, firstFeedPage)
        done.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let store = try? LocalStore(readingOnly: path)
            let read = store.flatMap { Self.readWhole($0, firstFeedPage: firstFeedPage) }
            result.withLock { $0 = read }
            done.leave()
        }
    }

    /// This early read, for the store now open, when it read that very file for the same page
    /// size and opening changed nothing in it (no damaged file was replaced); otherwise nil, and
    /// the caller reads the store itself. A part the early read could not read is read again
    /// from `store` when the read is taken.
    public func adopt(_ store: LocalStore, options: SyncOptions) -> CacheReadAhead? {
        guard let early, early.path == store.path, early.firstFeedPage == options.firstFeedPage,
              store.recoveryStatus == nil else { return nil }
        fallback.withLock { $0 = (store, options.firstFeedPage) }
        return self
    }

    /// What was read, once reading is done (blocks until then). It is handed over, not kept: the
    /// state soon replaces the cached stats and campaigns with polled ones, and a copy held here
    /// would keep the old ones in memory. Taken twice, the second answer is empty.
    func take() -> CachedStart {
        done.wait()
        let read = result.withLock { taken in
            defer { taken = nil }
            return taken
        }
        if let read { return read }
        // An early read that failed: the adopted store reads it now, once.
        guard let (store, firstFeedPage) = fallback.withLock({ taken in defer { taken = nil }; return taken }) else {
            return CachedStart()
        }
        return Self.read(store, firstFeedPage: firstFeedPage)
    }

    /// Campaigns, values and the feed's first page. Each part that cannot be read is left empty
    /// and the rest still shows; only a page of leads is read, however big the cache.
    static func read(_ store: LocalStore, firstFeedPage: Int) -> CachedStart {
        let parts = readParts(store, firstFeedPage: firstFeedPage)
        var start = CachedStart()
        start.cached = (try? parts.cached.get()) ?? CachedState()
        start.cached.stats = (try? parts.stats.get()) ?? nil
        start.firstPage = (try? parts.firstPage.get()) ?? nil
        start.gap = start.firstPage == nil ? nil : (try? parts.gap.get()) ?? nil
        return start
    }

    /// Every part, or nil when any part's read failed (an early read leaves it to the store).
    static func readWhole(_ store: LocalStore, firstFeedPage: Int) -> CachedStart? {
        let parts = readParts(store, firstFeedPage: firstFeedPage)
        guard case .success(var cached) = parts.cached, case .success(let stats) = parts.stats,
              case .success(let firstPage) = parts.firstPage, case .success(let gap) = parts.gap else { return nil }
        cached.stats = stats
        return CachedStart(cached: cached, firstPage: firstPage, gap: gap)
    }

    private struct Parts: Sendable {
        var cached: Result<CachedState, any Error> = .success(CachedState())
        var stats: Result<DeliveryStats?, any Error> = .success(nil)
        var firstPage: Result<FeedPage?, any Error> = .success(nil)
        var gap: Result<FeedGap?, any Error> = .success(nil)
    }

    /// The stats (megabytes for a large account) on one core; campaigns, values and the feed's
    /// first page on another.
    private static func readParts(_ store: LocalStore, firstFeedPage: Int) -> Parts {
        let stats = Mutex<Result<DeliveryStats?, any Error>>(.success(nil))
        let rest = Mutex(Parts())
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                let read = Result { try store.cachedStats() }
                stats.withLock { $0 = read }
                return
            }
            var parts = Parts()
            parts.cached = Result { try store.cachedCampaignsAndValues() }
            parts.firstPage = Result {
                try store.feedPage(FeedRequest(filter: .all, offset: 0, limit: firstFeedPage, generation: 0))
            }
            if case .success = parts.firstPage { parts.gap = Result { try store.feedGap() } }
            rest.withLock { $0 = parts }
        }
        var parts = rest.withLock { $0 }
        parts.stats = stats.withLock { $0 }
        return parts
    }
}
