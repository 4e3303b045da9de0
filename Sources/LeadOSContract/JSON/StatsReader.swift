#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a stats reply of exactly the documented shape (API.md §7.2) straight from its bytes.
///
/// `JSONDecoder` spends about 70 ms on the 2 MB reply of a 1,000-campaign account, most of it
/// creating containers for 30,000 tiny objects; this reader takes a few milliseconds, which is
/// what start-up from the cache needs. It accepts only what it is sure `JSONDecoder` would decode
/// to the same value: the known keys once each, strings without escapes, integers, numbers it can
/// convert exactly, `null`, each in its contract range (`ContractRange`). On anything else it
/// returns nil and the caller decodes the ordinary way, so every unusual reply, and every error,
/// is `JSONDecoder`'s.
struct StatsReader: JSONByteScanning {
    let bytes: UnsafeRawBufferPointer
    var i = 0
    /// Each campaign id made a `String` once.
    private var ids = IDInterner()
    /// `campaignDays`' buffer.
    private var scratch: [DeliveryStats.CampaignDay] = []

    private init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// The stats in `bytes`, or nil when the reply is not of the plain shape.
    static func read(_ bytes: UnsafeRawBufferPointer) -> DeliveryStats? {
        var reader = StatsReader(bytes: bytes)
        guard let stats = reader.stats() else { return nil }
        reader.skipWhitespace()
        return reader.i == bytes.count ? stats : nil
    }

    // MARK: The shape

    /// The keys of the documented shape. Keys are matched on their bytes: building a `String` for
    /// each (`credits_consumed` is too long to be stored inline) cost an allocation per member.
    private enum Key: CaseIterable {
        case startDate, endDate, campaignID, totals, data, date, delivered, creditsConsumed, avgScore, byCampaign

        var name: String {
            switch self {
            case .startDate: "start_date"
            case .endDate: "end_date"
            case .campaignID: "campaign_id"
            case .totals: "totals"
            case .data: "data"
            case .date: "date"
            case .delivered: "delivered"
            case .creditsConsumed: "credits_consumed"
            case .avgScore: "avg_score"
            case .byCampaign: "by_campaign"
            }
        }

        static let spellings: [(bytes: [UInt8], key: Key)] = allCases.map { (Array($0.name.utf8), $0) }

        /// The spellings by length: `byLength[n]` holds those of `n` bytes.
        static let byLength: [[(bytes: [UInt8], key: Key)]] = {
            var table = Array(repeating: [(bytes: [UInt8], key: Key)](), count: spellings.map(\.bytes.count).max()! + 1)
            for spelling in spellings { table[spelling.bytes.count].append(spelling) }
            return table
        }()
    }

    /// Stores `value` in an empty `slot`; false for a missing value or a key seen twice.
    private static func setOnce<T>(_ slot: inout T?, _ value: T?) -> Bool {
        guard slot == nil, let value else { return false }
        slot = value
        return true
    }

    private mutating func stats() -> DeliveryStats? {
        var start: String?, end: String?, campaign: String??, totals: DeliveryStats.Totals?, data: [DeliveryStats.Day]?
        let complete = members { reader, key in
            switch key {
            case .startDate: Self.setOnce(&start, reader.string())
            case .endDate: Self.setOnce(&end, reader.string())
            case .campaignID: Self.setOnce(&campaign, reader.optionalString())
            case .totals: Self.setOnce(&totals, reader.totals())
            case .data: Self.setOnce(&data, reader.days())
            default: false
            }
        }
        guard complete, let start, let end, let totals, let data else { return nil }
        return DeliveryStats(startDate: start, endDate: end, campaignID: campaign ?? nil, totals: totals, data: data)
    }

    private mutating func totals() -> DeliveryStats.Totals? {
        var delivered: Int?, credits: Int?, score: Double??
        let complete = members { reader, key in
            switch key {
            case .delivered: Self.setOnce(&delivered, reader.count())
            case .creditsConsumed: Self.setOnce(&credits, reader.count())
            case .avgScore: Self.setOnce(&score, reader.optionalScore())
            default: false
            }
        }
        guard complete, let delivered, let credits else { return nil }
        return .init(delivered: delivered, creditsConsumed: credits, avgScore: score ?? nil)
    }

    private mutating func days() -> [DeliveryStats.Day]? {
        var days: [DeliveryStats.Day] = []
        let complete = elements { reader in
            guard let day = reader.day() else { return false }
            days.append(day)
            return true
        }
        return complete ? days : nil
    }

    private mutating func day() -> DeliveryStats.Day? {
        var date: String?, delivered: Int?, credits: Int?, score: Double??, parts: [DeliveryStats.CampaignDay]?
        let complete = members { reader, key in
            switch key {
            case .date: Self.setOnce(&date, reader.string())
            case .delivered: Self.setOnce(&delivered, reader.count())
            case .creditsConsumed: Self.setOnce(&credits, reader.count())
            case .avgScore: Self.setOnce(&score, reader.optionalScore())
            case .byCampaign: Self.setOnce(&parts, reader.campaignDays())
            default: false
            }
        }
        guard complete, let date, let delivered, let credits, let parts else { return nil }
        return .init(date: date, delivered: delivered, creditsConsumed: credits, avgScore: score ?? nil, byCampaign: parts)
    }

    private mutating func campaignDays() -> [DeliveryStats.CampaignDay]? {
        // Gathered in a buffer kept from day to day, then copied once at its size: appending to a
        // new array reallocated it ten times on the way to a thousand campaigns.
        var parts = scratch
        scratch = []
        parts.removeAll(keepingCapacity: true)
        defer { scratch = parts }
        let complete = elements { reader in
            var id: String?, delivered: Int?, credits: Int?, score: Double??
            let complete = reader.members { reader, key in
                switch key {
                case .campaignID: Self.setOnce(&id, reader.campaignID())
                case .delivered: Self.setOnce(&delivered, reader.count())
                case .creditsConsumed: Self.setOnce(&credits, reader.count())
                case .avgScore: Self.setOnce(&score, reader.optionalScore())
                default: false
                }
            }
            guard complete, let id, let delivered, let credits else { return false }
            parts.append(.init(campaignID: id, delivered: delivered, creditsConsumed: credits, avgScore: score ?? nil))
            return true
        }
        guard complete else { return nil }
        return [DeliveryStats.CampaignDay](unsafeUninitializedCapacity: parts.count) { buffer, count in
            count = buffer.initialize(fromContentsOf: parts)
        }
    }

    // MARK: Structure

    /// Walks an object, handing each key to `member`, which reads the value; a key outside the
    /// documented shape ends the walk.
    private mutating func members(_ member: (inout StatsReader, Key) -> Bool) -> Bool {
        members(key: { $0.key() }, member)
    }

    // MARK: Values

    /// A key of the documented shape, written without escapes; only spellings of its length are
    /// compared (two at most).
    private mutating func key() -> Key? {
        guard let range = plainString(), let base = bytes.baseAddress, range.count < Key.byLength.count else { return nil }
        for spelling in Key.byLength[range.count] {
            if spelling.bytes.withUnsafeBytes({ memcmp(base + range.lowerBound, $0.baseAddress!, range.count) }) == 0 {
                return spelling.key
            }
        }
        return nil
    }

    /// A string with no escapes and no control characters, validated as UTF-8.
    private mutating func string() -> String? {
        guard let range = plainString() else { return nil }
        return String(validating: bytes[range], as: UTF8.self)
    }

    /// A campaign id: a string as `string()` reads it, the same `String` for the same bytes.
    private mutating func campaignID() -> String? {
        guard let range = plainString() else { return nil }
        return ids.id(UnsafeRawBufferPointer(rebasing: bytes[range]))
    }

    private mutating func optionalString() -> String?? {
        if takeNull() { return .some(nil) }
        return string().map { .some($0) }
    }



    /// A number as `Double`. Most have at most 15 significant digits, at most 15 of them after the
    /// point, and no exponent: such a value is an integer below 2^53 divided by a power of ten below
    /// 10^22, both exact doubles, so one division gives the correctly rounded result. Any other
    /// number of JSON's grammar goes through the C library's correctly rounded conversion, as in
    /// `JSONDecoder`; one too large for a `Double` is declined.
    private mutating func number() -> Double? {
        let start = i
        if let value = shortDecimal() { return value }
        i = start
        return anyNumber()
    }

    private mutating func shortDecimal() -> Double? {
        let negative = take(UInt8(ascii: "-"))
        let first = i
        var mantissa = 0
        var digits = 0
        while i < bytes.count, let digit = Self.digit(bytes[i]) {
            mantissa = mantissa * 10 + digit
            digits += 1
            i += 1
            guard digits <= 15 else { return nil }
        }
        guard digits > 0, digits == 1 || bytes[first] != UInt8(ascii: "0") else { return nil }
        var scale = 0
        if take(UInt8(ascii: ".")) {
            while i < bytes.count, let digit = Self.digit(bytes[i]) {
                mantissa = mantissa * 10 + digit
                digits += 1
                scale += 1
                i += 1
                guard digits <= 15 else { return nil }
            }
            guard scale > 0 else { return nil }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") { return nil }
        let value = Double(mantissa) / Self.powersOfTen[scale]
        return negative ? -value : value
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, converted by `strtod`. Like `JSONDecoder`,
    /// declines what overflows, or underflows to zero from nonzero digits.
    private mutating func anyNumber() -> Double? {
        let start = i
        _ = take(UInt8(ascii: "-"))
        let first = i
        guard skipDigits() > 0, i - first == 1 || bytes[first] != UInt8(ascii: "0") else { return nil }
        if take(UInt8(ascii: ".")) { guard skipDigits() > 0 else { return nil } }
        let significand = first..<i
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
            guard skipDigits() > 0 else { return nil }
        }
        guard let value = Double(String(decoding: bytes[start..<i], as: UTF8.self)), value.isFinite else { return nil }
        if value == 0, bytes[significand].contains(where: { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }) { return nil }
        return value
    }

    private mutating func skipDigits() -> Int {
        let start = i
        while i < bytes.count, Self.digit(bytes[i]) != nil { i += 1 }
        return i - start
    }

    /// A count (`ContractRange.count`); nil for one out of range, so that `JSONDecoder` reports it.
    private mutating func count() -> Int? {
        integer().flatMap { ContractRange.count.contains($0) ? $0 : nil }
    }

    /// Null or an average score (`ContractRange.averageScore`); nil for one out of range.
    private mutating func optionalScore() -> Double?? {
        if takeNull() { return .some(nil) }
        return number().flatMap { ContractRange.averageScore.contains($0) ? .some($0) : nil }
    }

    private static let powersOfTen: [Double] = (0...15).map { (0..<$0).reduce(1.0) { value, _ in value * 10 } }

    private static func digit(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }
}
