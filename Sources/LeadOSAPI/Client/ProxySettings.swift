import Foundation

/// Proxy handling. On Linux, URLSession's libcurl reads `HTTPS_PROXY`/`https_proxy` (and
/// `http_proxy`, even for 127.0.0.1) from the process environment itself and ignores
/// `connectionProxyDictionary`; so loopback is added to `no_proxy`, and the dictionary is still
/// filled for platforms whose URLSession uses it.
public enum ProxySettings {
    /// True for `localhost`, `127.0.0.0/8` and `::1`: never proxied, and allowed over plain http.
    public static func isLoopback(host: String?) -> Bool {
        guard var h = host?.lowercased() else { return false }
        if h.hasPrefix("[") && h.hasSuffix("]") { h = String(h.dropFirst().dropLast()) }
        if h == "localhost" || h == "::1" || h.hasSuffix(".localhost") { return true }
        let parts = h.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// The URLSession proxy dictionary for `HTTPS_PROXY` / `https_proxy` (e.g. `http://proxy:3128`);
    /// empty when unset, malformed, or when the target is loopback.
    public static func connectionProxyDictionary(environment: [String: String], targetHost: String?) -> [AnyHashable: Any] {
        guard !isLoopback(host: targetHost), let proxy = proxyURL(environment: environment) else { return [:] }
        return ["HTTPSEnable": 1, "HTTPSProxy": proxy.host, "HTTPSPort": proxy.port,
                "HTTPEnable": 1, "HTTPProxy": proxy.host, "HTTPPort": proxy.port]
    }

    /// `HTTPS_PROXY` (or `https_proxy`) as host and port; a missing port means 80 for http proxies, 443 for https.
    public static func proxyURL(environment: [String: String]) -> (host: String, port: Int)? {
        guard let raw = environment["HTTPS_PROXY"] ?? environment["https_proxy"], !raw.isEmpty else { return nil }
        let text = raw.contains("://") ? raw : "http://" + raw
        guard let url = URL(string: text), let host = url.host, !host.isEmpty else { return nil }
        return (host, url.port ?? (url.scheme == "https" ? 443 : 80))
    }

    /// Adds the loopback names to `no_proxy`/`NO_PROXY` for this process, so libcurl's own proxy
    /// handling never routes loopback traffic (the simulator, local receivers) through a proxy.
    public static func exemptLoopbackFromProxy() {
        loopbackExemption.withLock { done in
            guard !done else { return }
            done = true
            for name in ["no_proxy", "NO_PROXY"] {
                let current = ProcessInfo.processInfo.environment[name] ?? ""
                let merged = ([current] + ["localhost", "127.0.0.1", "::1"]).filter { !$0.isEmpty }.joined(separator: ",")
                setenv(name, merged, 1)
            }
        }
    }

    private static let loopbackExemption = LockedValue(false)
}

/// A tiny lock-protected box; the lock guards every access to `value`.
final class LockedValue<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock(); defer { lock.unlock() }
        return try body(&value)
    }
}
