import Foundation

/// How a `LeadOSClient` connects: where, with which key, and how patiently.
public struct LeadOSClientOptions: Sendable {
    /// Base URL without `/v1`, e.g. `https://api.leados.net` or the simulator's `http://127.0.0.1:8787`.
    public var baseURL: URL
    public var apiKey: String
    /// Plain http to a non-loopback host is refused unless this is set.
    public var allowInsecureHTTP: Bool
    public var retryPolicy: RetryPolicy
    /// Hard deadline for one try, start to last byte.
    public var requestTimeout: TimeInterval
    /// Replies larger than this are cut off with `LeadOSError.oversize`.
    public var maxBodyBytes: Int
    /// Environment used for `HTTPS_PROXY`; injectable for tests.
    public var environment: [String: String]
    /// Waits between retries; injected so tests do not sleep.
    public var sleep: @Sendable (TimeInterval) async throws -> Void
    /// Uniform random numbers in [0, 1) for backoff jitter; injected so tests are deterministic.
    public var random: @Sendable () -> Double
    /// Called with the headers of every reply (successes and errors), e.g. to show rate limits.
    public var onResponse: (@Sendable (ResponseMeta) -> Void)?
    /// Called after every try, replied or not, for the request log: what was asked, what came
    /// back and how long it took. Never carries the key or a body.
    public var onExchange: (@Sendable (Exchange) -> Void)?

    public static let defaultBaseURL = URL(string: "https://api.leados.net")!
    public static let defaultMaxBodyBytes = 8 * 1024 * 1024

    public init(
        baseURL: URL = LeadOSClientOptions.defaultBaseURL,
        apiKey: String,
        allowInsecureHTTP: Bool = false,
        retryPolicy: RetryPolicy = .standard,
        requestTimeout: TimeInterval = 20,
        maxBodyBytes: Int = LeadOSClientOptions.defaultMaxBodyBytes,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        sleep: @escaping @Sendable (TimeInterval) async throws -> Void = { seconds in
            try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
        },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        onResponse: (@Sendable (ResponseMeta) -> Void)? = nil,
        onExchange: (@Sendable (Exchange) -> Void)? = nil
    ) {
        self.baseURL = baseURL; self.apiKey = apiKey; self.allowInsecureHTTP = allowInsecureHTTP
        self.retryPolicy = retryPolicy; self.requestTimeout = requestTimeout; self.maxBodyBytes = maxBodyBytes
        self.environment = environment; self.sleep = sleep; self.random = random; self.onResponse = onResponse
        self.onExchange = onExchange
    }
}

/// One try of one request, for the log: method, path (no query), outcome, duration, request id.
public struct Exchange: Sendable, Hashable {
    public var method: APIMethod
    public var path: String
    /// The HTTP status, or nil when no reply came.
    public var status: Int?
    /// What went wrong when no reply came, in words.
    public var failure: String?
    public var duration: TimeInterval
    public var requestID: String?

    public init(method: APIMethod, path: String, status: Int?, failure: String?, duration: TimeInterval, requestID: String?) {
        self.method = method; self.path = path; self.status = status; self.failure = failure
        self.duration = duration; self.requestID = requestID
    }
}

extension LeadOSClientOptions: CustomStringConvertible {
    /// Shows the key only in redacted form.
    public var description: String {
        "LeadOSClientOptions(baseURL: \(baseURL.absoluteString), apiKey: \(APIKey.redacted(apiKey)), retry: \(retryPolicy))"
    }
}

/// Fresh Idempotency-Keys: random UUIDv4, as the contract recommends.
public enum IdempotencyKey {
    public static func make() -> String { UUID().uuidString.lowercased() }
}
