#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The campaign ids of one stats reply, each made a `String` once: an id repeats on every day of
/// the month, and a 17-byte id is an allocation, a UTF-8 check and a free each time it is made.
///
/// An open-addressing table keyed by a cheap hash of the id's bytes (`ByteHash`) (`Hasher`'s SipHash, run
/// 30,000 times, was a tenth of the stats decode). The hash is not keyed, so a reply could be made
/// of ids that all collide: probing stops after `maxProbes` slots and such an id is made afresh,
/// which keeps every lookup a few comparisons however the ids are chosen.
struct IDInterner {
    private var slots: [(hash: UInt64, id: String)?] = Array(repeating: nil, count: 64)
    private var used = 0
    static let maxProbes = 32

    /// The id spelled by `raw`, validated as UTF-8 (nil when it is not), the same `String` each time.
    mutating func id(_ raw: UnsafeRawBufferPointer) -> String? {
        let hash = ByteHash.of(raw)
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        for _ in 0..<Self.maxProbes {
            guard let slot = slots[index] else {
                guard let id = String(validating: raw, as: UTF8.self) else { return nil }
                slots[index] = (hash, id)
                used += 1
                if used * 2 > slots.count { grow() }
                return id
            }
            if slot.hash == hash, Self.spells(slot.id, raw) { return slot.id }
            index = (index + 1) & mask
        }
        return String(validating: raw, as: UTF8.self)
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: nil, count: old.count * 2)
        let mask = slots.count - 1
        for case let (hash, id)? in old {
            var index = Int(truncatingIfNeeded: hash) & mask
            while slots[index] != nil { index = (index + 1) & mask }
            slots[index] = (hash, id)
        }
    }

    /// Whether `text`'s UTF-8 is exactly `raw`.
    private static func spells(_ text: String, _ raw: UnsafeRawBufferPointer) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            utf8.count == raw.count && (raw.count == 0 || memcmp(utf8.baseAddress!, raw.baseAddress!, raw.count) == 0)
        }
    }
}
