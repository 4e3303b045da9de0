/// SplitMix64: tiny, fast and fully determined by its seed, so a seed always grows the same world.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniformly chosen element; the array must not be empty.
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }

    /// `count` characters from `[0-9A-Za-z]`.
    mutating func alphanumerics(_ count: Int) -> String {
        var out = [UInt8]()
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(Base62.digits[Int(next() % 62)]) }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Base-62 digits in ASCII order, so fixed-width encodings sort like the numbers they encode.
enum Base62 {
    static let digits = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    static func encode(_ value: UInt64, width: Int) -> String {
        var v = value
        var out = [UInt8](repeating: digits[0], count: width)
        for i in stride(from: width - 1, through: 0, by: -1) {
            out[i] = digits[Int(v % 62)]
            v /= 62
        }
        return String(decoding: out, as: UTF8.self)
    }
}
