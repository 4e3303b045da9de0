import Foundation
import HTTPTypes
import Hummingbird
import LeadOSAPI
import NIOCore

/// Serves the contract. One responder instead of a router because the contract fixes an order of
/// checks across routes (API.md §0): 401 → 429 → 404 route_not_found → 400 → idempotency →
/// 404 resource_missing → 422 → 402/409.
struct SimulatorResponder: HTTPResponder {
    typealias Context = SimulatorRequestContext
    let core: SimulatorCore
    static let maxBodyBytes = 1 << 20

    func respond(to request: Request, context: Context) async throws -> Response {
        let requestID = RequestIDs.next()
        let path = request.uri.path
        if path == "/openapi.json" {
            let reply = request.method == .get
                ? Reply(status: 200, body: core.openAPIDocument)
                : Reply.routeNotFound(method: request.method.rawValue, path: path, requestID: requestID)
            return Self.response(reply, requestID: requestID)
        }
        if path == "/_sim" || path.hasPrefix("/_sim/") {
            let reply = await AdminRoutes(core: core).respond(to: request, path: path, loopback: context.isLoopback, requestID: requestID)
            return Self.response(reply, requestID: requestID)
        }
        var reply = await respondToAPI(request, path: path, requestID: requestID)
        core.world.recordRequest(ServedRequest(method: request.method.rawValue, path: path, status: reply.status,
                                               at: core.world.now(), query: request.uri.query))
        let faults = core.currentFaults
        if faults.garbageRate > 0, Double.random(in: 0..<1) < faults.garbageRate { reply.body = Self.garbage(reply.bytes); reply.buffer = nil }
        return Self.response(reply, requestID: requestID)
    }

    private func respondToAPI(_ request: Request, path: String, requestID: String) async -> Reply {
        let faults = core.currentFaults
        // Writes sleep while they execute (so a duplicate sees idempotency_key_in_use); reads sleep first.
        if !Endpoint.isWriteMethod(request.method.rawValue) { await Self.delay(faults) }

        // 401
        let key: String
        switch authenticate(request.headers[.authorization]) {
        case .success(let k): key = k
        case .failure(let failure):
            var reply = Reply.error(failure, requestID: requestID)
            reply.headers.append((.wwwAuthenticate, "Bearer realm=\"leados\""))
            return reply
        }
        // 429
        let now = core.world.now()
        let decision = core.rateLimiter.check(key: key, now: now)
        var limitHeaders: [(HTTPField.Name, String)] = []
        if let d = decision {
            limitHeaders = [(.rateLimitLimit, String(d.limit)), (.rateLimitRemaining, String(d.remaining)),
                            (.rateLimitReset, String(d.reset))]
            if !d.allowed {
                var reply = Reply.error(APIFailure(status: 429, type: "rate_limit_error", code: "rate_limited",
                                                   message: "Too many requests: the limit is \(d.limit) per minute. Retry after \(d.retryAfter) s."),
                                        requestID: requestID)
                reply.headers = limitHeaders + [(.retryAfter, String(d.retryAfter))]
                return reply
            }
        }
        var reply = await route(request, path: path, apiKey: key, requestID: requestID, faults: faults)
        reply.headers.append(contentsOf: limitHeaders)
        return reply
    }

    private func authenticate(_ header: String?) -> Result<String, APIFailure> {
        guard let header, header.count > 7, header.prefix(7).lowercased() == "bearer " else {
            return .failure(APIFailure(status: 401, type: "authentication_error", code: "missing_api_key",
                                       message: "No API key provided. Send Authorization: Bearer ldo_live_sk_…"))
        }
        let given = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        guard APIKey.isWellFormed(given), WebhookSignature.constantTimeEqual(given, core.apiKey) else {
            let last4 = String(given.unicodeScalars.suffix(4).map { $0.isASCII && $0.value >= 32 && $0.value < 127 ? Character($0) : "?" })
            let shown = given.hasPrefix(APIKey.prefix) ? APIKey.prefix + "****" + last4 : "****" + last4
            return .failure(APIFailure(status: 401, type: "authentication_error", code: "invalid_api_key",
                                       message: "Invalid API key provided: \(shown)"))
        }
        return .success(given)
    }

    /// 404 route_not_found → body (413/400) → faults → idempotency → the endpoint.
    private func route(_ request: Request, path: String, apiKey: String, requestID: String, faults: SimulatorFaults) async -> Reply {
        let method = request.method.rawValue
        guard let endpoint = Endpoint(method: method, path: path) else {
            return .routeNotFound(method: method, path: path, requestID: requestID)
        }
        var body: JSONValue = .object([:])
        if endpoint.isWrite {
            switch await Self.readBody(request) {
            case .success(let b): body = b
            case .failure(let f): return .error(f, requestID: requestID)
            }
        }
        // Injected outage: before the write runs, or (for writes, half the time) after it ran, so a
        // client sees a failure for a write that was applied — what idempotency keys are for.
        var failAfter = false
        if faults.failRate > 0, Double.random(in: 0..<1) < faults.failRate {
            if endpoint.isWrite && Bool.random() { failAfter = true } else { return Self.serverFault(requestID: requestID) }
        }
        guard case .object(let object) = body else { return .error(Self.invalidJSON, requestID: requestID) }
        let routes = APIRoutes(world: core.world, pages: core.pageCache, requestID: requestID)
        guard endpoint.isWrite, let idemKey = request.headers[.idempotencyKey] else {
            if endpoint.isWrite { await Self.delay(faults) }
            let reply = routes.handle(endpoint, query: request.uri.query, body: BodyFields(object: object))
            if endpoint.isWrite { record(method, path, nil, reply.status) }
            return failAfter ? Self.serverFault(requestID: requestID) : reply
        }
        guard (1...255).contains(idemKey.count) else {
            return .error(.invalid("Idempotency-Key", "Idempotency-Key must be 1 to 255 characters."), requestID: requestID)
        }
        let fingerprint = IdempotencyStore.Fingerprint(method: method, path: path, body: body)
        switch core.idempotency.begin(apiKey: apiKey, key: idemKey, fingerprint: fingerprint, now: core.world.now()) {
        case .replay(let stored):
            return Reply(status: stored.status, body: stored.body, headers: [(.idempotentReplayed, "true")])
        case .inUse:
            var reply = Reply.error(APIFailure(status: 409, type: "idempotency_error", code: "idempotency_key_in_use",
                                               message: "A request with this Idempotency-Key is still being processed."),
                                    requestID: requestID)
            reply.headers.append((.retryAfter, "1"))
            return reply
        case .reused:
            return .error(APIFailure(status: 422, type: "idempotency_error", code: "idempotency_key_reused",
                                     message: "This Idempotency-Key was already used with a different method, path or body."),
                          requestID: requestID)
        case .started:
            await Self.delay(faults)
            let reply = routes.handle(endpoint, query: request.uri.query, body: BodyFields(object: object))
            record(method, path, idemKey, reply.status)
            core.idempotency.finish(apiKey: apiKey, key: idemKey, status: reply.status, body: reply.bytes,
                                    storable: IdempotencyStore.isStorable(status: reply.status))
            return failAfter ? Self.serverFault(requestID: requestID) : reply
        }
    }

    private func record(_ method: String, _ path: String, _ key: String?, _ status: Int) {
        core.world.recordWrite(AppliedWrite(method: method, path: path, idempotencyKey: key, status: status, at: core.world.now()))
    }

    static let invalidJSON = APIFailure(status: 400, type: "invalid_request_error", code: "invalid_json",
                                        message: "The request body is not a parseable JSON object.")

    /// Reads at most 1 MiB; empty means `{}`; anything but a JSON object is `invalid_json`.
    static func readBody(_ request: Request) async -> Result<JSONValue, APIFailure> {
        var buffer = ByteBuffer()
        do {
            for try await chunk in request.body {
                if buffer.readableBytes + chunk.readableBytes > maxBodyBytes {
                    return .failure(APIFailure(status: 413, type: "invalid_request_error", code: "request_too_large",
                                               message: "The request body is larger than 1 MiB."))
                }
                var c = chunk
                buffer.writeBuffer(&c)
            }
        } catch {
            return .failure(invalidJSON)
        }
        let bytes = buffer.readableBytesView
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return .success(.object([:])) }
        guard let value = JSONValue.parse(bytes), case .object = value else { return .failure(invalidJSON) }
        return .success(value)
    }

    static func delay(_ faults: SimulatorFaults) async {
        if faults.latency > 0 { try? await Task.sleep(for: .milliseconds(Int(faults.latency * 1000))) }
    }

    static func serverFault(requestID: String) -> Reply {
        Bool.random()
            ? .error(APIFailure(status: 500, type: "api_error", code: "internal_error", message: "Simulated internal error."), requestID: requestID)
            : .error(APIFailure(status: 503, type: "api_error", code: "service_unavailable", message: "Simulated outage."), requestID: requestID)
    }

    /// Truncated JSON or an HTML error page: what a broken proxy in between would return.
    static func garbage(_ body: [UInt8]) -> [UInt8] {
        if Bool.random(), body.count > 2 { return Array(body.prefix(Int.random(in: 1..<body.count))) }
        return Array("<html><body><h1>502 Bad Gateway</h1></body></html>".utf8)
    }

    static func response(_ reply: Reply, requestID: String) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        fields[.requestID] = requestID
        for (name, value) in reply.headers { fields.append(HTTPField(name: name, value: value)) }
        return Response(status: .init(code: reply.status), headers: fields,
                        body: .init(byteBuffer: reply.buffer ?? ByteBuffer(bytes: reply.body)))
    }
}
