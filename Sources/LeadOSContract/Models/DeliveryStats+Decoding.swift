import Foundation

extension DeliveryStats {
    /// Decodes a stats reply, megabytes for a large account, in the cheapest way that gives exactly
    /// `JSONDecoder`'s result: `StatsReader` for the documented shape (a few milliseconds), else a
    /// day at a time (`decodeDayByDay`), which ends in the whole-document decode when a piece fails.
    static func decode(from data: Data, decoder: JSONDecoder) throws -> DeliveryStats {
        if let stats = data.withUnsafeBytes(StatsReader.read) { return stats }
        return try decodeDayByDay(from: data, decoder: decoder)
    }

    /// Decodes a stats reply a day at a time.
    ///
    /// With a thousand campaigns the reply is about 2 MB, and `JSONDecoder` first builds a map of
    /// the whole document (about 5 MB) before decoding anything. Decoding each day on its own keeps
    /// that map to one day's size. Campaign ids repeat on every day; each is kept once, so a month
    /// holds a thousand id strings instead of thirty thousand.
    ///
    /// The pieces are validated by the same decoder. Whenever the reply is not the plain shape
    /// expected, or any piece fails, the whole reply is decoded the ordinary way instead, so the
    /// result and any error are exactly those of `JSONDecoder`.
    static func decodeDayByDay(from data: Data, decoder: JSONDecoder) throws -> DeliveryStats {
        guard let (header, days) = slices(of: data) else { return try decoder.decode(DeliveryStats.self, from: data) }
        do {
            var stats = try decoder.decode(DeliveryStats.self, from: header)
            // By their bytes: a `Set<String>` would take two spellings of one canonical string
            // (precomposed and decomposed accents) as one id.
            var ids: [[UInt8]: String] = [:]
            stats.data.reserveCapacity(days.count)
            for range in days {
                var day = try decoder.decode(Day.self, from: data.subdata(in: range))
                for index in day.byCampaign.indices {
                    let id = day.byCampaign[index].campaignID
                    let bytes = Array(id.utf8)
                    if let known = ids[bytes] { day.byCampaign[index].campaignID = known } else { ids[bytes] = id }
                }
                stats.data.append(day)
            }
            return stats
        } catch {
            return try decoder.decode(DeliveryStats.self, from: data)
        }
    }

    /// The reply with its `data` array emptied, and the byte range of each day in `data`; nil when
    /// the top level is not an object with exactly one `data` member holding an array.
    private static func slices(of data: Data) -> (header: Data, days: [Range<Data.Index>])? {
        let base = data.startIndex
        let found: (Range<Int>, [Range<Int>])? = data.withUnsafeBytes { raw in
            let slicer = JSONSlicer(bytes: raw)
            guard let members = slicer.topLevelMembers() else { return nil }
            let dataKey = Array("data".utf8)
            let matches = members.filter { raw[$0.key].elementsEqual(dataKey) }
            guard matches.count == 1, let elements = slicer.arrayElements(matches[0].value) else { return nil }
            return (matches[0].value, elements)
        }
        guard let (array, elements) = found else { return nil }
        var header = Data(capacity: data.count - array.count + 2)
        header.append(data[base..<(base + array.lowerBound)])
        header.append(contentsOf: Array("[]".utf8))
        header.append(data[(base + array.upperBound)...])
        return (header, elements.map { (base + $0.lowerBound)..<(base + $0.upperBound) })
    }
}
