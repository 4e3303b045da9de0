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
struct PlainJSONScanner: JSONByteScanning {
    let bytes: UnsafeRawBufferPointer
    var i = 0

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
        members(key: { $0.plainString() }, member)
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
}
