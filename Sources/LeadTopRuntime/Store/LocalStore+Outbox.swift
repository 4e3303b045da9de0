import Foundation
import GRDB
import LeadOSAPI
import LeadTopCore

/// A write waiting to be accepted by LeadOS, with the Idempotency-Key it is always sent with.
public struct OutboxEntry: Sendable, Hashable {
    public var sequence: Int64
    public var idempotencyKey: String
    public var command: WriteCommand
    public var createdAt: Date
    public var attempts: Int
}

extension LocalStore {
    /// Stores a write before anything is sent, so it survives a crash. Returns the stored entry.
    @discardableResult
    public func enqueue(_ command: WriteCommand, idempotencyKey: String = IdempotencyKey.make(), at time: Date) throws -> OutboxEntry {
        let body = try JSONEncoder().encode(command)
        return try db.write { db in
            try db.execute(sql: "INSERT INTO outbox (idempotency_key, command, created_at) VALUES (?, ?, ?)",
                           arguments: [idempotencyKey, body, time.timeIntervalSince1970])
            return OutboxEntry(sequence: db.lastInsertedRowID, idempotencyKey: idempotencyKey, command: command,
                               createdAt: time, attempts: 0)
        }
    }

    /// Pending writes, oldest first. Rows whose command no longer decodes (a corrupted file) are
    /// removed and reported in `discarded`, so they cannot block the queue forever.
    public func pendingWrites() throws -> (entries: [OutboxEntry], discarded: Int) {
        try db.write { db in
            var entries: [OutboxEntry] = []
            var broken: [Int64] = []
            for row in try Row.fetchAll(db, sql: "SELECT seq, idempotency_key, command, created_at, attempts FROM outbox ORDER BY seq") {
                let seq: Int64 = row["seq"]
                let data: Data? = row["command"]
                guard let data, let command = try? JSONDecoder().decode(WriteCommand.self, from: data),
                      let key: String = row["idempotency_key"] else { broken.append(seq); continue }
                entries.append(OutboxEntry(sequence: seq, idempotencyKey: key, command: command,
                                           createdAt: Date(timeIntervalSince1970: row["created_at"]), attempts: row["attempts"]))
            }
            for seq in broken { try db.execute(sql: "DELETE FROM outbox WHERE seq = ?", arguments: [seq]) }
            return (entries, broken.count)
        }
    }

    /// The oldest pending write, removing (and counting) undecodable rows met on the way.
    public func oldestPendingWrite() throws -> (entry: OutboxEntry?, discarded: Int) {
        try db.write { db in
            var discarded = 0
            while let row = try Row.fetchOne(db, sql: "SELECT seq, idempotency_key, command, created_at, attempts FROM outbox ORDER BY seq LIMIT 1") {
                let seq: Int64 = row["seq"]
                let data: Data? = row["command"]
                if let data, let command = try? JSONDecoder().decode(WriteCommand.self, from: data),
                   let key: String = row["idempotency_key"] {
                    return (OutboxEntry(sequence: seq, idempotencyKey: key, command: command,
                                        createdAt: Date(timeIntervalSince1970: row["created_at"]), attempts: row["attempts"]), discarded)
                }
                try db.execute(sql: "DELETE FROM outbox WHERE seq = ?", arguments: [seq])
                discarded += 1
            }
            return (nil, discarded)
        }
    }

    public func pendingWriteCount() throws -> Int {
        try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox") ?? 0 }
    }

    /// Removes a write that LeadOS accepted or definitively refused.
    public func settle(_ sequence: Int64) throws {
        try db.write { db in try db.execute(sql: "DELETE FROM outbox WHERE seq = ?", arguments: [sequence]) }
    }

    /// Removes the newest queued copy of `command` if it has never been tried and is not the
    /// write in flight (`sparing`): a write that went out once may have reached LeadOS. True when
    /// it was removed.
    public func withdrawUnsent(_ command: WriteCommand, sparing: Int64?) throws -> Bool {
        try db.write { db in
            let rows = try Row.fetchAll(db, sql: "SELECT seq, command, attempts FROM outbox ORDER BY seq DESC")
            for row in rows {
                let data: Data? = row["command"]
                guard let data, let stored = try? JSONDecoder().decode(WriteCommand.self, from: data), stored == command else {
                    continue
                }
                let seq: Int64 = row["seq"]
                let attempts: Int = row["attempts"]
                guard seq != sparing, attempts == 0 else { return false }
                try db.execute(sql: "DELETE FROM outbox WHERE seq = ?", arguments: [seq])
                return true
            }
            return false
        }
    }

    /// Counts a failed try; the write stays queued.
    public func recordAttempt(_ sequence: Int64, error: String) throws {
        try db.write { db in
            try db.execute(sql: "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE seq = ?",
                           arguments: [String(error.prefix(500)), sequence])
        }
    }
}
