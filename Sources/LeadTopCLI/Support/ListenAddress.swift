import ArgumentParser
import Foundation

/// Parses `--listen HOST:PORT` (an IPv6 host in brackets: `[::1]:9740`) and `--public-url`, for
/// the dashboard and `leads --follow` alike.
public enum ListenAddress {
    public static func parse(_ text: String) throws -> (host: String, port: Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
              (0...65535).contains(port) else {
            throw ValidationError("--listen must look like 127.0.0.1:9740 or [::1]:9740, not '\(text)'")
        }
        let host = String(text[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return (host.isEmpty ? "127.0.0.1" : host, port)
    }

    public static func url(_ text: String) throws -> URL {
        guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw ValidationError("--public-url must be an absolute http(s) URL, not '\(text)'")
        }
        return url
    }
}
