import Foundation
import Synchronization

/// Stored first executions of writes, keyed by (API key, Idempotency-Key), kept 24 h of simulated
/// time (API.md §4). An entry is `running` while its first execution is in flight.
final class IdempotencyStore: Sendable {
    struct Fingerprint: Hashable { var method: String; var path: String; var body: JSONValue }
    struct StoredResponse: Sendable { var status: Int; var body: [UInt8] }

    enum Begin {
        case started
        case replay(StoredResponse)
        case inUse
        case reused
    }

    private struct Entry {
        var fingerprint: Fingerprint
        var response: StoredResponse?
        var createdAt: Date
    }

    private struct Scoped: Hashable { var apiKey: String; var key: String }
    private let entries = Mutex<[Scoped: Entry]>([:])
    static let retention: TimeInterval = 24 * 3600

    func begin(apiKey: String, key: String, fingerprint: Fingerprint, now: Date) -> Begin {
        entries.withLock { e in
            let id = Scoped(apiKey: apiKey, key: key)
            if let existing = e[id], now.timeIntervalSince(existing.createdAt) < Self.retention {
                guard let stored = existing.response else { return .inUse }
                return existing.fingerprint == fingerprint ? .replay(stored) : .reused
            }
            if e.count > 10_000 { e = e.filter { now.timeIntervalSince($0.value.createdAt) < Self.retention } }
            e[id] = Entry(fingerprint: fingerprint, response: nil, createdAt: now)
            return .started
        }
    }

    /// Keeps the response when the contract says to (2xx, 402, 404, 409 except idempotency errors),
    /// otherwise forgets the key so a retry runs again.
    func finish(apiKey: String, key: String, status: Int, body: [UInt8], storable: Bool) {
        entries.withLock { e in
            let id = Scoped(apiKey: apiKey, key: key)
            if storable { e[id]?.response = StoredResponse(status: status, body: body) } else { e[id] = nil }
        }
    }

    static func isStorable(status: Int) -> Bool {
        (200..<300).contains(status) || status == 402 || status == 404 || status == 409
    }
}
