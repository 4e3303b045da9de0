import ArgumentParser
import LeadOSAPI

/// The Idempotency-Key of a write. Each write sends one (fresh unless given) and the client
/// reuses it on every retry; giving it lets a script that is run again after a crash or a
/// timeout apply the write once: LeadOS replays its first answer for 24 hours.
struct WriteOptions: ParsableArguments {
    @Option(name: .customLong("idempotency-key"),
            help: "Idempotency-Key to send (default: a fresh UUID); the same key within 24 h applies the write once.")
    var idempotencyKey: String?

    func validate() throws {
        if let idempotencyKey, !(1...255).contains(idempotencyKey.count) {
            throw ValidationError("--idempotency-key must be 1 to 255 characters")
        }
    }

    /// The key for the write, or for batch `part` of a write sent in several requests.
    func key(part: Int? = nil) -> String {
        guard let idempotencyKey else { return IdempotencyKey.make() }
        guard let part else { return idempotencyKey }
        return "\(idempotencyKey.prefix(240))-\(part)"
    }
}
