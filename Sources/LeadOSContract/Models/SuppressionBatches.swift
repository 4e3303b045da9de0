import Foundation

/// How a list of addresses reaches `POST /v1/suppression`: the contract takes 1–1,000 per call
/// (API.md §7.10), so longer lists go in consecutive batches. The command line and the
/// dashboard's bulk suppression both split here.
extension SuppressionRequest {
    /// The contract's largest batch.
    public static let maxEmails = 1_000

    /// The addresses in order, cut into batches of at most `size`; none for an empty list.
    public static func batches(_ emails: [String], size: Int = maxEmails) -> [[String]] {
        let size = Swift.max(1, size)
        return stride(from: 0, to: emails.count, by: size).map { Array(emails[$0..<Swift.min($0 + size, emails.count)]) }
    }

    /// The non-blank lines of a list of addresses (a file, standard input), each trimmed.
    public static func lines(_ data: Data) -> [String] {
        String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }
}
