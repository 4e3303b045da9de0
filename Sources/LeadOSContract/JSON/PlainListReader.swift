import Foundation

/// Reads a list reply (API.md §4: `data`, `has_more`, `next_cursor`) whose items are all of
/// their plain shape, with an item reader such as `CampaignReader` or `LeadReader`.
///
/// A poll's reply went through `JSONDecoder` whole: for six campaigns that was most of the
/// poll's cost. This reader takes only the three documented keys, once each, `has_more` as
/// `true` or `false`, `next_cursor` as `null` or a plain string, and items that the item reader
/// takes. On anything else, an unreadable item included, it returns nil and the caller decodes
/// the ordinary way, so what `JSONDecoder` would make of it (items set aside as unreadable,
/// errors) is unchanged.
enum PlainListReader {
    static func read<Item>(_ bytes: UnsafeRawBufferPointer, item: (UnsafeRawBufferPointer) -> Item?) -> ListEnvelope<Item>? {
        let slicer = JSONSlicer(bytes: bytes)
        guard let members = slicer.topLevelMembers(), members.count <= 3 else { return nil }
        var data: [Item]?, hasMore: Bool?, nextCursor: String??
        for member in members {
            var scanner = PlainJSONScanner(bytes: UnsafeRawBufferPointer(rebasing: bytes[member.value]))
            let probe = PlainJSONScanner(bytes: bytes)
            if probe.bytes(in: member.key, equal: "data") {
                guard data == nil, let elements = slicer.arrayElements(member.value) else { return nil }
                var items: [Item] = []
                items.reserveCapacity(elements.count)
                for element in elements {
                    guard let read = item(UnsafeRawBufferPointer(rebasing: bytes[element])) else { return nil }
                    items.append(read)
                }
                data = items
            } else if probe.bytes(in: member.key, equal: "has_more") {
                guard hasMore == nil else { return nil }
                if scanner.bytes(in: 0..<member.value.count, equal: "true") { hasMore = true }
                else if scanner.bytes(in: 0..<member.value.count, equal: "false") { hasMore = false }
                else { return nil }
            } else if probe.bytes(in: member.key, equal: "next_cursor") {
                guard nextCursor == nil, let cursor = Plain.optional(&scanner, { $0.string() }), scanner.isAtEnd() else { return nil }
                nextCursor = .some(cursor)
            } else {
                return nil
            }
        }
        guard let data, let hasMore else { return nil }
        return ListEnvelope(data: data, hasMore: hasMore, nextCursor: nextCursor ?? nil)
    }
}

extension ListEnvelope {
    /// A page of `Item`s the cheapest way that gives exactly `JSONDecoder`'s result, for the
    /// item types with a plain reader (campaigns, leads); nil for others and for anything the
    /// plain readers decline.
    static func readPlain(_ data: Data) -> ListEnvelope? {
        if Item.self == Campaign.self {
            return data.withUnsafeBytes { PlainListReader.read($0, item: CampaignReader.read) } as? ListEnvelope
        }
        if Item.self == Lead.self {
            return data.withUnsafeBytes { PlainListReader.read($0, item: LeadReader.read) } as? ListEnvelope
        }
        return nil
    }
}
