import Foundation
import LeadOSAPI

/// One API request the simulator answered (admin and document requests excluded): what a test
/// checks to say how often a client called, e.g. that a refused key is not hammered.
public struct ServedRequest: Sendable, Hashable, Encodable {
    public var method: String
    public var path: String
    public var status: Int
    /// Simulated time of the answer.
    public var at: Date
    /// The query string as sent (`start_date=…&end_date=…`), nil without one; for tests in this
    /// process (the `/_sim/requests` listing keeps its fields).
    public var query: String? = nil

    enum CodingKeys: String, CodingKey { case method, path, status, at }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(method, forKey: .method)
        try c.encode(path, forKey: .path)
        try c.encode(status, forKey: .status)
        try c.encode(Timestamp.format(at), forKey: .at)
    }
}

/// The newest served requests, bounded so a long benchmark cannot grow it without end.
struct RequestLog: Sendable {
    static let capacity = 10_000
    private(set) var entries: [ServedRequest] = []

    mutating func append(_ request: ServedRequest) {
        if entries.count >= Self.capacity { entries.removeFirst(entries.count - Self.capacity + 1) }
        entries.append(request)
    }
}
