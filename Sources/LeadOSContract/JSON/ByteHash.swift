/// A cheap, unkeyed hash of a few bytes, for tables that look up the same short ids tens of
/// thousands of times (`IDInterner`, the campaigns' sparkline series): `Hasher`'s SipHash, and a
/// `String`'s own hashing on top of it, cost several times more. It is not a cryptographic hash:
/// a table keyed by it either bounds the work a collision causes (`IDInterner`) or mixes in
/// `processSeed`, which a server cannot see, so it cannot choose ids that collide.
public enum ByteHash {
    /// Random for each run of the program.
    public static let processSeed = UInt64.random(in: 0...UInt64.max)

    /// Multiply-and-shift over the bytes, eight at a time, from `seed`.
    public static func of(_ raw: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ seed ^ UInt64(raw.count)
        var i = 0
        while i + 8 <= raw.count {
            hash = (hash ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < raw.count {
            tail |= UInt64(raw[i]) << shift
            shift += 8
            i += 1
        }
        hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
        return hash ^ (hash >> 29)
    }

    /// The hash of a string's UTF-8.
    public static func of(_ text: String, seed: UInt64 = 0) -> UInt64 {
        var text = text
        return text.withUTF8 { of(UnsafeRawBufferPointer($0), seed: seed) }
    }
}
