import Foundation

/// The ranges API.md §6 and §7 give the numbers in replies. A number outside its range makes the
/// object that holds it fail to decode, with an error naming the field, like any other malformed
/// reply: one absurd value from LeadOS (or from a cache it once filled) is data to refuse, not a
/// value to compute with.
public enum ContractRange {
    /// Lead scores, `min_score` and average scores.
    public static let score = 0...100
    public static let averageScore = 0.0...100.0
    /// Counts, sums of credits and balances.
    public static let count = 0...Int.max
    /// A lead costs 1, 2 or 4 credits (§6.1).
    public static let leadCredits = 0...4
    /// `daily_lead_cap` (§6.3).
    public static let dailyLeadCap = 1...1000
    /// `total_lead_cap` and the personalisation threshold.
    public static let positive = 1...Int.max
    /// `feedback_rate` and `progress`.
    public static let fraction = 0.0...1.0
}

extension KeyedDecodingContainer {
    /// A number that must lie in `range`; NaN and infinities lie in none.
    func decode<Value: Decodable & Comparable>(_ type: Value.Type, forKey key: Key, in range: ClosedRange<Value>) throws -> Value {
        let value = try decode(type, forKey: key)
        guard range.contains(value) else { throw outOfRange(value, key: key, range: range) }
        return value
    }

    /// A nullable number that, when present and not null, must lie in `range`.
    func decode<Value: Decodable & Comparable>(_ type: Value?.Type, forKey key: Key, in range: ClosedRange<Value>) throws -> Value? {
        guard let value = try decodeIfPresent(Value.self, forKey: key) else { return nil }
        guard range.contains(value) else { throw outOfRange(value, key: key, range: range) }
        return value
    }

    private func outOfRange<Value: Comparable>(_ value: Value, key: Key, range: ClosedRange<Value>) -> DecodingError {
        let bounds = range.upperBound as? Int == Int.max ? "≥ \(range.lowerBound)" : "\(range.lowerBound)…\(range.upperBound)"
        return DecodingError.dataCorruptedError(
            forKey: key, in: self, debugDescription: "\(key.stringValue) \(value) is outside the contract's range \(bounds)")
    }
}
