import Foundation

/// A reply body's length and 64-bit hash: enough to tell that a poll got the same bytes back
/// without keeping them (a stats reply of a big account is megabytes). Hashes are seeded per
/// process, so a fingerprint is only compared within one run.
public struct ReplyFingerprint: Sendable, Hashable {
    public let count: Int
    public let hash: Int

    public init(_ body: Data) {
        count = body.count
        var hasher = Hasher()
        body.withUnsafeBytes { hasher.combine(bytes: $0) }
        hash = hasher.finalize()
    }
}
