/// A member of an object a plain reader knows by name (`CampaignReader`, `LeadReader`): the
/// reader finds a key's field by comparing only the spellings of the key's length.
protocol PlainJSONField: CaseIterable {
    /// The member's JSON name.
    var spelling: StaticString { get }
    /// The fields by the length of their names (`lengthTable()`), built once per type.
    static var byLength: [[Self]] { get }
}

extension PlainJSONField {
    /// The field whose name the bytes of `key` spell; nil for any other key.
    static func named(_ key: Range<Int>, in scanner: PlainJSONScanner) -> Self? {
        guard key.count < byLength.count else { return nil }
        return byLength[key.count].first { scanner.bytes(in: key, equal: $0.spelling) }
    }

    /// `byLength` for a type's stored table: index n holds the fields whose names are n bytes.
    static func lengthTable() -> [[Self]] {
        let longest = allCases.map { $0.spelling.utf8CodeUnitCount }.max() ?? 0
        return (0...longest).map { count in allCases.filter { $0.spelling.utf8CodeUnitCount == count } }
    }
}
