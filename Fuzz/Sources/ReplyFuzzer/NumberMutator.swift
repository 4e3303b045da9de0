import Foundation

/// Byte mutations rarely turn a number in a JSON body into another well-formed one: the digits
/// must be replaced exactly, or the reply no longer parses. One mutation in three therefore
/// replaces a whole number (in the body, or a header's value) with an extreme one, so that
/// valid-but-extreme values and just-out-of-range ones reach the decoders and the panes.
@_cdecl("LLVMFuzzerCustomMutator")
public func mutate(_ data: UnsafeMutablePointer<UInt8>?, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
    guard let data else { return 0 }
    if seed % 3 == 0, let mutated = NumberMutator.replacingNumber(in: Array(UnsafeBufferPointer(start: data, count: size)), seed: seed),
       mutated.count <= maxSize {
        mutated.withUnsafeBufferPointer { data.update(from: $0.baseAddress!, count: mutated.count) }
        return mutated.count
    }
    return LLVMFuzzerMutate(data, size, maxSize)
}

@_silgen_name("LLVMFuzzerMutate")
func LLVMFuzzerMutate(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int) -> Int

enum NumberMutator {
    static let extremes = [
        "-9223372036854775808", "9223372036854775807", "9223372036854775806", "-1", "0", "1", "4", "5", "99", "100",
        "101", "1000", "1001", "100000", "1e300", "-1e17", "1e308", "-1e308", "100.05", "0.5", "1.0000001", "-0.0",
        "4.9e-324", "9007199254740993", "18446744073709551616",
    ]

    /// `bytes` with one number, picked by `seed`, replaced by an extreme value; nil when there is none.
    static func replacingNumber(in bytes: [UInt8], seed: UInt32) -> [UInt8]? {
        let numbers = numberRanges(in: bytes)
        guard !numbers.isEmpty else { return nil }
        var rng = SplitMix(state: UInt64(seed))
        let range = numbers[Int(rng.next() % UInt64(numbers.count))]
        let pick = Int(rng.next() % UInt64(extremes.count + 1))
        let value = pick < extremes.count ? extremes[pick] : String(Int64(bitPattern: rng.next()))
        return Array(bytes[..<range.lowerBound]) + Array(value.utf8) + Array(bytes[range.upperBound...])
    }

    /// The byte ranges of numbers that follow `:`, `,` or `[` (spaces between allowed).
    static func numberRanges(in bytes: [UInt8]) -> [Range<Int>] {
        let numberBytes = Set("-+0123456789.eE".utf8)
        var ranges: [Range<Int>] = []
        var i = 0
        var previous: UInt8 = 0
        while i < bytes.count {
            let byte = bytes[i]
            if (byte == UInt8(ascii: "-") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))),
               previous == UInt8(ascii: ":") || previous == UInt8(ascii: ",") || previous == UInt8(ascii: "[") {
                let start = i
                while i < bytes.count, numberBytes.contains(bytes[i]) { i += 1 }
                ranges.append(start..<i)
                previous = bytes[i - 1]
                continue
            }
            if byte != UInt8(ascii: " ") { previous = byte }
            i += 1
        }
        return ranges
    }

    struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
