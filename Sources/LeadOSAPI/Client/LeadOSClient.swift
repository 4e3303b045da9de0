import Foundation
import LeadOSContract

/// The LeadOS API client: Bearer auth, JSON in the contract's shapes, typed errors, and the
/// contract's retry policy. Safe to share across tasks; it holds no mutable request state.
public final class LeadOSClient: Sendable {
    public let options: LeadOSClientOptions
    private let transport: HTTPTransport
    private let v1: URL

    /// Fails with `.insecureURL` for plain http to a non-loopback host (unless allowed) and for
    /// schemes other than http(s).
    public init(options: LeadOSClientOptions) throws {
        let url = options.baseURL
        let scheme = url.scheme?.lowercased()
        let loopback = ProxySettings.isLoopback(host: url.host)
        guard scheme == "https" || scheme == "http", let host = url.host, !host.isEmpty else {
            throw LeadOSError.insecureURL("LeadOS URL must be https://host (got \(TextSanitizer.oneLine(url.absoluteString, max: 80)))")
        }
        if scheme == "http" && !loopback && !options.allowInsecureHTTP {
            throw LeadOSError.insecureURL(
                "refusing plain http to \(TextSanitizer.oneLine(host, max: 80)): use https, or set allow_insecure_http for a trusted network")
        }
        self.options = options
        self.v1 = url.appendingPathComponent("v1")
        self.transport = HTTPTransport(proxy: ProxySettings.proxy(environment: options.environment, targetHost: host),
                                       connectTimeout: options.requestTimeout)
    }

    deinit { transport.invalidate() }

    // MARK: - Core request

    /// A request to send: method, path below `/v1`, query, JSON body, and for writes an Idempotency-Key.
    struct Call: Sendable {
        var method: APIMethod
        var path: [String]
        var query: [URLQueryItem] = []
        var body: Data?
        var idempotencyKey: String?
    }

    /// Sends `call` with retries and decodes the 2xx body as `T`.
    func perform<T: Decodable>(_ call: Call, as type: T.Type) async throws -> T {
        try await performWithBody(call, as: type).0
    }

    /// Sends `call` with retries; the decoded 2xx body and its bytes.
    func performWithBody<T: Decodable>(_ call: Call, as type: T.Type) async throws -> (T, Data) {
        let (value, reply, _) = try await performReply(call, as: type)
        return (value, reply.body)
    }

    /// Sends `call` with retries; the decoded 2xx body and the reply's headers.
    func performWithMeta<T: Decodable>(_ call: Call, as type: T.Type) async throws -> (T, ResponseMeta) {
        let (value, _, meta) = try await performReply(call, as: type)
        return (value, meta)
    }

    private func performReply<T: Decodable>(_ call: Call, as type: T.Type) async throws -> (T, HTTPTransport.Reply, ResponseMeta) {
        let (reply, meta) = try await performRaw(call)
        return (try decode(T.self, reply), reply, meta)
    }

    /// Sends `call` with retries; when the 2xx body has `previous`'s fingerprint, returns its
    /// value without decoding. Most polls of a big reply get the same bytes back, and hashing
    /// them costs a fraction of reading them.
    func performUnlessSame<T: Decodable>(_ call: Call, as type: T.Type,
                                         previous: (value: T, fingerprint: ReplyFingerprint)?) async throws -> (T, Data) {
        let (reply, _) = try await performRaw(call)
        if let previous, previous.fingerprint.count == reply.body.count, previous.fingerprint == ReplyFingerprint(reply.body) {
            return (previous.value, reply.body)
        }
        return (try decode(T.self, reply), reply.body)
    }

    private func decode<T: Decodable>(_ type: T.Type, _ reply: HTTPTransport.Reply) throws -> T {
        do {
            return try LeadOSJSON.decode(T.self, from: reply.body)
        } catch {
            throw LeadOSError.undecodable(status: reply.status, reason: Self.describe(error),
                                          excerpt: scrub(TextSanitizer.oneLine(reply.body)))
        }
    }

    /// Sends with the retry policy; returns the first 2xx reply or throws the last error.
    func performRaw(_ call: Call) async throws -> (HTTPTransport.Reply, ResponseMeta) {
        let request = try makeRequest(call)
        var attempt = 1
        while true {
            do {
                return try await sendOnce(request)
            } catch let error as LeadOSError {
                let decision = options.retryPolicy.decide(
                    afterAttempt: attempt, error: error, method: call.method,
                    hasIdempotencyKey: call.idempotencyKey != nil, unitRandom: options.random())
                guard case .retry(let delay) = decision, !Task.isCancelled else { throw error }
                try await options.sleep(delay)
                attempt += 1
            }
        }
    }

    private func sendOnce(_ request: HTTPTransport.Request) async throws -> (HTTPTransport.Reply, ResponseMeta) {
        let reply: HTTPTransport.Reply
        let started = Date()
        func record(status: Int?, failure: String?, requestID: String?) {
            options.onExchange?(Exchange(method: request.method, path: request.url.path, status: status, failure: failure,
                                         duration: Date().timeIntervalSince(started), requestID: requestID))
        }
        do {
            reply = try await transport.send(request, limit: options.maxBodyBytes, timeout: options.requestTimeout)
        } catch LeadOSError.timeout {
            record(status: nil, failure: LeadOSError.timeout(seconds: options.requestTimeout).summary, requestID: nil)
            throw LeadOSError.timeout(seconds: options.requestTimeout)
        } catch LeadOSError.transport(let message) {
            record(status: nil, failure: scrub(message), requestID: nil)
            throw LeadOSError.transport(scrub(message))
        } catch let error as LeadOSError {
            record(status: nil, failure: error.summary, requestID: nil)
            throw error
        }
        let status = reply.status
        let meta = ResponseMeta(status: status, headers: reply.headers)
        record(status: status, failure: nil, requestID: meta.requestID)
        options.onResponse?(meta)
        guard (200..<300).contains(status) else {
            if var body = try? LeadOSJSON.decode(APIErrorBody.self, from: reply.body) {
                body.error.message = scrub(body.error.message)
                body.error.param = body.error.param.map(scrub)
                throw LeadOSError.api(status: status, error: body.error, meta: meta)
            }
            throw LeadOSError.httpStatus(status: status, excerpt: scrub(TextSanitizer.oneLine(reply.body)), meta: meta)
        }
        return (reply, meta)
    }

    private func makeRequest(_ call: Call) throws -> HTTPTransport.Request {
        var url = v1
        for segment in call.path { url.appendPathComponent(segment) }
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else {
            throw LeadOSError.invalidRequest("cannot build a URL for /v1/\(call.path.joined(separator: "/"))")
        }
        if !call.query.isEmpty {
            components.queryItems = call.query
            // `+` means space to many servers; encode it (timestamps never need it, but values may).
            components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        }
        guard let final = components.url else {
            throw LeadOSError.invalidRequest("cannot build a URL for /v1/\(call.path.joined(separator: "/"))")
        }
        var headers: [(name: String, value: String)] = [
            ("Authorization", "Bearer \(options.apiKey)"), ("Accept", "application/json"), ("User-Agent", "leadtop/1"),
        ]
        if let key = call.idempotencyKey { headers.append(("Idempotency-Key", key)) }
        if call.body != nil { headers.append(("Content-Type", "application/json")) }
        return HTTPTransport.Request(method: call.method, url: final, headers: headers, body: call.body)
    }

    /// Replaces the API key, should a server echo it back, with its redacted form.
    func scrub(_ text: String) -> String {
        guard !options.apiKey.isEmpty, text.contains(options.apiKey) else { return text }
        return text.replacingOccurrences(of: options.apiKey, with: APIKey.redacted(options.apiKey))
    }

    /// A short reason for a decoding failure: which field, and what was wrong.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return TextSanitizer.oneLine(String(describing: error), max: 120) }
        func path(_ context: DecodingError.Context) -> String {
            let p = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return p.isEmpty ? "body" : p
        }
        switch error {
        case .typeMismatch(let type, let c): return "\(path(c)): expected \(type)"
        case .valueNotFound(let type, let c): return "\(path(c)): expected \(type), got null"
        case .keyNotFound(let key, let c): return "\(path(c)): missing field \(key.stringValue)"
        case .dataCorrupted(let c): return "\(path(c)): \(TextSanitizer.oneLine(c.debugDescription, max: 80))"
        @unknown default: return "invalid body"
        }
    }
}
