import ArgumentParser
import Foundation
import LeadOSAPI

/// `leadtop suppress`: adds addresses to the suppression list, in batches of at most 1,000
/// (API.md §7.10), each batch with its own Idempotency-Key.
public struct SuppressCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "suppress",
        abstract: "Add email addresses to the suppression list (no lead with them is delivered again).",
        discussion: """
            Addresses come from the arguments, from --file (one per line), or from stdin with -. \
            Prints how many were added, were already suppressed, and were invalid (and which).

            Examples:
              leadtop suppress raj@techcorp.io ana@example.com
              cut -d, -f3 bounces.csv | leadtop suppress -
            """
    )

    /// The contract's largest batch.
    static let batchSize = SuppressionRequest.maxEmails

    @Argument(help: ArgumentHelp("Addresses, or - to read them from stdin.", valueName: "email")) var emails: [String] = []
    @Option(help: "A file with one address per line.") var file: String?
    @OptionGroup(title: "Write") var write: WriteOptions
    @OptionGroup(title: "Output") var output: OutputOptions
    @OptionGroup(title: "Connection") var connection: ConnectionOptions

    public init() {}

    public func validate() throws {
        if emails.isEmpty && file == nil { throw ValidationError("give addresses, --file FILE, or - to read stdin") }
        if emails.contains("-") && (emails.count > 1 || file != nil) {
            throw ValidationError("- reads addresses from stdin and goes alone")
        }
    }

    /// Every address given, blank lines dropped, in order.
    func addresses() throws -> [String] {
        var text: [String] = emails == ["-"] ? [] : emails
        if emails == ["-"] {
            text += Self.lines(FileHandle.standardInput.readDataToEndOfFile())
        }
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read --file \(file)") }
            text += Self.lines(data)
        }
        return text.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    static func lines(_ data: Data) -> [String] { SuppressionRequest.lines(data) }

    public func run() async throws {
        Interrupts.exitOnSignals()
        try await runReportingFailure("cannot suppress addresses") {
            let all = try addresses()
            guard !all.isEmpty else { throw ValidationError("no addresses to suppress (the input was empty)") }
            let format = output.resolvedFormat
            let writer = RecordWriter(format: format, kind: .suppression, fields: try output.selectedFields(of: .suppression), isList: false)
            let client = try connection.makeClient()
            var total = SuppressionResult(added: 0, alreadyPresent: 0, invalid: [], totalSuppressed: 0)
            let batches = SuppressionRequest.batches(all)
            for (index, batch) in batches.enumerated() {
                do {
                    let result = try await client.suppress(emails: batch, idempotencyKey: write.key(part: batches.count > 1 ? index + 1 : nil))
                    total.added += result.added
                    total.alreadyPresent += result.alreadyPresent
                    total.invalid += result.invalid
                    total.totalSuppressed = result.totalSuppressed
                } catch {
                    if index > 0 {
                        StandardStreams.error("suppress: the first \(index * Self.batchSize) addresses were sent "
                                              + "(added \(total.added), already suppressed \(total.alreadyPresent)) before batch \(index + 1) failed")
                    }
                    throw error
                }
            }
            if format == .table {
                var line = "added \(total.added), already suppressed \(total.alreadyPresent), invalid \(total.invalid.count)"
                if !total.invalid.isEmpty { line += " (" + total.invalid.map { RecordWriter.plain($0) }.joined(separator: ", ") + ")" }
                StandardStreams.write(line + "; \(total.totalSuppressed) suppressed in all\n")
            } else {
                try writer.write(total)
                try writer.finish()
            }
        }
    }
}
