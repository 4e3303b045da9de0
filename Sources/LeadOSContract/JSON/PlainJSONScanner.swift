import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Walks JSON of a plain form straight from its bytes, for readers of one documented shape
/// (`CampaignReader`). Every step answers nil or false on anything outside the plain form
/// (escapes, fractions where an integer belongs, numbers out of `Int`'s range, a missing comma),
/// so the reader can give up and leave the whole document to `JSONDecoder`.
struct PlainJSONScanner {
    let bytes: UnsafeRawBufferPointer
    private(set) var i = 0

    init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// True when only whitespace is left.
    mutating func isAtEnd() -> Bool {
        skipWhitespace()
        return i == bytes.count
    }

    // MARK: Structure

    /// Walks an object, handing each key's bytes (without quotes; keys with escapes end the walk)
    /// to `member`, which reads the value.
    mutating func members(_ member: (inout PlainJSONScanner, Range<Int>) -> Bool) -> Bool {
        skipWhitespace()
        guard take(UInt8(ascii: "{")) else { return false }
        skipWhitespace()
        if take(UInt8(ascii: "}")) { return true }
        while true {
            skipWhitespace()
            guard let key = plainString() else { return false }
            skipWhitespace()
            guard take(UInt8(ascii: ":")) else { return false }
            skipWhitespace()
            guard member(&self, key) else { return false }
            skipWhitespace()
            if take(UInt8(ascii: "}")) { return true }
            guard take(UInt8(ascii: ",")) else { return false }
        }
    }

    /// Walks an array, `element` reading each value.
    mutating func elements(_ element: (inout PlainJSONScanner) -> Bool) -> Bool {
        skipWhitespace()
        guard take(UInt8(ascii: "[")) else { return false }
        skipWhitespace()
        if take(UInt8(ascii: "]")) { return true }
        while true {
            skipWhitespace()
            guard element(&self) else { return false }
            skipWhitespace()
            if take(UInt8(ascii: "]")) { return true }
            guard take(UInt8(ascii: ",")) else { return false }
        }
    }

    /// An array of plain strings.
    mutating func strings() -> [String]? {
        var values: [String] = []
        let complete = elements { scanner in
            guard let value = scanner.string() else { return false }
            values.append(value)
            return true
        }
        return complete ? values : nil
    }

    // MARK: Values

    /// Whether the bytes of `range` spell `expected`.
    func bytes(in range: Range<Int>, equal expected: StaticString) -> Bool {
        guard range.count == expected.utf8CodeUnitCount, let base = bytes.baseAddress else { return false }
        return memcmp(base + range.lowerBound, expected.utf8Start, range.count) == 0
    }

    /// A string with no escapes and no control characters, validated as UTF-8.
    mutating func string() -> String? {
        guard let range = plainString() else { return nil }
        return String(validating: bytes[range], as: UTF8.self)
    }

    /// A timestamp (`Timestamp.parse`) read from a string's bytes, without making a `String`.
    mutating func timestamp() -> Date? {
        guard let range = plainString() else { return nil }
        return Timestamp.parse(utf8: UnsafeRawBufferPointer(rebasing: bytes[range]))
    }

    /// The byte range inside the quotes of a string without backslashes or control characters.
    mutating func plainString() -> Range<Int>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = i
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") {
                i += 1
                return start..<(i - 1)
            }
            guard byte != UInt8(ascii: "\\"), byte >= 0x20 else { return nil }
            i += 1
        }
        return nil
    }

    /// An integer: an optional minus and digits without a leading zero, no fraction or exponent,
    /// in `Int`'s range (`Int.min` itself is declined).
    mutating func integer() -> Int? {
        let negative = take(UInt8(ascii: "-"))
        let start = i
        var magnitude = 0
        while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
            let (times, overflowA) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = times.addingReportingOverflow(Int(bytes[i] - UInt8(ascii: "0")))
            guard !overflowA, !overflowB else { return nil }
            magnitude = sum
            i += 1
        }
        let count = i - start
        guard count > 0, count == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            return nil
        }
        return negative ? -magnitude : magnitude
    }

    // MARK: Bytes

    mutating func take(_ byte: UInt8) -> Bool {
        guard i < bytes.count, bytes[i] == byte else { return false }
        i += 1
        return true
    }

    mutating func takeNull() -> Bool {
        guard i + 4 <= bytes.count, bytes[i] == UInt8(ascii: "n"), bytes[i + 1] == UInt8(ascii: "u"),
              bytes[i + 2] == UInt8(ascii: "l"), bytes[i + 3] == UInt8(ascii: "l") else { return false }
        i += 4
        return true
    }

    mutating func skipWhitespace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return
            }
        }
    }
}
