/// The cursor-paginated list envelope (API.md §5).
public struct ListEnvelope<Item: Codable & Sendable>: Codable, Sendable {
    public var data: [Item]
    public var hasMore: Bool
    public var nextCursor: String?

    public init(data: [Item], hasMore: Bool, nextCursor: String?) {
        self.data = data; self.hasMore = hasMore; self.nextCursor = nextCursor
    }

    enum CodingKeys: String, CodingKey { case data, hasMore = "has_more", nextCursor = "next_cursor" }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(data, forKey: .data)
        try c.encode(hasMore, forKey: .hasMore)
        try c.encode(nextCursor, forKey: .nextCursor)
    }
}

extension ListEnvelope: Equatable where Item: Equatable {}
