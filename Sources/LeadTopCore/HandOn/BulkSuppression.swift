import Foundation
import LeadOSContract

/// Many addresses to suppress at once: every email of the filtered feed (`S`) or a file of them
/// (`:suppress FILE`). Sent in batches of at most 1,000 (API.md §7.10), each its own write in the
/// outbox with its own Idempotency-Key.
public struct BulkSuppression: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        /// The filtered feed, in words: `“score>80” in Solar installers DE`.
        case view(String)
        /// A file of addresses, as its path was typed.
        case file(String)
    }

    public var source: Source
    /// Distinct addresses (compared without case, as LeadOS does), in order.
    public var emails: [String]
    /// Lines of a file that cannot be addresses: not sent, counted as invalid.
    public var badLines: Int

    public init(source: Source, emails: [String], badLines: Int = 0) {
        self.source = source; self.emails = emails; self.badLines = badLines
    }

    /// The batches that go out, in order.
    public var batches: [[String]] { SuppressionRequest.batches(emails) }

    /// "of the filtered feed (“score>80”)", "from bounces.txt": how messages name the source.
    public var sourceWords: String {
        switch source {
        case .view(let filter): "of the filtered feed (\(filter))"
        case .file(let path): "from \(path)"
        }
    }

    /// The addresses of a file, one a line: blank lines skipped, lines that cannot be an address
    /// (no `@`, spaces or control characters inside, longer than 254 bytes) counted, not sent;
    /// LeadOS judges the rest and reports its own invalid ones.
    public static func addresses(in data: Data) -> (addresses: [String], badLines: Int) {
        var seen = Set<String>()
        var addresses: [String] = []
        var bad = 0
        for line in SuppressionRequest.lines(data) {
            guard isPlausibleAddress(line) else { bad += 1; continue }
            if seen.insert(line.lowercased()).inserted { addresses.append(line) }
        }
        return (addresses, bad)
    }

    /// Distinct addresses, first spelling kept, compared without case.
    public static func distinct(_ emails: [String]) -> [String] {
        var seen = Set<String>()
        return emails.filter { seen.insert($0.lowercased()).inserted }
    }

    static func isPlausibleAddress(_ text: String) -> Bool {
        guard text.utf8.count <= 254, text.contains("@") else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned,
                 .privateUse: false
            default: scalar != "\u{FFFD}"
            }
        }
    }
}

/// A bulk suppression on its way: which batches LeadOS has not answered yet, and its counts so far.
public struct BulkSuppressionProgress: Sendable, Hashable {
    public var suppression: BulkSuppression
    /// Batches still in the outbox, in the order they were queued.
    public var waiting: [[String]]
    public var added = 0
    public var alreadyPresent = 0
    /// Addresses LeadOS found invalid, plus the file's lines that were not addresses.
    public var invalid: Int
    /// Addresses in batches LeadOS refused, and what it said about the first.
    public var refused = 0
    public var refusal: String?

    public init(_ suppression: BulkSuppression) {
        self.suppression = suppression
        self.waiting = suppression.batches
        self.invalid = suppression.badLines
    }

    public func isWaiting(for batch: [String]) -> Bool { waiting.contains(batch) }

    public var isDone: Bool { waiting.isEmpty }

    mutating func finish(_ batch: [String]) {
        if let index = waiting.firstIndex(of: batch) { waiting.remove(at: index) }
    }

    mutating func record(_ result: SuppressionResult) {
        added += result.added
        alreadyPresent += result.alreadyPresent
        invalid += result.invalid.count
    }

    mutating func refuse(_ count: Int, reason: String) {
        refused += count
        if refusal == nil { refusal = reason }
    }

    /// "Suppressed 1,204 addresses: 1,100 added, 98 already suppressed, 6 invalid" (the
    /// confirmation named the source; the status bar has room for the counts only).
    public var summary: String {
        let n = suppression.emails.count
        var text = "Suppressed \(Self.grouped(n)) address\(n == 1 ? "" : "es"): "
            + "\(Self.grouped(added)) added, \(Self.grouped(alreadyPresent)) already suppressed, \(Self.grouped(invalid)) invalid"
        if refused > 0 { text += "; \(Self.grouped(refused)) not suppressed: \(refusal ?? "refused")" }
        return text
    }

    /// 12,408.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}
