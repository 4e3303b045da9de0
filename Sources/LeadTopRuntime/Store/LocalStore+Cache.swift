import Foundation
import GRDB
import LeadOSAPI
import LeadTopCore
import Synchronization

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

    /// Saves a single value (balance, stats, feedback summary) under its resource's name.
    public func cacheValue(_ value: some Encodable, for resource: Resource, at time: Date) throws {
        try cacheBody(try LeadOSJSON.encode(value), named: resource.name, at: time)
    }

    /// Saves a value's JSON as received from LeadOS (it decoded, so it will decode again).
    public func cacheBody(_ body: Data, for resource: Resource, at time: Date) throws {
        try cacheBody(body, named: resource.name, at: time)
    }

    /// One row of `cached_value`; the name is free so tests can store odd sizes under any name.
    func cacheBody(_ body: Data, named name: String, at time: Date) throws {
        try db.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO cached_value (name, saved_at, body) VALUES (?, ?, zeroblob(?))",
                           arguments: [name, time.timeIntervalSince1970, body.count])
            try BlobIO.write(body, table: "cached_value", column: "body", rowID: db.lastInsertedRowID, in: db)
        }
    }

    /// Campaigns and values as last saved (the feed's rows are read with `feedPage`). The stats
    /// (the biggest value: a day-by-campaign breakdown, about 2 MB of JSON for 1,000 campaigns) are
    /// read and decoded on a second core beside the rest.
    public func loadCache() throws -> CachedState {
        let stats = Mutex<Result<DeliveryStats?, any Error>>(.success(nil))
        let rest = Mutex<Result<CachedState, any Error>>(.success(CachedState()))
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                let read = Result { try cachedStats() }
                stats.withLock { $0 = read }
            } else {
                let read = Result { try cachedCampaignsAndValues() }
                rest.withLock { $0 = read }
            }
        }
        var state = try rest.withLock { try $0.get() }
        state.stats = try stats.withLock { try $0.get() }
        return state
    }

    /// The cached stats, nil when there are none or they no longer decode. Read in a transaction
    /// of their own, so that start-up can decode them on one core while the rest is read on another.
    public func cachedStats() throws -> DeliveryStats? {
        let body = try db.read { db -> Data? in
            guard let rowID = try Int64.fetchOne(db, sql: "SELECT rowid FROM cached_value WHERE name = ?",
                                                 arguments: [Resource.stats.name]) else { return nil }
            return try BlobIO.read(table: "cached_value", column: "body", rowID: rowID, in: db)
        }
        return body.flatMap { try? LeadOSJSON.decode(DeliveryStats.self, from: $0) }
    }

    /// Campaigns, balance and feedback summary as last saved, and when the newest value was saved;
    /// everything but the stats (`cachedStats`). What no longer decodes is left out.
    public func cachedCampaignsAndValues() throws -> CachedState {
        let (campaignBodies, values, savedAt) = try db.read { db in
            let campaigns = try Data.fetchAll(db, sql: "SELECT body FROM cached_campaign ORDER BY position, id")
            var values: [String: Data] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT name, rowid FROM cached_value WHERE name != ?",
                                        arguments: [Resource.stats.name]) {
                values[row["name"]] = try BlobIO.read(table: "cached_value", column: "body", rowID: row["rowid"], in: db)
            }
            let saved = try Double.fetchOne(db, sql: "SELECT MAX(saved_at) FROM cached_value")
                ?? Double.fetchOne(db, sql: "SELECT MAX(delivered_at) FROM cached_lead")
            return (campaigns, values, saved.map(Date.init(timeIntervalSince1970:)))
        }
        let decoder = LeadOSJSON.makeDecoder()
        var state = CachedState()
        state.campaigns = campaignBodies.compactMap { try? Campaign.decode(from: $0, decoder: decoder) }
        state.balance = values[Resource.balance.name].flatMap { try? decoder.decode(Balance.self, from: $0) }
        state.feedbackSummary = values[Resource.feedbackSummary.name].flatMap { try? decoder.decode(FeedbackSummary.self, from: $0) }
        state.savedAt = savedAt
        return state
    }
}
