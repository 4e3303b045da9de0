/// The steps every hand reader of plain JSON shares (`PlainJSONScanner`, `StatsReader`): each
/// reads at `i` in `bytes` and answers nil or false at anything outside the plain form, after
/// which the reader gives up and leaves the document to `JSONDecoder`.
protocol JSONByteScanning {
    var bytes: UnsafeRawBufferPointer { get }
    var i: Int { get set }
}

extension JSONByteScanning {
    /// Walks an object: `key` reads each key (nil, for a key the reader does not take, ends the
    /// walk) and `member` its value.
    mutating func members<Key>(key: (inout Self) -> Key?, _ member: (inout Self, Key) -> Bool) -> Bool {
        skipWhitespace()
        guard take(UInt8(ascii: "{")) else { return false }
        skipWhitespace()
        if take(UInt8(ascii: "}")) { return true }
        while true {
            skipWhitespace()
            guard let name = key(&self) else { return false }
            skipWhitespace()
            guard take(UInt8(ascii: ":")) else { return false }
            skipWhitespace()
            guard member(&self, name) else { return false }
            skipWhitespace()
            if take(UInt8(ascii: "}")) { return true }
            guard take(UInt8(ascii: ",")) else { return false }
        }
    }

    /// Walks an array, `element` reading each value.
    mutating func elements(_ element: (inout Self) -> Bool) -> Bool {
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

    /// The byte range inside the quotes of a string without backslashes or control characters.
    mutating func plainString() -> Range<Int>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = i
        // Eight bytes at a time while none is a quote, a backslash or a control character; the
        // byte loop below finds which one it is.
        while i + 8 <= bytes.count,
              !Self.holdsQuoteBackslashOrControl(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))) {
            i += 8
        }
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

    /// Whether any byte of `word` is `"`, `\\` or below 0x20. (`x - 0x01…01 & ~x & 0x80…80` is
    /// nonzero exactly when some byte of `x` is zero; `x - 0x20…20 & ~x & 0x80…80` when some byte
    /// is below 0x20.)
    static func holdsQuoteBackslashOrControl(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
        let zeroInQuote = (quote &- ones) & ~quote
        let zeroInBackslash = (backslash &- ones) & ~backslash
        let control = (word &- ones &* 0x20) & ~word
        return (zeroInQuote | zeroInBackslash | control) & highs != 0
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
