import Foundation

/// Proxy handling: `HTTPS_PROXY` (or `https_proxy`) names an HTTP proxy the client sends its
/// requests through (https with CONNECT); loopback targets are never proxied. Nothing else in the
/// environment changes where requests go.
public enum ProxySettings {
    /// True for `localhost`, `127.0.0.0/8` and `::1`: never proxied, and allowed over plain http.
    public static func isLoopback(host: String?) -> Bool {
        guard var h = host?.lowercased() else { return false }
        if h.hasPrefix("[") && h.hasSuffix("]") { h = String(h.dropFirst().dropLast()) }
        if h == "localhost" || h == "::1" || h.hasSuffix(".localhost") { return true }
        let parts = h.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// The proxy for requests to `targetHost`: `HTTPS_PROXY`, except for loopback targets.
    public static func proxy(environment: [String: String], targetHost: String?) -> (host: String, port: Int)? {
        isLoopback(host: targetHost) ? nil : proxyURL(environment: environment)
    }

    /// `HTTPS_PROXY` (or `https_proxy`) as host and port; a missing port means 80 for http proxies, 443 for https.
    public static func proxyURL(environment: [String: String]) -> (host: String, port: Int)? {
        guard let raw = environment["HTTPS_PROXY"] ?? environment["https_proxy"], !raw.isEmpty else { return nil }
        let text = raw.contains("://") ? raw : "http://" + raw
        guard let url = URL(string: text), let host = url.host, !host.isEmpty else { return nil }
        return (host, url.port ?? (url.scheme == "https" ? 443 : 80))
    }
}
