import Foundation
import LeadOSContract

/// A campaign id as a dictionary key hashed by `ByteHash` with the process's seed (one round of
/// `Hasher` over eight bytes instead of over the id's text). The seed keeps a server from
/// choosing ids that collide; ids that do collide by chance are told apart by `==`.
///
/// Equal keys are equal `String`s, which compare by canonical equivalence (`é` and `e` with a
/// combining accent, `K` and the Kelvin sign): an id that is not all ASCII is hashed in its
/// composed form (NFC), so equivalent ids hash alike. Ids are ASCII in practice.
struct SeriesKey: Hashable {
    let id: String
    let hash: UInt64

    init(_ id: String) {
        self.id = id
        let canonical = id.utf8.allSatisfy { $0 < 0x80 } ? id : id.precomposedStringWithCanonicalMapping
        hash = ByteHash.of(canonical, seed: ByteHash.processSeed)
    }

    static func == (a: SeriesKey, b: SeriesKey) -> Bool { a.hash == b.hash && a.id == b.id }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}
