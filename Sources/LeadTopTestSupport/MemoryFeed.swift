import Foundation
import LeadOSAPI
import LeadTopCore

/// The local cache's feed contract in memory, for pure tests of the core: it stores leads the way
/// `LocalStore.storeLeads` does and answers `Effect.loadFeed` with `FeedPage.answer`. The SQLite
/// implementation is tested against the same reference answer.
public struct MemoryFeed: Sendable {
    public private(set) var leads: [Lead]
    public private(set) var version: Int64 = 0

    public init(_ leads: [Lead] = DashboardFixtures.leads) { self.leads = leads }

    /// Stores leads and says which are new, as the engine reports them.
    public mutating func store(_ batch: [Lead]) -> StoredLeads {
        version += 1
        var stored = StoredLeads(added: [], changed: [], version: version)
        for lead in batch {
            if let index = leads.firstIndex(where: { $0.id == lead.id }) {
                leads[index] = lead
                stored.changed.append(lead)
            } else {
                leads.append(lead)
                stored.added.append(lead)
            }
        }
        return stored
    }

    /// Reduces an action, then answers every page it asks for (and any those ask for) at once.
    /// Returns the effects other than page requests.
    @discardableResult
    public func send(_ action: Action, to state: inout AppState) -> [Effect] {
        var pending = reduce(&state, action)
        var others: [Effect] = []
        var rounds = 0
        while let index = pending.firstIndex(where: { if case .loadFeed = $0 { true } else { false } }), rounds < 10 {
            guard case .loadFeed(let request) = pending.remove(at: index) else { break }
            pending += reduce(&state, .sync(.feedPage(FeedPage.answer(request, from: leads, version: version))))
            rounds += 1
        }
        others += pending
        return others
    }
}
