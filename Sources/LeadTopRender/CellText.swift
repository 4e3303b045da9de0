/// The text of one cell, kept inline: up to five Unicode scalars, a character and the combining
/// marks that ride on it (as many as ncursesw's `cchar_t` holds).
///
/// A cell holds no `String`, so a grid is plain memory: keeping the last frame is one copy of
/// bytes and comparing two cells compares numbers, with nothing to retain or release. Reference
/// counting of a `String` per cell was a quarter of the cost of a 200×50 frame. U+0000 marks an
/// unused slot, which costs nothing: sanitized text never contains it.
public struct CellText: Sendable, Hashable {
    private var s0: UInt32 = 0, s1: UInt32 = 0, s2: UInt32 = 0, s3: UInt32 = 0, s4: UInt32 = 0

    /// Scalars one cell can hold.
    public static let capacity = 5
    /// No text: the right half of a wide character.
    public static let empty = CellText()
    public static let space = CellText(ascii: 0x20)

    public init() {}

    /// One ASCII character.
    public init(ascii byte: UInt8) { s0 = UInt32(byte) }

    public init(_ scalar: Unicode.Scalar) { s0 = scalar.value }

    /// The first `capacity` scalars of `string`; a NUL ends it.
    public init(_ string: String) {
        for scalar in string.unicodeScalars where !append(scalar) { break }
    }

    /// Number of scalars held.
    public var count: Int {
        s0 == 0 ? 0 : s1 == 0 ? 1 : s2 == 0 ? 2 : s3 == 0 ? 3 : s4 == 0 ? 4 : 5
    }

    public var isEmpty: Bool { s0 == 0 }

    /// The scalar value at `index` (0 ..< count).
    public subscript(index: Int) -> UInt32 {
        switch index {
        case 0: s0
        case 1: s1
        case 2: s2
        case 3: s3
        case 4: s4
        default: 0
        }
    }

    /// Adds a scalar after the others. Returns false, keeping the text as it was, when the cell is
    /// full or the scalar is NUL.
    @discardableResult
    public mutating func append(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        guard value != 0 else { return false }
        switch count {
        case 0: s0 = value
        case 1: s1 = value
        case 2: s2 = value
        case 3: s3 = value
        case 4: s4 = value
        default: return false
        }
        return true
    }

    /// The scalar values, in order.
    public var scalars: [UInt32] { (0..<count).map { self[$0] } }

    /// The text as a string, for text captures and tests.
    public var string: String {
        var result = String.UnicodeScalarView()
        for index in 0..<count {
            if let scalar = Unicode.Scalar(self[index]) { result.append(scalar) }
        }
        return String(result)
    }
}
