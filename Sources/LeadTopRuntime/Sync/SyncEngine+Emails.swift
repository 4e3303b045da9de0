import Foundation
import LeadTopCore

extension SyncEngine {
    /// Reads every address of the cached leads passing `filter` for the state (`Effect.collectEmails`),
    /// on the engine's queue like the feed's pages.
    public func collectEmails(matching filter: FeedFilter) {
        queue.async { [self] in
            do {
                sink(.viewEmails(filter, try store.emails(matching: filter)))
            } catch {
                sink(.viewEmailsFailed(filter, message: String(describing: error)))
            }
        }
    }
}
