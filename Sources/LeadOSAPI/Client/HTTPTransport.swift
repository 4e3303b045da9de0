import AsyncHTTPClient
import Foundation
import LeadOSContract
import NIOCore
import NIOFoundationEssentialsCompat
import NIOHTTP1
import NIOPosix

/// One HTTP exchange with a hard size cap and a hard deadline over the whole exchange, so an
/// oversize reply is cut off as soon as it crosses the cap and a slow-loris reply that trickles
/// bytes is stopped.
///
/// Built on AsyncHTTPClient (SwiftNIO, which the webhook receiver already runs) rather than
/// URLSession: on Linux, URLSession loads libcurl with its TLS, Kerberos, LDAP and SSH libraries,
/// about 9 MB of resident memory for a dashboard that makes one small request every few seconds.
final class HTTPTransport: Sendable {
    struct Request: Sendable {
        var method: APIMethod
        var url: URL
        var headers: [(name: String, value: String)]
        var body: Data?
    }

    struct Reply: Sendable {
        var status: Int
        var headers: [String: String]
        var body: Data
    }

    private let client: HTTPClient

    /// `proxy` is an HTTP proxy for every request (https goes through it with CONNECT); no
    /// proxy is read from the environment behind the caller's back.
    init(proxy: (host: String, port: Int)?, connectTimeout: TimeInterval) {
        var configuration = HTTPClient.Configuration()
        if let proxy { configuration.proxy = .server(host: proxy.host, port: proxy.port) }
        configuration.timeout = HTTPClient.Configuration.Timeout(connect: .milliseconds(Int64(connectTimeout * 1000)))
        configuration.decompression = .disabled
        // A refused connection fails at once: the retry policy (API.md §3) and the sync engine's
        // backoff decide when to try again, not the connection pool.
        configuration.connectionPool.retryConnectionEstablishment = false
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Releases the connection pool; requests in flight fail as cancelled.
    func invalidate() {
        client.shutdown { _ in }
    }

    /// The whole exchange runs on the connection's event loop: the reply is gathered there, up to
    /// `limit` bytes, under one deadline, and the caller resumes once, when it is complete. (A
    /// streamed body, with a racing sleep for the deadline, woke four or five threads per request,
    /// which made an idle poll cost several times its own work.)
    func send(_ request: Request, limit: Int, timeout: TimeInterval) async throws -> Reply {
        let task: HTTPClient.Task<ReplyGatherer.Gathered>
        do {
            var headers = HTTPHeaders()
            for (name, value) in request.headers { headers.add(name: name, value: value) }
            let outgoing = try HTTPClient.Request(url: request.url, method: HTTPMethod(rawValue: request.method.rawValue),
                                                  headers: headers, body: request.body.map { .data($0) })
            let seconds = timeout.isFinite ? min(max(0, timeout), 86_400) : 86_400
            task = client.execute(request: outgoing, delegate: ReplyGatherer(limit: limit),
                                  deadline: .now() + .nanoseconds(Int64(seconds * 1e9)))
        } catch {
            throw Self.map(error, limit: limit, url: request.url)
        }
        do {
            let reply = try await withTaskCancellationHandler {
                try await task.futureResult.get()
            } onCancel: {
                task.cancel()
            }
            var headers: [String: String] = [:]
            for header in reply.head.headers { headers[header.name] = header.value }
            // The body's bytes are handed over, not copied: a big account's stats reply is
            // megabytes, and a copy doubled the memory it takes at its peak.
            var body = reply.body
            return Reply(status: Int(reply.head.status.code), headers: headers,
                         body: body.readData(length: body.readableBytes, byteTransferStrategy: .noCopy) ?? Data())
        } catch is ReplyGatherer.TooBig {
            throw LeadOSError.oversize(limitBytes: limit)
        } catch let error as HTTPClientError where error == .deadlineExceeded {
            throw LeadOSError.timeout(seconds: timeout)
        } catch let error as LeadOSError {
            throw error
        } catch {
            throw Self.map(error, limit: limit, url: request.url)
        }
    }

    /// Turns NIO's and AsyncHTTPClient's errors into words a user understands, naming the host
    /// (and port) so "connection refused" says where.
    static func map(_ error: any Error, limit: Int, url: URL) -> LeadOSError {
        if error is CancellationError { return .cancelled }
        if error is NIOTooManyBytesError { return .oversize(limitBytes: limit) }
        if let clientError = error as? HTTPClientError {
            switch clientError {
            case .cancelled: return .cancelled
            case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout: return .timeout(seconds: 0)
            default: break
            }
        }
        let closed = (error as? ChannelError).map { [.ioOnClosedChannel, .eof, .alreadyClosed, .outputClosed].contains($0) } ?? false
        if closed || (error as? HTTPClientError) == .remoteConnectionClosed {
            return .transport("connection closed by \(Self.place(url))")
        }
        let host = url.host ?? "?"
        let place = Self.place(url)
        if let io = error as? IOError { return .transport(Self.words(errno: io.errnoCode, place: place)) }
        if let connection = error as? NIOConnectionError {
            if connection.dnsAError != nil || connection.dnsAAAAError != nil || connection.connectionErrors.isEmpty {
                return .transport("cannot resolve \(TextSanitizer.oneLine(host, max: 80))")
            }
            if let io = connection.connectionErrors.lazy.compactMap({ $0.error as? IOError }).first {
                return .transport(Self.words(errno: io.errnoCode, place: place))
            }
            return .transport("cannot connect to \(place)")
        }
        if let tls = TLSFailure(error) { return .transport("TLS: \(tls.words) (\(place))") }
        return .transport(TextSanitizer.oneLine(String(describing: error), max: 160))
    }

    /// `api.leados.net:443`, `[::1]:8787`.
    private static func place(_ url: URL) -> String {
        let host = TextSanitizer.oneLine(url.host ?? "?", max: 80)
        let port = url.port ?? (url.scheme?.lowercased() == "https" ? 443 : 80)
        return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// `connection refused (127.0.0.1:8787)`, `network is unreachable (…)`, from an errno.
    private static func words(errno code: Int32, place: String) -> String {
        "\(String(cString: strerror(code)).lowercased()) (\(place))"
    }
}

/// Why a TLS handshake failed, in words. BoringSSL's reasons reach us only inside error text, so
/// they are matched by their stable names.
enum TLSFailure {
    case notTLS, untrusted, expired, wrongHost, other

    init?(_ error: any Error) {
        let text = String(reflecting: error)
        guard text.contains("NIOSSL") || text.contains("SSL") || text.contains("TLS") else { return nil }
        if text.contains("WRONG_VERSION_NUMBER") || text.contains("HTTP_REQUEST") { self = .notTLS }
        else if text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("unableToValidateCertificate") {
            self = text.contains("expired") ? .expired : .untrusted
        } else if text.contains("hostname") || text.contains("Hostname") { self = .wrongHost }
        else { self = .other }
    }

    var words: String {
        switch self {
        case .notTLS: "the server does not speak TLS (is the URL http://?)"
        case .untrusted: "certificate not trusted"
        case .expired: "certificate expired"
        case .wrongHost: "certificate is for another host"
        case .other: "handshake failed"
        }
    }
}
