import ArgumentParser
import Foundation
import LeadTopRuntime

/// How a subcommand prints what LeadOS returned.
public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// Aligned columns for people, control characters removed.
    case table
    /// One JSON array (a list) or object, the API's objects as they are.
    case json
    /// One JSON object per line, for `jq`, `while read` and pipes.
    case jsonl
    /// RFC 4180: one header row, CRLF line ends, nested fields as dotted column names.
    case csv

    /// `table` when stdout is a terminal, `jsonl` when it is a pipe or file.
    static func standard(stdoutIsTerminal: Bool) -> OutputFormat {
        stdoutIsTerminal ? .table : .jsonl
    }
}

/// `--format` and `--fields`, shared by every subcommand that prints records.
public struct OutputOptions: ParsableArguments {
    @Option(help: "table, json, jsonl or csv (default: table on a terminal, jsonl otherwise).")
    var format: OutputFormat?

    @Option(help: ArgumentHelp("Columns for table and csv, comma-separated dotted names (e.g. id,score,feedback.rating).",
                               valueName: "a,b,c"))
    var fields: String?

    public init() {}

    /// The format asked for, or the one that suits where stdout goes.
    var resolvedFormat: OutputFormat {
        format ?? .standard(stdoutIsTerminal: isatty(STDOUT_FILENO) == 1)
    }

    /// The columns asked for, checked against the record's columns.
    func selectedFields(of kind: RecordKind) throws -> [String]? {
        guard let fields else { return nil }
        let names = fields.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty else { throw ValidationError("--fields needs at least one field name, e.g. --fields id,score") }
        if resolvedFormat == .json || resolvedFormat == .jsonl {
            throw ValidationError("--fields applies to table and csv; JSON output is the API's whole objects (select with jq)")
        }
        for name in names where !kind.columns.contains(name) {
            throw ValidationError("unknown field '\(name)' for \(kind.name); fields: \(kind.columns.joined(separator: ","))")
        }
        return names
    }
}
