import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import LeadOSAPI

/// A one-shot TCP listener on loopback that records the first line a client sends, so a test can
/// see whether a request went through "the proxy" without any proxy software.
final class FirstLineListener: @unchecked Sendable {
    let port: Int
    private let fd: Int32
    private let lock = NSLock()
    private var line: String?

    init() throws {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        fd = socketFD
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketFD, $0, length) } }
        guard bound == 0, listen(socketFD, 1) == 0 else { throw LeadOSError.transport("listener setup failed") }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) } }
        port = Int(UInt16(bigEndian: address.sin_port))
        let fd = self.fd
        Thread.detachNewThread { [self] in
            let client = accept(fd, nil, nil)
            guard client >= 0 else { return }
            var buffer = [UInt8](repeating: 0, count: 1024)
            let n = read(client, &buffer, buffer.count)
            let text = n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self) : ""
            lock.withLock { line = text.components(separatedBy: "\r\n").first }
            close(client)
        }
    }

    var firstLine: String? { lock.withLock { line } }

    deinit { close(fd) }
}

/// The client reads `HTTPS_PROXY` from the environment it is given and sends https requests
/// through that proxy with CONNECT.
@Suite(.serialized) struct ProxyTests {
    @Test func httpsGoesThroughHTTPSProxy() async throws {
        let proxy = try FirstLineListener()
        let proxyURL = "http://127.0.0.1:\(proxy.port)"
        let client = try LeadOSClient(options: LeadOSClientOptions(
            baseURL: URL(string: "https://api.leados.net")!, apiKey: "ldo_live_sk_" + String(repeating: "p", count: 32),
            retryPolicy: .once, requestTimeout: 3, environment: ["HTTPS_PROXY": proxyURL]))
        do { _ = try await client.balance(); Issue.record("a listener that hangs up cannot answer") } catch {
            #expect(!String(describing: error).contains(String(repeating: "p", count: 32)))
        }
        let deadline = Date().addingTimeInterval(3)
        while proxy.firstLine == nil && Date() < deadline { try await Task.sleep(nanoseconds: 10_000_000) }
        #expect(proxy.firstLine == "CONNECT api.leados.net:443 HTTP/1.1")
    }
}
