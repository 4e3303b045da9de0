import CSV
import Foundation
import LeadOSAPI

/// A record as one line of JSON or CSV: the one rendering `leadtop leads` prints and the
/// dashboard's export writes, so a file exported with `x` and the command's output agree byte
/// for byte.
public enum RecordText {
    /// The API's object as `LeadOSJSON` writes it: the contract's field names, nulls kept; no
    /// line end.
    public static func json(_ value: some Encodable) throws -> String {
        String(decoding: try LeadOSJSON.encode(value), as: UTF8.self)
    }

    /// One JSON line with its `\n`.
    public static func jsonLine(_ value: some Encodable) throws -> String {
        try json(value) + "\n"
    }

    /// One CSV record with its CRLF, quoted by CSV.swift's writer as RFC 4180 says (fields with
    /// a comma, quote, CR or LF in double quotes, quotes doubled).
    public static func csvLine(_ fields: [String]) throws -> String {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        try writer.write(row: fields)
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\r\n"
    }

    /// One CSV record of `value`: the cells at `columns` (dotted names, a null as an empty cell).
    public static func csvRow(_ value: some Encodable, columns: [String]) throws -> String {
        let node = try RecordNode.of(value)
        return try csvLine(columns.map { node.value(at: $0).cellText })
    }
}
