import Foundation
import LeadOSAPI
import LeadTopCore
@testable import LeadTopRuntime

enum Fixtures {
    static func tempDatabasePath() -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("leadtop-test-\(UUID().uuidString)").appendingPathComponent("leadtop.sqlite").path
    }

    static func lead(_ id: String, at seconds: Int, feedback: Feedback? = nil) -> Lead {
        Lead(id: id, campaignID: "camp_abc123", fullName: "Raj Sharma", jobTitle: "Founder", companyName: "TechCorp",
             companyDomain: "techcorp.io", companySize: .s11_50, companyIndustry: "SaaS", geography: "Kathmandu, Nepal",
             email: "raj@techcorp.io", emailStatus: .valid, phone: nil, linkedinURL: nil, score: 84,
             intentSummary: "Evaluating CRM", enrichmentLevel: .email, creditsConsumed: 2,
             deliveredAt: Date(timeIntervalSince1970: TimeInterval(seconds)), feedback: feedback)
    }

    static func campaign(_ id: String, status: CampaignStatus = .active) -> Campaign {
        Campaign(id: id, name: "Nepal SaaS founders", status: status, pausedReason: status == .paused ? .user : nil,
                 dailyLeadCap: 20, totalLeadCap: nil, jobTitles: ["Founder"], industries: [], companySizes: [],
                 geographies: [], minScore: 60, enrichmentLevel: .email, leadsDelivered: 0, leadsDeliveredToday: 0,
                 creditsSpent: 0, createdAt: Date(timeIntervalSince1970: 1_700_000_000),
                 updatedAt: Date(timeIntervalSince1970: 1_700_000_000))
    }

    /// Polls `condition` until it holds or `seconds` pass; for real asynchronous work only. The
    /// deadline is generous because it only matters on failure: a loaded machine must not fail it.
    static func eventually(_ seconds: TimeInterval = 30, _ condition: @Sendable () async throws -> Bool) async rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return true }
            try? await Task.sleep(nanoseconds: 10_000_000)
        }
        return try await condition()
    }
}

/// Collects what the engine reports, thread-safely, and wakes those waiting for an update.
final class UpdateRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [SyncUpdate] = []
    private let waiters = ConditionWaiters<[SyncUpdate]>()

    var sink: @Sendable (SyncUpdate) -> Void {
        { [self] update in
            let now = lock.withLock { items.append(update); return items }
            waiters.changed(now)
        }
    }

    var updates: [SyncUpdate] { lock.withLock { items } }

    /// Waits until `condition` holds for the updates so far, woken by each update as it arrives;
    /// false if it does not within `seconds` (generous: it only matters on failure).
    func until(_ seconds: TimeInterval = 30, _ condition: @escaping @Sendable ([SyncUpdate]) -> Bool) async -> Bool {
        await waiters.wait(seconds: seconds, current: { [self] in updates }, until: condition)
    }
}

extension [SyncUpdate] {
    /// The last connection status reported.
    var lastConnection: ConnectionStatus? {
        for update in reversed() { if case .connection(let status) = update { return status } }
        return nil
    }

    /// Writes reported applied.
    var appliedCount: Int { filter { if case .writeSettled(.applied) = $0 { true } else { false } }.count }

    /// Ids of the leads reported new, in order.
    var addedLeadIDs: [String] {
        var ids: [String] = []
        for case .leads(let stored) in self { ids += stored.added.map(\.id) }
        return ids
    }
}

extension SyncUpdate {
    /// The leads of a `.leads` update that were new to the cache, nil for other updates.
    var addedLeads: [Lead]? {
        if case .leads(let stored) = self { stored.added } else { nil }
    }
}

extension SyncEngine {
    /// Returns once everything handed to the engine so far (events, fired timers) has run: what
    /// it decided from them has been sent to the sink. Replies to requests still on the network
    /// come later.
    func drain() { queue.sync {} }
}
