/// API key handling that never leaks the secret: only `ldo_live_sk_…last4` is ever shown.
public enum APIKey {
    public static let prefix = "ldo_live_sk_"

    /// True for `ldo_live_sk_` followed by exactly 32 ASCII alphanumerics.
    public static func isWellFormed(_ key: String) -> Bool {
        guard key.hasPrefix(prefix) else { return false }
        let rest = key.utf8.dropFirst(prefix.utf8.count)
        return rest.count == 32 && rest.allSatisfy { (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0) }
    }

    /// `ldo_live_sk_…abcd`: safe for messages, logs and the screen.
    public static func redacted(_ key: String) -> String {
        let last4 = key.count >= 4 ? String(key.suffix(4)) : ""
        return prefix + "…" + last4
    }
}
