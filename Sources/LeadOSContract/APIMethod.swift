/// The HTTP methods of LeadOS's API (API.md §7): a closed set, so a typo cannot reach the wire.
public enum APIMethod: String, Sendable, Hashable, Codable {
    case get = "GET"
    case post = "POST"
    case patch = "PATCH"
}
