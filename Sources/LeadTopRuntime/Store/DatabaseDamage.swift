import Foundation
import GRDB

/// Why the state database cannot be used as it is: SQLite says it is corrupt or not a database,
/// or the file is shorter than its own header says (cut off by a full disk or a bad copy, which
/// SQLite would only notice when a query reaches the missing pages).
struct DatabaseDamage: Error, Equatable, CustomStringConvertible {
    var description: String

    /// The SQLite errors that mean the file itself is damaged (not busy, not read-only).
    static func from(_ error: DatabaseError) -> DatabaseDamage? {
        guard error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB else { return nil }
        return DatabaseDamage(description: "SQLite error \(error.resultCode.rawValue): \(error.message ?? "damaged")")
    }

    /// Compares the page count in the header with the file's length; nil when they agree, when
    /// the file is empty (a new database) or when the header is not SQLite's (SQLite itself then
    /// refuses the file, and `from(_:)` names that). Skipped while a -wal file has frames: a
    /// checkpoint cut off by a crash writes page 1 before the pages that extend the file, and
    /// SQLite completes it from the -wal (it still refuses a file really cut short, as error 11).
    static func truncation(of path: String) -> DatabaseDamage? {
        var wal = stat()
        if stat(path + "-wal", &wal) == 0, wal.st_size > 0 { return nil }
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let header = try? handle.read(upToCount: 100), let length = try? handle.seekToEnd() else { return nil }
        return truncation(header: [UInt8](header), fileLength: length)
    }

    static func truncation(header: [UInt8], fileLength: UInt64) -> DatabaseDamage? {
        guard header.count == 100, header.starts(with: Array("SQLite format 3\0".utf8)) else { return nil }
        func number(at offset: Int, bytes: Int) -> UInt64 {
            header[offset..<offset + bytes].reduce(0) { $0 << 8 | UInt64($1) }
        }
        let rawPageSize = number(at: 16, bytes: 2)
        let pageSize = rawPageSize == 1 ? 65_536 : rawPageSize
        // The header's page count is trusted only when written by a version that keeps it
        // (its "version-valid-for" equals the change counter), as SQLite does.
        guard number(at: 92, bytes: 4) == number(at: 24, bytes: 4) else { return nil }
        let expected = number(at: 28, bytes: 4) * pageSize
        guard fileLength < expected else { return nil }
        return DatabaseDamage(description: "the file is cut short: \(fileLength) of its \(expected) bytes")
    }
}
