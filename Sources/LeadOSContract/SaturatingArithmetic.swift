/// Arithmetic that cannot trap, for numbers that come from outside: a sum of API counts stops at
/// the largest `Int`, and a `Double` becomes the nearest `Int` (NaN becomes 0).
extension Int {
    public func addingSaturated(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }

    public init(saturating value: Double) {
        if value.isNaN {
            self = 0
        } else if value >= 9.223372036854775807e18 {
            self = .max
        } else if value <= -9.223372036854775808e18 {
            self = .min
        } else {
            self = Int(value)
        }
    }
}
