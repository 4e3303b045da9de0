/// The cursor-paginated list envelope (API.md §5).
///
/// Decoding is per object: one object that does not decode (say `"score":"84"`) is skipped and
/// listed in `unreadable`, and the rest of the page is used. The envelope itself (`data` not an
/// array, `has_more` missing) still fails as a whole. `next_cursor` comes from the envelope, so
/// pagination goes on even when the last object is the unreadable one.
public struct ListEnvelope<Item: Codable & Sendable>: Codable, Sendable {
    public var data: [Item]
    public var hasMore: Bool
    public var nextCursor: String?
    /// Objects of `data` that did not decode; never encoded.
    public var unreadable: [UnreadableItem]

    public init(data: [Item], hasMore: Bool, nextCursor: String?, unreadable: [UnreadableItem] = []) {
        self.data = data; self.hasMore = hasMore; self.nextCursor = nextCursor; self.unreadable = unreadable
    }

    enum CodingKeys: String, CodingKey { case data, hasMore = "has_more", nextCursor = "next_cursor" }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        hasMore = try c.decode(Bool.self, forKey: .hasMore)
        nextCursor = try c.decodeIfPresent(String.self, forKey: .nextCursor)
        var list = try c.nestedUnkeyedContainer(forKey: .data)
        var items: [Item] = []
        var unreadable: [UnreadableItem] = []
        while !list.isAtEnd {
            let index = list.currentIndex
            // A decoder of its own per element: a failed decode then cannot stall the list.
            let element = try list.superDecoder()
            do {
                items.append(try Item(from: element))
            } catch {
                unreadable.append(UnreadableItem(index: index, id: UnreadableItem.readableID(element),
                                                 reason: UnreadableItem.describe(error)))
            }
        }
        data = items
        self.unreadable = unreadable
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(data, forKey: .data)
        try c.encode(hasMore, forKey: .hasMore)
        try c.encode(nextCursor, forKey: .nextCursor)
    }
}

extension ListEnvelope: Equatable where Item: Equatable {}

/// An object of a list reply that did not decode: where it was, its `id` when that much was
/// readable, and what was wrong, short enough for a status line.
public struct UnreadableItem: Sendable, Hashable {
    /// Position in its page's `data`.
    public var index: Int
    public var id: String?
    public var reason: String

    public init(index: Int, id: String?, reason: String) {
        self.index = index; self.id = id; self.reason = reason
    }

    private struct IDOnly: Decodable { var id: String }

    /// The element's `id`, bounded and cleaned, when it is a string.
    static func readableID(_ decoder: any Decoder) -> String? {
        (try? IDOnly(from: decoder)).map { TextSanitizer.oneLine($0.id, max: 40) }
    }

    /// The decoding error, with the path inside the object only (`score: expected Int`).
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return TextSanitizer.oneLine(String(describing: error), max: 120) }
        func path(_ context: DecodingError.Context) -> String {
            // Drop `data` and the element's index: the object is already named.
            let keys = context.codingPath.dropFirst(2).map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "object" : TextSanitizer.oneLine(keys.joined(separator: "."), max: 60)
        }
        switch error {
        case .typeMismatch(let type, let c): return "\(path(c)): expected \(type)"
        case .valueNotFound(let type, let c): return "\(path(c)): expected \(type), got null"
        case .keyNotFound(let key, let c): return "\(path(c)): missing field \(TextSanitizer.oneLine(key.stringValue, max: 40))"
        case .dataCorrupted(let c): return "\(path(c)): \(TextSanitizer.oneLine(c.debugDescription, max: 80))"
        @unknown default: return "invalid object"
        }
    }
}
