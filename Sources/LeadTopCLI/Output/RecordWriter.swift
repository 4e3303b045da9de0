import CWidth
import Foundation
import LeadOSAPI
import LeadTopRender
import LeadTopRuntime

/// Prints records in one format as they arrive: JSON lines and CSV row by row (a long walk or
/// `--follow` shows each lead at once), a JSON list as one array, a table once all are in (its
/// columns need every width).
final class RecordWriter {
    let format: OutputFormat
    let kind: RecordKind
    /// A list prints `[…]` as JSON and rows as a table; a single object prints itself and, as a
    /// table, one `field value` line per field.
    let isList: Bool
    private let columns: [String]
    private let emit: (String) -> Void
    private var count = 0
    private var tableRows: [RecordNode] = []

    init(format: OutputFormat, kind: RecordKind, fields: [String]?, isList: Bool = true,
         emit: @escaping (String) -> Void = { StandardStreams.write($0) }) {
        self.format = format; self.kind = kind; self.isList = isList; self.emit = emit
        self.columns = fields ?? (format == .table ? kind.tableColumns : kind.columns)
    }

    /// Prints one record (or keeps it for the table).
    func write(_ value: some Encodable) throws {
        defer { count += 1 }
        switch format {
        case .jsonl:
            emit(try Self.json(value) + "\n")
        case .json:
            if isList {
                emit((count == 0 ? "[\n" : ",\n") + (try Self.json(value)))
            } else {
                emit(try Self.json(value) + "\n")
            }
        case .csv:
            if count == 0 { emit(try RecordText.csvLine(columns)) }
            emit(try RecordText.csvRow(value, columns: columns))
        case .table:
            tableRows.append(try RecordNode.of(value))
        }
    }

    /// Ends the output: closes a JSON list, prints the header of an empty CSV, draws the table.
    func finish() throws {
        switch format {
        case .jsonl: break
        case .json: if isList { emit(count == 0 ? "[]\n" : "\n]\n") }
        case .csv: if count == 0 { emit(try RecordText.csvLine(columns)) }
        case .table: emit(isList ? Self.table(tableRows, columns: columns) : Self.fieldList(tableRows.first, columns: columns))
        }
    }

    /// The API's object as `LeadOSJSON` writes it (shared with the dashboard's export).
    static func json(_ value: some Encodable) throws -> String { try RecordText.json(value) }

    /// Widest a table cell gets before it is cut with `…`.
    static let maxCellWidth = 40

    /// Aligned columns, every cell through the renderer's sanitizer (a lead's name cannot move
    /// the cursor or change the terminal's colours).
    static func table(_ rows: [RecordNode], columns: [String]) -> String {
        // Character widths (wcwidth) need a UTF-8 locale, as on the dashboard's screen.
        _ = leadtop_ensure_utf8_locale()
        let cells = rows.map { row in columns.map { DisplayText.truncate(row.value(at: $0).cellText, maxWidth: maxCellWidth) } }
        let header = columns.map { $0.uppercased() }
        var widths = header.map { DisplayText.width($0) }
        for row in cells {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], DisplayText.width(cell)) }
        }
        func line(_ row: [String]) -> String {
            var out = ""
            for (i, cell) in row.enumerated() {
                out += cell
                if i < row.count - 1 { out += String(repeating: " ", count: widths[i] - DisplayText.width(cell) + 2) }
            }
            while out.hasSuffix(" ") { out.removeLast() }
            return out + "\n"
        }
        return ([header] + cells).map(line).joined()
    }

    /// Text from LeadOS made safe for a terminal line.
    static func plain(_ text: String) -> String { TextSanitizer.sanitize(text) }

    /// `field  value` lines for one object.
    static func fieldList(_ row: RecordNode?, columns: [String]) -> String {
        guard let row else { return "" }
        let width = columns.map(\.count).max() ?? 0
        _ = leadtop_ensure_utf8_locale()
        return columns.map { name in
            let value = DisplayText.truncate(row.value(at: name).cellText, maxWidth: 200)
            return name + (value.isEmpty ? "" : String(repeating: " ", count: width - name.count + 2) + value) + "\n"
        }.joined()
    }
}
