import Foundation
import LeadOSContract

/// The order of the feed's rows: one column and a direction, ties broken by id in the same
/// direction so every order is total and a page read at any offset is stable.
///
/// The default, newest first (`delivered_at` then id, both descending), is the order LeadOS
/// delivers in. The cache sorts by the same values (`LocalStore.feedPage`), and the rows in
/// memory follow it: an arriving lead is inserted where this order places it.
public struct FeedOrder: Sendable, Hashable {
    public enum Key: String, Sendable, Hashable, CaseIterable {
        case delivered, score, feedback, name, title, company, geography
        case emailStatus = "email_status"
    }

    public var key: Key
    public var descending: Bool

    public init(_ key: Key, descending: Bool) {
        self.key = key; self.descending = descending
    }

    public static let newestFirst = FeedOrder(.delivered, descending: true)

    /// The direction a column starts in when `<` or `>` moves to it: times and scores from the
    /// newest and highest, text from A.
    public static func starting(_ key: Key) -> FeedOrder {
        FeedOrder(key, descending: key == .delivered || key == .score)
    }

    public var reversed: FeedOrder { FeedOrder(key, descending: !descending) }

    /// The marker's direction as the column shows it: the AGE column grows as `delivered_at`
    /// falls, so newest first is ascending age.
    public var showsDescending: Bool { key == .delivered ? !descending : descending }

    /// Whether `a` comes before `b` in this order.
    public func precedes(_ a: Lead, _ b: Lead) -> Bool {
        let ascending: Bool
        switch key {
        case .delivered:
            ascending = a.deliveredAt != b.deliveredAt ? a.deliveredAt < b.deliveredAt : Self.bytes(a.id, b.id)
        case .score:
            ascending = a.score != b.score ? a.score < b.score : Self.bytes(a.id, b.id)
        default:
            let (x, y) = (text(of: a), text(of: b))
            ascending = x != y ? Self.bytes(x, y) : Self.bytes(a.id, b.id)
        }
        return descending ? !ascending && a.id != b.id : ascending
    }

    /// The text a column sorts by, as the cache reads it from the lead's JSON (a missing
    /// value is the empty string).
    public func text(of lead: Lead) -> String {
        switch key {
        case .delivered, .score: ""
        case .feedback: lead.feedback?.rating.rawValue ?? ""
        case .name: lead.fullName
        case .title: lead.jobTitle
        case .company: lead.companyName
        case .geography: lead.geography
        case .emailStatus: lead.emailStatus?.rawValue ?? ""
        }
    }

    /// By UTF-8 bytes, as SQLite's BINARY collation compares.
    static func bytes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
