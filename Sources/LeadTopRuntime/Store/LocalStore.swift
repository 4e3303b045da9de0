import Foundation
import GRDB

/// The engine's SQLite file: the durable outbox of writes and the cache of the last known state.
/// Every method is synchronous and safe from any thread (GRDB's `DatabaseQueue` serializes access).
public final class LocalStore: Sendable {
    public let path: String
    let db: DatabaseQueue
    /// What opening repaired, for the user: permissions tightened, a damaged file moved aside.
    public let warnings: [String]
    /// A damaged database found at open and replaced, for the status bar.
    public let recoveryStatus: String?

    /// Opens (creating if needed) the store at `path`: its directory 0700, the files 0600 (looser
    /// ones are tightened, with a warning), a damaged file moved aside with its pending writes
    /// carried over. An unwritable directory or database is refused with its path.
    public init(path: String, now: Date = Date()) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try PrivateStateFiles.ensureDirectory(directory) }
        try PrivateStateFiles.checkDatabase(path)
        self.path = path
        let warnings = PrivateStateFiles.tighten(databasePath: path)
        var broken: BrokenDatabase?
        do {
            db = try Self.openChecked(path)
        } catch let damage as DatabaseDamage {
            broken = try BrokenDatabase.moveAside(path, damage: damage, at: now)
            db = try Self.openChecked(path)
        }
        recoveryStatus = broken?.statusLine
        self.warnings = warnings + (broken.map { [$0.warning] } ?? [])
        if let broken { _ = try restore(broken.salvaged ?? []) }
    }

    /// The store at `path` opened only to read, for reading the cache before the store proper is
    /// open (`CacheReadAhead(early:firstFeedPage:)`): nothing is created, tightened, repaired or
    /// migrated, and a file missing a migration is refused (`NotCurrent`), as is a missing file.
    public init(readingOnly path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(1)
        configuration.prepareDatabase { db in try db.execute(sql: Self.pageCacheLimit) }
        let db = try DatabaseQueue(path: path, configuration: configuration)
        guard try db.read({ try Self.migrator.hasCompletedMigrations($0) }) else { throw NotCurrent() }
        self.path = path
        self.db = db
        warnings = []
        recoveryStatus = nil
    }

    /// A database file from before this version's last migration.
    public struct NotCurrent: Error {}

    /// A 512 KB page cache instead of 2 MB: feed pages read through indexes, and the cache sits in
    /// the dashboard's resident memory all day.
    private static let pageCacheLimit = "PRAGMA cache_size = -512"

    /// Opens the file, migrates it and reads the outbox once, turning the errors that mean the
    /// file is damaged into `DatabaseDamage`.
    private static func openChecked(_ path: String) throws -> DatabaseQueue {
        try PrivateStateFiles.createDatabaseFile(path)
        if let damage = DatabaseDamage.truncation(of: path) { throw damage }
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        // WAL: one fsync per commit instead of several, with the same durability on a crash of
        // the process; readers (the UI's first frame) never wait for the outbox writer.
        configuration.prepareDatabase { db in
            try db.execute(sql: Self.pageCacheLimit)
            if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            }
        }
        do {
            let db = try DatabaseQueue(path: path, configuration: configuration)
            try migrator.migrate(db)
            _ = try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(command) FROM outbox") }
            return db
        } catch let error as DatabaseError {
            throw DatabaseDamage.from(error) ?? error
        }
    }

    /// Rows changed through this store since it opened (SQLite's `total_changes`): how a test tells
    /// that a poll which brought nothing new wrote nothing.
    public var totalChanges: Int {
        (try? db.read { $0.totalChangesCount }) ?? 0
    }

    /// `<state dir>/leadtop.sqlite`, e.g. `~/.local/state/leadtop/leadtop.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        XDGPaths.stateDirectory(environment: environment).appendingPathComponent("leadtop.sqlite").path
    }

    /// The state database of a profile. Without one it is `leadtop.sqlite` at the top of the state
    /// directory, where it always was; a named profile has a directory of its own
    /// (`profiles/NAME/`), so its cache, outbox, push registration, history and lock are its own
    /// and writes queued for one account can never be sent with another's key.
    public static func path(profile: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        guard let profile else { return defaultPath(environment: environment) }
        return XDGPaths.stateDirectory(environment: environment)
            .appendingPathComponent("profiles")
            .appendingPathComponent(directoryName(forProfile: profile))
            .appendingPathComponent("leadtop.sqlite").path
    }

    /// A profile name as one safe path component: letters, digits, `-`, `_` and `.` stay, the rest
    /// is percent-encoded, and a name of dots cannot climb out.
    static func directoryName(forProfile profile: String) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        if profile.allSatisfy({ $0 == "." }) { allowed.remove(".") }
        let encoded = profile.addingPercentEncoding(withAllowedCharacters: allowed) ?? "profile"
        return encoded.isEmpty ? "%00" : encoded
    }

    private static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE outbox (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    idempotency_key TEXT NOT NULL UNIQUE,
                    command BLOB NOT NULL,
                    created_at REAL NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    last_error TEXT
                );
                CREATE TABLE cached_lead (
                    id TEXT PRIMARY KEY,
                    delivered_at REAL NOT NULL,
                    body BLOB NOT NULL
                );
                CREATE INDEX cached_lead_order ON cached_lead(delivered_at DESC, id DESC);
                CREATE TABLE cached_campaign (
                    id TEXT PRIMARY KEY,
                    position INTEGER NOT NULL,
                    body BLOB NOT NULL
                );
                CREATE TABLE cached_value (
                    name TEXT PRIMARY KEY,
                    body BLOB NOT NULL,
                    saved_at REAL NOT NULL
                );
                """)
        }
        m.registerMigration("v2-feed-columns") { db in
            try FeedTable.migrate(db)
        }
        // The body becomes the last column: SQLite keeps a `zeroblob` compact only there, so a
        // large value can be written in place (`BlobIO`) without being expanded in a record first.
        m.registerMigration("v3-value-body-last") { db in
            try db.execute(sql: """
                CREATE TABLE cached_value_v3 (
                    name TEXT PRIMARY KEY,
                    saved_at REAL NOT NULL,
                    body BLOB NOT NULL
                );
                INSERT INTO cached_value_v3 (name, saved_at, body) SELECT name, saved_at, body FROM cached_value;
                DROP TABLE cached_value;
                ALTER TABLE cached_value_v3 RENAME TO cached_value;
                """)
        }
        m.registerMigration("v4-feed-gap") { db in
            try db.execute(sql: """
                CREATE TABLE feed_gap (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    since REAL NOT NULL,
                    resume_after TEXT NOT NULL
                );
                """)
        }
        m.registerMigration("v5-webhook-registration") { db in
            try db.execute(sql: """
                CREATE TABLE webhook_registration (
                    account TEXT NOT NULL,
                    receiver_url TEXT NOT NULL,
                    endpoint_id TEXT NOT NULL,
                    url TEXT NOT NULL,
                    secret TEXT NOT NULL,
                    events TEXT NOT NULL,
                    created_at REAL NOT NULL,
                    PRIMARY KEY (account, receiver_url)
                );
                """)
        }
        m.registerMigration("v6-feed-rated") { db in
            try FeedTable.addRatedColumn(db)
        }
        m.registerMigration("v7-feed-score-order") { db in
            try FeedTable.addScoreIndex(db)
        }
        return m
    }
}
