import Foundation
import GRDB
import LeadOSAPI

/// The last known state, shown at once on the next start (`loadedFromCache`) until refreshed.
public struct CachedState: Sendable, Hashable {
    public var leads: [Lead] = []
    public var campaigns: [Campaign] = []
    public var balance: Balance?
    public var stats: DeliveryStats?
    public var feedbackSummary: FeedbackSummary?
    /// When the newest of these was saved; nil when the cache is empty.
    public var savedAt: Date?

    public var isEmpty: Bool {
        leads.isEmpty && campaigns.isEmpty && balance == nil && stats == nil && feedbackSummary == nil
    }
}

extension LocalStore {
    /// Adds or updates leads, then trims the table to the newest `limit` by `delivered_at`.
    public func cacheLeads(_ leads: [Lead], limit: Int) throws {
        guard !leads.isEmpty else { return }
        let encoder = LeadOSJSON.makeEncoder()
        let rows = try leads.map { ($0.id, $0.deliveredAt.timeIntervalSince1970, try encoder.encode($0)) }
        try db.write { db in
            for (id, at, body) in rows {
                try db.execute(sql: "INSERT OR REPLACE INTO cached_lead (id, delivered_at, body) VALUES (?, ?, ?)",
                               arguments: [id, at, body])
            }
            try db.execute(sql: """
                DELETE FROM cached_lead WHERE id IN (
                    SELECT id FROM cached_lead ORDER BY delivered_at DESC, id DESC LIMIT -1 OFFSET ?)
                """, arguments: [max(0, limit)])
        }
    }

    public func cachedLead(id: String) throws -> Lead? {
        let body = try db.read { db in try Data.fetchOne(db, sql: "SELECT body FROM cached_lead WHERE id = ?", arguments: [id]) }
        return body.flatMap { try? LeadOSJSON.decode(Lead.self, from: $0) }
    }

    public func cachedLeadCount() throws -> Int {
        try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cached_lead") ?? 0 }
    }

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

    /// Everything cached, newest leads first. Rows that no longer decode are skipped.
    /// Cached leads older than `before` (by `delivered_at`, then id), newest first: the pages of
    /// the back-fill that follows the first screenful.
    public func cachedLeads(before lead: Lead, limit: Int) throws -> [Lead] {
        try db.read { db in
            let decoder = LeadOSJSON.makeDecoder()
            let rows = try Data.fetchCursor(db, sql: """
                SELECT body FROM cached_lead WHERE (delivered_at, id) < (?, ?)
                ORDER BY delivered_at DESC, id DESC LIMIT ?
                """, arguments: [lead.deliveredAt.timeIntervalSince1970, lead.id, limit])
            var leads: [Lead] = []
            while let body = try rows.next() {
                if let lead = try? decoder.decode(Lead.self, from: body) { leads.append(lead) }
            }
            return leads
        }
    }

    public func loadCache(leadLimit: Int) throws -> CachedState {
        try db.read { db in
            let decoder = LeadOSJSON.makeDecoder()
            var state = CachedState()
            // Decoded row by row: fetching every body first would hold all the JSON (about 70 MB
            // for 100,000 leads) in memory next to the decoded leads.
            let rows = try Data.fetchCursor(db, sql: "SELECT body FROM cached_lead ORDER BY delivered_at DESC, id DESC LIMIT ?",
                                            arguments: [leadLimit])
            while let body = try rows.next() {
                if let lead = try? decoder.decode(Lead.self, from: body) { state.leads.append(lead) }
            }
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
            if state.savedAt == nil && !state.isEmpty { state.savedAt = state.leads.first?.deliveredAt }
            return state
        }
    }
}
