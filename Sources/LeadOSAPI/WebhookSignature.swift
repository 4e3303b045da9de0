import Crypto
import Foundation

/// Webhook signatures (API.md §8.2–8.3): `sha256=` + hex HMAC-SHA256 over the raw body, and over
/// `"<timestamp>." + body` for the timestamped header. Shared by the simulator (signing) and the
/// receiver (verifying) so both sides compute exactly the same bytes.
public enum WebhookSignature {
    public static let signatureHeader = "X-LeadOS-Signature"
    public static let timestampHeader = "X-LeadOS-Timestamp"
    public static let timestampedSignatureHeader = "X-LeadOS-Signature-Timestamped"
    /// Replay tolerance for the timestamped signature, in seconds (Stripe's default).
    public static let tolerance: TimeInterval = 300

    /// `sha256=<hex>` over the raw body: the seed's scheme.
    public static func sign(body: some DataProtocol, secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array(body), using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + hex(mac)
    }

    /// `sha256=<hex>` over `"<timestamp>." + body`.
    public static func signTimestamped(body: some DataProtocol, timestamp: Int, secret: String) -> String {
        var message = Array("\(timestamp).".utf8)
        message.append(contentsOf: body)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + hex(mac)
    }

    /// Constant-time check of the seed signature.
    public static func verify(body: some DataProtocol, signature: String, secret: String) -> Bool {
        constantTimeEqual(sign(body: body, secret: secret), signature)
    }

    /// Constant-time check of the timestamped signature, and that the timestamp is within tolerance of `now`.
    public static func verifyTimestamped(body: some DataProtocol, timestamp: String, signature: String,
                                         secret: String, now: Date, tolerance: TimeInterval = tolerance) -> Bool {
        guard let ts = Int(timestamp) else { return false }
        let fresh = abs(now.timeIntervalSince1970 - TimeInterval(ts)) <= tolerance
        let matches = constantTimeEqual(signTimestamped(body: body, timestamp: ts, secret: secret), signature)
        return matches && fresh
    }

    /// Compares two strings without an early exit, so timing does not reveal the matching prefix.
    public static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var diff = UInt8(x.count == y.count ? 0 : 1)
        for i in 0..<max(x.count, y.count) {
            diff |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0)
        }
        return diff == 0
    }

    private static func hex(_ mac: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        for b in mac { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 0x0f)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
