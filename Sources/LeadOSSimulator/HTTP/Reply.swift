import Foundation
import HTTPTypes
import NIOCore
import LeadOSAPI
import Synchronization

/// A response before it becomes a Hummingbird `Response`: status, body bytes, extra headers.
struct Reply: Sendable {
    var status: Int
    var body: [UInt8]
    var headers: [(HTTPField.Name, String)] = []
    /// A ready-made body shared between responses (cached list pages); preferred over `body`.
    var buffer: ByteBuffer?

    var bytes: [UInt8] { buffer.map { Array($0.readableBytesView) } ?? body }

    static func json<T: Encodable>(_ status: Int, _ value: T) -> Reply {
        Reply(status: status, body: Array((try? LeadOSJSON.encode(value)) ?? Data("{}".utf8)))
    }

    static func error(_ failure: APIFailure, requestID: String) -> Reply {
        let body = APIErrorBody(error: .init(type: failure.type, code: failure.code, message: failure.message,
                                             param: failure.param, requestID: requestID))
        return .json(failure.status, body)
    }

    static func routeNotFound(method: String, path: String, requestID: String) -> Reply {
        error(APIFailure(status: 404, type: "invalid_request_error", code: "route_not_found",
                         message: "Unrecognized request URL (\(method) \(String(path.prefix(200))))."), requestID: requestID)
    }
}

extension HTTPField.Name {
    static let requestID = HTTPField.Name("X-Request-Id")!
    static let rateLimitLimit = HTTPField.Name("X-RateLimit-Limit")!
    static let rateLimitRemaining = HTTPField.Name("X-RateLimit-Remaining")!
    static let rateLimitReset = HTTPField.Name("X-RateLimit-Reset")!
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
    static let idempotentReplayed = HTTPField.Name("Idempotent-Replayed")!
}

/// `req_` ids: a counter scrambled through SplitMix64 with a per-process salt — unique, cheap and
/// free of syscalls, which matters at tens of thousands of requests per second.
enum RequestIDs {
    private static let counter = Atomic<UInt64>(0)
    private static let salt = UInt64.random(in: 0...UInt64.max)

    static func next() -> String {
        let n = counter.add(1, ordering: .relaxed).newValue
        var g = SeededRandom(seed: salt &+ n)
        return "req_" + Base62.encode(g.next() >> 1, width: 10) + Base62.encode(g.next() >> 1, width: 6)
    }
}
