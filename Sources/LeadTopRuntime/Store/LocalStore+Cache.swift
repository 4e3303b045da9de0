import Foundation
import GRDB
import LeadOSAPI

/// The last known state, shown at once on the next start (`loadedFromCache`) until refreshed.
public struct CachedState: Sendable, Hashable {
    public var campaigns: [Campaign] = []
    public var balance: Balance?
    public var stats: DeliveryStats?
    public var feedbackSummary: FeedbackSummary?
    /// When the newest of these was saved; nil when the cache is empty.
    public var savedAt: Date?

    public var isEmpty: Bool {
        campaigns.isEmpty && balance == nil && stats == nil && feedbackSummary == nil
    }
}

extension LocalStore {
    /// Replaces the cached campaign list, keeping the API's order.
    public func cacheCampaigns(_ campaigns: [Campaign]) throws {
        let encoder = LeadOSJSON.makeEncoder()
        let rows = try campaigns.enumerated().map { ($1.id, $0, try encoder.encode($1)) }
        try db.write { db in
            try db.execute(sql: "DELETE FROM cached_campaign")
            for (id, position, body) in rows {
                try db.execute(sql: "INSERT OR REPLACE INTO cached_campaign (id, position, body) VALUES (?, ?, ?)",
                               arguments: [id, position, body])
            }
        }
    }

    /// Updates one campaign in place (after a pause or resume), keeping its position.
    public func cacheCampaign(_ campaign: Campaign) throws {
        let body = try LeadOSJSON.encode(campaign)
        try db.write { db in
            let position = try Int.fetchOne(db, sql: "SELECT position FROM cached_campaign WHERE id = ?", arguments: [campaign.id])
                ?? -1
            try db.execute(sql: "INSERT OR REPLACE INTO cached_campaign (id, position, body) VALUES (?, ?, ?)",
                           arguments: [campaign.id, position, body])
        }
    }

    /// Saves a single value (balance, stats, feedback summary) under its name.
    public func cacheValue(_ value: some Encodable, named name: String, at time: Date) throws {
        let body = try LeadOSJSON.encode(value)
        try db.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO cached_value (name, body, saved_at) VALUES (?, ?, ?)",
                           arguments: [name, body, time.timeIntervalSince1970])
        }
    }

    /// Campaigns and values as last saved (the feed's rows are read with `feedPage`).
    public func loadCache() throws -> CachedState {
        try db.read { db in
            let decoder = LeadOSJSON.makeDecoder()
            var state = CachedState()
            state.campaigns = try Data.fetchAll(db, sql: "SELECT body FROM cached_campaign ORDER BY position, id")
                .compactMap { try? decoder.decode(Campaign.self, from: $0) }
            func value<T: Decodable>(_ name: String, _ type: T.Type) throws -> T? {
                try Data.fetchOne(db, sql: "SELECT body FROM cached_value WHERE name = ?", arguments: [name])
                    .flatMap { try? decoder.decode(T.self, from: $0) }
            }
            state.balance = try value("balance", Balance.self)
            state.stats = try value("stats", DeliveryStats.self)
            state.feedbackSummary = try value("feedback_summary", FeedbackSummary.self)
            state.savedAt = try Double.fetchOne(db, sql: "SELECT MAX(saved_at) FROM cached_value").map(Date.init(timeIntervalSince1970:))
            if state.savedAt == nil {
                state.savedAt = try Double.fetchOne(db, sql: "SELECT MAX(delivered_at) FROM cached_lead")
                    .map(Date.init(timeIntervalSince1970:))
            }
            return state
        }
    }
}
