/// Finds where the members of a JSON object and the elements of a JSON array lie in a buffer,
/// without decoding them, so that a large reply can be decoded piece by piece.
///
/// It checks only the structure it walks: quotes, brackets, commas and colons. Every piece it
/// returns still goes through `JSONDecoder`, which validates it; when the slicer finds anything
/// unexpected it returns nil and the caller decodes the whole document the ordinary way.
struct JSONSlicer {
    let bytes: UnsafeRawBufferPointer

    /// The members of the object that is the whole document: key bytes (without quotes, escapes
    /// left as written) and value ranges.
    func topLevelMembers() -> [(key: Range<Int>, value: Range<Int>)]? {
        var i = skipWhitespace(0)
        guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { return nil }
        i = skipWhitespace(i + 1)
        var members: [(key: Range<Int>, value: Range<Int>)] = []
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { return trailingIsBlank(i + 1) ? members : nil }
        while true {
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\""), let keyEnd = stringEnd(i) else { return nil }
            let key = (i + 1)..<(keyEnd - 1)
            i = skipWhitespace(keyEnd)
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
            i = skipWhitespace(i + 1)
            guard let valueEnd = valueEnd(i) else { return nil }
            members.append((key, i..<valueEnd))
            i = skipWhitespace(valueEnd)
            guard i < bytes.count else { return nil }
            if bytes[i] == UInt8(ascii: "}") { return trailingIsBlank(i + 1) ? members : nil }
            guard bytes[i] == UInt8(ascii: ",") else { return nil }
            i = skipWhitespace(i + 1)
        }
    }

    /// The element ranges of the array spanning `range`.
    func arrayElements(_ range: Range<Int>) -> [Range<Int>]? {
        guard range.lowerBound < range.upperBound, bytes[range.lowerBound] == UInt8(ascii: "[") else { return nil }
        var i = skipWhitespace(range.lowerBound + 1)
        var elements: [Range<Int>] = []
        if i < range.upperBound, bytes[i] == UInt8(ascii: "]") { return i + 1 == range.upperBound ? elements : nil }
        while true {
            guard let end = valueEnd(i), end <= range.upperBound else { return nil }
            elements.append(i..<end)
            i = skipWhitespace(end)
            guard i < range.upperBound else { return nil }
            if bytes[i] == UInt8(ascii: "]") { return i + 1 == range.upperBound ? elements : nil }
            guard bytes[i] == UInt8(ascii: ",") else { return nil }
            i = skipWhitespace(i + 1)
        }
    }

    private func trailingIsBlank(_ i: Int) -> Bool { skipWhitespace(i) == bytes.count }

    private func skipWhitespace(_ start: Int) -> Int {
        var i = start
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return i
            }
        }
        return i
    }

    /// One past the closing quote of the string opening at `start`.
    private func stringEnd(_ start: Int) -> Int? {
        var i = start + 1
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\""): return i + 1
            case UInt8(ascii: "\\"): i += 2
            default: i += 1
            }
        }
        return nil
    }

    /// One past the end of the value starting at `start`: a string, an object or array (brackets
    /// matched, strings skipped), or a bare literal or number.
    private func valueEnd(_ start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        switch bytes[start] {
        case UInt8(ascii: "\""):
            return stringEnd(start)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var i = start
            while i < bytes.count {
                switch bytes[i] {
                case UInt8(ascii: "\""):
                    guard let end = stringEnd(i) else { return nil }
                    i = end
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return i + 1 }
                default: break
                }
                i += 1
            }
            return nil
        default:
            var i = start
            while i < bytes.count {
                switch bytes[i] {
                case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D:
                    return i > start ? i : nil
                default: i += 1
                }
            }
            return i > start ? i : nil
        }
    }
}
