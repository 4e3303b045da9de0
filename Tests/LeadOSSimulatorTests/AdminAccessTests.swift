import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Glibc
import Testing
@testable import LeadOSSimulator

/// `/_sim/*` has no authentication, so it answers only callers on loopback: a simulator listening
/// on every interface still hides it from the network.
@Suite struct AdminAccessTests {
    /// An IPv4 address of this machine that is not loopback, if it has one.
    static let externalAddress: String? = {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0 else { return nil }
        defer { freeifaddrs(list) }
        var entry = list
        while let current = entry {
            defer { entry = current.pointee.ifa_next }
            guard let address = current.pointee.ifa_addr, address.pointee.sa_family == UInt16(AF_INET) else { continue }
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            guard getnameinfo(address, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count),
                              nil, 0, NI_NUMERICHOST) == 0 else { continue }
            let text = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if !text.hasPrefix("127.") { return text }
        }
        return nil
    }()

    @Test(.enabled(if: externalAddress != nil, "needs a non-loopback IPv4 address"))
    func adminRoutesAnswerOnlyLoopback() async throws {
        let address = try #require(Self.externalAddress)
        let server = try await SimulatorServer.start(SimulatorOptions(host: "0.0.0.0", port: 0, clockSpeed: 0))
        let port = try #require(server.baseURL.port)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.connectionProxyDictionary = [:]
        let session = URLSession(configuration: configuration)
        func deliver(via host: String) async throws -> (Int, String) {
            var request = URLRequest(url: URL(string: "http://\(host):\(port)/_sim/deliver")!)
            request.httpMethod = "POST"
            request.httpBody = Data(#"{"count":1}"#.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            let (body, response) = try await session.data(for: request)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: body, as: UTF8.self))
        }
        let before = server.world.leads().count
        let (remoteStatus, remoteBody) = try await deliver(via: address)
        #expect(remoteStatus == 404 && remoteBody.contains("\"route_not_found\""), "\(remoteStatus) \(remoteBody)")
        #expect(server.world.leads().count == before, "nothing was delivered")
        let (localStatus, _) = try await deliver(via: "127.0.0.1")
        #expect(localStatus == 200)
        #expect(server.world.leads().count == before + 1)
        await server.stop()
    }
}
