import Foundation
import GRDB

/// A damaged state database, moved aside so a new one can start: the file keeps its -wal and
/// -shm beside it under the new name, and the writes still waiting in its outbox are read back
/// where the file allows, so they are sent from the new database with the keys they had.
struct BrokenDatabase {
    /// An outbox row as stored, command bytes included (decoded only when it is sent).
    struct PendingRow: Equatable {
        var idempotencyKey: String
        var command: Data
        var createdAt: Double
    }

    var originalPath: String
    var movedTo: String
    var damage: DatabaseDamage
    /// The rows read back, oldest first; nil when the outbox could not be read at all.
    var salvaged: [PendingRow]?
    /// The outbox broke off partway: rows after those read may be lost.
    var salvageIncomplete: Bool

    /// Renames `path` (and its -wal and -shm) to `<path>.broken-<UTC time>` and reads its outbox.
    static func moveAside(_ path: String, damage: DatabaseDamage, at time: Date) throws -> BrokenDatabase {
        let target = freeName(for: path, at: time)
        guard rename(path, target) == 0 else {
            throw BrokenDatabaseError(path: path, damage: damage, errno: errno)
        }
        for suffix in ["-wal", "-shm"] where access(path + suffix, F_OK) == 0 {
            _ = rename(path + suffix, target + suffix)
        }
        let (rows, incomplete) = readOutbox(at: target)
        return BrokenDatabase(originalPath: path, movedTo: target, damage: damage, salvaged: rows, salvageIncomplete: incomplete)
    }

    /// What the user is told, before the screen is taken.
    var warning: String {
        var text = "the database \(originalPath) could not be used (\(damage)); it was moved to \(movedTo) "
            + "and a new one started (the cache fills again from LeadOS). "
        switch salvaged {
        case nil: text += "No pending writes could be read from it."
        case let rows? where rows.isEmpty: text += "It held no pending writes."
        case let rows?:
            text += "\(Self.writes(rows.count)) recovered from it and will be sent"
            text += salvageIncomplete ? "; later ones could not be read." : "."
        }
        return text
    }

    /// The same in one status-bar line.
    var statusLine: String {
        let name = (movedTo as NSString).lastPathComponent
        let kept = (salvaged?.count ?? 0) > 0 ? "; \(Self.writes(salvaged?.count ?? 0)) kept" : ""
        return "Damaged database moved to \(name)\(kept)"
    }

    private static func writes(_ count: Int) -> String { count == 1 ? "1 pending write" : "\(count) pending writes" }

    private static func freeName(for path: String, at time: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let base = "\(path).broken-\(formatter.string(from: time))"
        var candidate = base
        var number = 2
        while access(candidate, F_OK) == 0 {
            candidate = "\(base)-\(number)"
            number += 1
        }
        return candidate
    }

    /// Reads the outbox read-only, keeping the rows read before any error.
    private static func readOutbox(at path: String) -> (rows: [PendingRow]?, incomplete: Bool) {
        // Read-write: a read-only connection cannot open a WAL database without its -shm file,
        // and the -wal may hold the newest writes. Nothing is written; closing may checkpoint.
        // `writable_schema` makes SQLite read a file shorter than its header says instead of
        // refusing it, so the pages still there (the outbox is among the first) can be read.
        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA writable_schema = ON") }
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return (nil, false) }
        var rows: [PendingRow] = []
        do {
            try queue.read { db in
                let cursor = try Row.fetchCursor(db, sql: "SELECT idempotency_key, command, created_at FROM outbox ORDER BY seq")
                while let row = try cursor.next() {
                    guard let key: String = row["idempotency_key"], let command: Data = row["command"],
                          let createdAt: Double = row["created_at"] else { continue }
                    rows.append(PendingRow(idempotencyKey: key, command: command, createdAt: createdAt))
                }
            }
            return (rows, false)
        } catch {
            return rows.isEmpty ? (nil, false) : (rows, true)
        }
    }
}

/// A damaged database that could not even be moved aside.
struct BrokenDatabaseError: Error, CustomStringConvertible {
    var path: String
    var damage: DatabaseDamage
    var errno: Int32

    var description: String {
        "the database \(path) could not be used (\(damage)) and could not be moved aside (\(String(cString: strerror(errno)))); "
            + "move it away by hand (mv \(path) \(path).broken) and start again"
    }
}

extension LocalStore {
    /// Puts writes read from a broken database into this one's outbox, oldest first, with their
    /// keys (a key already present is skipped). Returns how many were added.
    func restore(_ rows: [BrokenDatabase.PendingRow]) throws -> Int {
        try db.write { db in
            var added = 0
            for row in rows {
                try db.execute(sql: "INSERT OR IGNORE INTO outbox (idempotency_key, command, created_at) VALUES (?, ?, ?)",
                               arguments: [row.idempotencyKey, row.command, row.createdAt])
                added += db.changesCount
            }
            return added
        }
    }
}
