import NIOCore
import Synchronization

/// Finished `GET /v1/leads` bodies by raw query string, valid while the world's leads version is
/// unchanged. A dashboard polls the same first page over and over; serving it is then a dictionary
/// lookup and a shared, copy-on-write buffer.
final class PageCache: Sendable {
    private struct Entry { var version: UInt64; var body: ByteBuffer }
    private let entries = Mutex<[String: Entry]>([:])
    static let capacity = 256

    func page(for query: String, version: UInt64) -> ByteBuffer? {
        entries.withLock { e in
            guard let hit = e[query], hit.version == version else { return nil }
            return hit.body
        }
    }

    func store(_ body: ByteBuffer, for query: String, version: UInt64) {
        entries.withLock { e in
            if e.count >= Self.capacity { e.removeAll(keepingCapacity: true) }
            e[query] = Entry(version: version, body: body)
        }
    }
}
