import Foundation

/// Feedback on one lead; one per lead, overwritten on resubmission (API.md §6.2).
public struct Feedback: Codable, Sendable, Hashable {
    public var leadID: String
    public var rating: FeedbackRating
    public var reason: BadReason?
    public var note: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(leadID: String, rating: FeedbackRating, reason: BadReason?, note: String?, createdAt: Date, updatedAt: Date) {
        self.leadID = leadID; self.rating = rating; self.reason = reason; self.note = note
        self.createdAt = createdAt; self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case leadID = "lead_id", rating, reason, note, createdAt = "created_at", updatedAt = "updated_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(leadID, forKey: .leadID)
        try c.encode(rating, forKey: .rating)
        try c.encode(reason, forKey: .reason)
        try c.encode(note, forKey: .note)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
    }
}
