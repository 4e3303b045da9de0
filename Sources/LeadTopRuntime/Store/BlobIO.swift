import Foundation
import GRDB
import GRDBSQLite

/// SQLite's incremental blob I/O, for cached values of megabytes (the stats of a large account).
///
/// Binding a blob as a statement argument copies it twice inside SQLite (the bound value, then
/// the record built from it), and reading one back materializes it before it is copied into
/// `Data`: four copies of a 2 MB reply at the peak. Inserting a `zeroblob` and then writing or
/// reading the bytes in place keeps only the caller's buffer.
enum BlobIO {
    /// Writes `bytes` into the blob column of row `rowID`, which must hold a blob of exactly that
    /// size (`zeroblob(count)`).
    static func write(_ bytes: Data, table: String, column: String, rowID: Int64, in db: Database) throws {
        let blob = try open(table: table, column: column, rowID: rowID, writable: true, in: db)
        defer { sqlite3_blob_close(blob) }
        let code = bytes.withUnsafeBytes { raw -> Int32 in
            guard let base = raw.baseAddress, raw.count > 0 else { return SQLITE_OK }
            return sqlite3_blob_write(blob, base, Int32(raw.count), 0)
        }
        guard code == SQLITE_OK else { throw error(code, db) }
    }

    /// The whole blob in column `column` of row `rowID`.
    static func read(table: String, column: String, rowID: Int64, in db: Database) throws -> Data {
        let blob = try open(table: table, column: column, rowID: rowID, writable: false, in: db)
        defer { sqlite3_blob_close(blob) }
        let count = Int(sqlite3_blob_bytes(blob))
        var bytes = Data(count: count)
        let code = bytes.withUnsafeMutableBytes { raw -> Int32 in
            guard let base = raw.baseAddress, count > 0 else { return SQLITE_OK }
            return sqlite3_blob_read(blob, base, Int32(count), 0)
        }
        guard code == SQLITE_OK else { throw error(code, db) }
        return bytes
    }

    private static func open(table: String, column: String, rowID: Int64, writable: Bool,
                             in db: Database) throws -> OpaquePointer {
        var blob: OpaquePointer?
        let code = sqlite3_blob_open(db.sqliteConnection, "main", table, column, rowID, writable ? 1 : 0, &blob)
        guard code == SQLITE_OK, let blob else {
            if let blob { sqlite3_blob_close(blob) }
            throw error(code == SQLITE_OK ? SQLITE_ERROR : code, db)
        }
        return blob
    }

    private static func error(_ code: Int32, _ db: Database) -> DatabaseError {
        let message = db.sqliteConnection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
    }
}
