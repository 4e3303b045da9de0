import Foundation
import GRDB
import LeadOSAPI
import LeadTopCore

/// The cached leads behind the feed. Besides each lead's JSON, a row keeps the columns the feed
/// filters on (campaign, score, lower-cased searchable text), so a filtered page and its count
/// are one query over the table instead of decoding every lead.
enum FeedTable {
    /// Creates the v2 table and moves v1's rows (id, delivered_at, body) into it.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            DROP INDEX IF EXISTS cached_lead_order;
            ALTER TABLE cached_lead RENAME TO cached_lead_v1;
            CREATE TABLE cached_lead (
                id TEXT PRIMARY KEY,
                delivered_at REAL NOT NULL,
                campaign_id TEXT NOT NULL,
                score INTEGER NOT NULL,
                haystack TEXT NOT NULL,
                body BLOB NOT NULL
            );
            CREATE INDEX cached_lead_order ON cached_lead(delivered_at DESC, id DESC);
            CREATE INDEX cached_lead_campaign ON cached_lead(campaign_id, delivered_at DESC, id DESC);
            CREATE TABLE cache_counter (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
            """)
        let decoder = LeadOSJSON.makeDecoder()
        let rows = try Data.fetchCursor(db, sql: "SELECT body FROM cached_lead_v1")
        while let body = try rows.next() {
            guard let lead = try? decoder.decode(Lead.self, from: body) else { continue }
            // v2's columns: `rated` comes with v6, which fills it in from the bodies.
            try db.execute(sql: """
                INSERT OR REPLACE INTO cached_lead (id, delivered_at, campaign_id, score, haystack, body)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [lead.id, lead.deliveredAt.timeIntervalSince1970, lead.campaignID, lead.score,
                                 FeedFilter.haystack(for: lead), body])
        }
        try db.execute(sql: "DROP TABLE cached_lead_v1")
    }

    /// v6: whether a lead has feedback, for "unrated only" (`u`), filled in from the bodies
    /// already cached. A body that is not valid JSON counts as unrated rather than stopping the
    /// migration (the poisoned-cache rule: a bad row is skipped, never fatal).
    static func addRatedColumn(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE cached_lead ADD COLUMN rated INTEGER NOT NULL DEFAULT 0;
            UPDATE cached_lead SET rated = 1 WHERE CASE WHEN json_valid(CAST(body AS TEXT))
                THEN json_type(CAST(body AS TEXT), '$.feedback') = 'object' ELSE 0 END;
            """)
    }

    static func insert(_ lead: Lead, body: Data, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO cached_lead (id, delivered_at, campaign_id, score, haystack, rated, body) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET delivered_at = excluded.delivered_at, campaign_id = excluded.campaign_id,
                score = excluded.score, haystack = excluded.haystack, rated = excluded.rated, body = excluded.body
            """, arguments: [lead.id, lead.deliveredAt.timeIntervalSince1970, lead.campaignID, lead.score,
                             FeedFilter.haystack(for: lead), lead.feedback != nil, body])
    }

    /// The SQL condition for a filter, with its arguments; the same test as `FeedFilter.matches`.
    static func condition(_ filter: FeedFilter) -> (sql: String, arguments: StatementArguments) {
        var clauses: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let campaignID = filter.campaignID {
            clauses.append("campaign_id = ?")
            arguments.append(campaignID)
        }
        if filter.unratedOnly { clauses.append("rated = 0") }
        for condition in filter.scores {
            clauses.append("score \(condition.comparison.rawValue) ?")
            arguments.append(condition.value)
        }
        for term in filter.terms {
            clauses.append("instr(haystack, ?) > 0")
            arguments.append(term)
        }
        return (clauses.isEmpty ? "1" : clauses.joined(separator: " AND "), StatementArguments(arguments))
    }

    /// The SQL ordering for a feed order: the same comparison as `FeedOrder.precedes`, ties by
    /// id in the same direction. Text columns are read from the lead's JSON (BINARY collation,
    /// as `FeedOrder` compares bytes); score has an index (`cached_lead_score`), as delivered_at has.
    static func ordering(_ order: FeedOrder) -> String {
        let value: String
        switch order.key {
        case .delivered: value = "delivered_at"
        case .score: value = "score"
        case .feedback: value = json("$.feedback.rating")
        case .name: value = json("$.full_name")
        case .title: value = json("$.job_title")
        case .company: value = json("$.company_name")
        case .geography: value = json("$.geography")
        case .emailStatus: value = json("$.email_status")
        }
        let direction = order.descending ? "DESC" : "ASC"
        return "\(value) \(direction), id \(direction)"
    }

    private static func json(_ path: String) -> String {
        "COALESCE(json_extract(CAST(body AS TEXT), '\(path)'), '')"
    }

    /// v7: an index for the feed sorted by score (`>` to SCR), so a page deep in a large cache
    /// is read from the index instead of sorting every row.
    static func addScoreIndex(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX IF NOT EXISTS cached_lead_score ON cached_lead(score DESC, id DESC)")
    }

    /// `cache_counter` names: the write counter, and the number of rows in `cached_lead`.
    static let versionName = "feed"
    static let rowsName = "feed_rows"
}

extension LocalStore {
    /// Adds or updates leads, then trims the table to the newest `limit` by `delivered_at`.
    /// Says which leads were new to the cache, and the write counter after this batch.
    @discardableResult
    public func storeLeads(_ leads: [Lead], limit: Int) throws -> StoredLeads {
        guard !leads.isEmpty else { return StoredLeads(added: []) }
        let encoder = LeadOSJSON.makeEncoder()
        let bodies = try leads.map { try encoder.encode($0) }
        return try db.write { db in
            var stored = StoredLeads(added: [])
            let rowsBefore = try Self.feedRowCount(db)
            for (lead, body) in zip(leads, bodies) {
                let known = try Bool.fetchOne(db, sql: "SELECT 1 FROM cached_lead WHERE id = ?", arguments: [lead.id]) != nil
                try FeedTable.insert(lead, body: body, in: db)
                if known { stored.changed.append(lead) } else { stored.added.append(lead) }
            }
            // Trimmed from the oldest end, by the kept row count: no scan past the newest
            // `limit` rows on each arriving lead.
            var rows = rowsBefore + stored.added.count
            if rows > max(0, limit) {
                try db.execute(sql: """
                    DELETE FROM cached_lead WHERE id IN (
                        SELECT id FROM cached_lead ORDER BY delivered_at ASC, id ASC LIMIT ?)
                    """, arguments: [rows - max(0, limit)])
                rows = max(0, limit)
            }
            try Self.setCounter(FeedTable.rowsName, to: Int64(rows), in: db)
            try db.execute(sql: """
                INSERT INTO cache_counter (name, value) VALUES (?, 1)
                ON CONFLICT(name) DO UPDATE SET value = value + 1
                """, arguments: [FeedTable.versionName])
            stored.version = try Self.feedVersion(db)
            return stored
        }
    }

    /// The rows, counts and write counter a feed request asks for, read together.
    public func feedPage(_ request: FeedRequest) throws -> FeedPage {
        let (condition, arguments) = FeedTable.condition(request.filter)
        return try db.read { db in
            let total = try Self.feedRowCount(db)
            let matching = condition == "1" ? total
                : try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cached_lead WHERE \(condition)", arguments: arguments) ?? 0
            var pageArguments = arguments
            pageArguments += [request.limit, request.offset]
            let decoder = LeadOSJSON.makeDecoder()
            let rows = try Data.fetchCursor(db, sql: """
                SELECT body FROM cached_lead WHERE \(condition)
                ORDER BY \(FeedTable.ordering(request.order)) LIMIT ? OFFSET ?
                """, arguments: pageArguments)
            var leads: [Lead] = []
            leads.reserveCapacity(min(request.limit, 1_000))
            while let body = try rows.next() {
                if let lead = try? Lead.decode(from: body, decoder: decoder) { leads.append(lead) }
            }
            return FeedPage(request: request, leads: leads, matching: matching, total: total,
                            version: try Self.feedVersion(db))
        }
    }

    public func cachedLead(id: String) throws -> Lead? {
        let body = try db.read { db in try Data.fetchOne(db, sql: "SELECT body FROM cached_lead WHERE id = ?", arguments: [id]) }
        return body.flatMap { try? LeadOSJSON.decode(Lead.self, from: $0) }
    }

    public func cachedLeadCount() throws -> Int {
        try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cached_lead") ?? 0 }
    }

    /// Rows in `cached_lead`, kept in `cache_counter` by each write; counted once if missing.
    private static func feedRowCount(_ db: Database) throws -> Int {
        if let rows = try Int.fetchOne(db, sql: "SELECT value FROM cache_counter WHERE name = ?",
                                       arguments: [FeedTable.rowsName]) {
            return rows
        }
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cached_lead") ?? 0
    }

    private static func setCounter(_ name: String, to value: Int64, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO cache_counter (name, value) VALUES (?, ?)
            ON CONFLICT(name) DO UPDATE SET value = excluded.value
            """, arguments: [name, value])
    }

    private static func feedVersion(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT value FROM cache_counter WHERE name = ?", arguments: [FeedTable.versionName]) ?? 0
    }
}

extension LocalStore {
    /// The distinct email addresses of the cached leads passing `filter`, newest lead first
    /// (`S`: suppress the filtered feed). One query over the same condition as the feed's pages;
    /// the address is read from each lead's JSON, which is stored as text in a blob.
    public func emails(matching filter: FeedFilter) throws -> [String] {
        let (condition, arguments) = FeedTable.condition(filter)
        let emails = try db.read { db in
            try String.fetchAll(db, sql: """
                SELECT json_extract(CAST(body AS TEXT), '$.email') AS email FROM cached_lead
                WHERE \(condition) AND email IS NOT NULL AND email != ''
                ORDER BY delivered_at DESC, id DESC
                """, arguments: arguments)
        }
        return BulkSuppression.distinct(emails)
    }
}
