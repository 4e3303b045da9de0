/// `POST /v1/leads/{id}/feedback` request body (API.md §7.3).
public struct FeedbackSubmission: Codable, Sendable, Hashable {
    public var rating: FeedbackRating
    public var reason: BadReason?
    public var note: String?

    public init(rating: FeedbackRating, reason: BadReason? = nil, note: String? = nil) {
        self.rating = rating; self.reason = reason; self.note = note
    }

    enum CodingKeys: String, CodingKey { case rating, reason, note }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rating, forKey: .rating)
        try c.encode(reason, forKey: .reason)
        try c.encode(note, forKey: .note)
    }
}
