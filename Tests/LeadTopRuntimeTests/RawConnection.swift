import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP connection on loopback, byte by byte, for peers no HTTP client will imitate: one
/// that says nothing, one that trickles its body, one of many holding connections open. Waits
/// block in `poll(2)` on a Dispatch thread, never on the few threads of Swift's cooperative pool
/// that the servers under test (and every other suite running alongside) need.
final class RawConnection: @unchecked Sendable {
    private let fd: Int32

    /// Connects to `host` (`127.0.0.1` or `::1`) at `port`.
    init(host: String = "127.0.0.1", port: Int) throws {
        let v6 = host.contains(":")
        fd = socket(v6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RawConnectionError(message: "socket: errno \(errno)") }
        var result: Int32
        if v6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = in_port_t(UInt16(port).bigEndian)
            inet_pton(AF_INET6, host, &address.sin6_addr)
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            inet_pton(AF_INET, host, &address.sin_addr)
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        guard result == 0 else {
            let code = errno
            close(fd)
            throw RawConnectionError(message: "connect: errno \(code)")
        }
    }

    deinit { close(fd) }

    /// Sends all of `text`; false when the peer has already closed.
    @discardableResult
    func send(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) == bytes.count }
    }

    /// Waits up to `seconds` for the peer to close (end of stream or reset), reading and
    /// discarding whatever it sends first. The bytes read are returned with the verdict.
    func waitForClose(within seconds: TimeInterval) async -> (closed: Bool, received: String) {
        await Self.offPool { self.blockingWaitForClose(within: seconds) }
    }

    private func blockingWaitForClose(within seconds: TimeInterval) -> (closed: Bool, received: String) {
        let deadline = Date().addingTimeInterval(seconds)
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { return (false, String(decoding: received, as: UTF8.self)) }
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&p, 1, Int32(min(left, 60) * 1000) + 1)
            if ready <= 0 { continue }
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { return (true, String(decoding: received, as: UTF8.self)) }
            received += buffer[0..<n]
        }
    }

    /// Reads until `marker` has arrived, the peer closes, or `seconds` pass; what was read.
    func receive(until marker: String, within seconds: TimeInterval) async -> String {
        await Self.offPool { self.blockingReceive(until: marker, within: seconds) }
    }

    private func blockingReceive(until marker: String, within seconds: TimeInterval) -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !String(decoding: received, as: UTF8.self).contains(marker) {
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { break }
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&p, 1, Int32(min(left, 60) * 1000) + 1) > 0 else { continue }
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            received += buffer[0..<n]
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// True when the peer has closed already (without waiting).
    var isClosedByPeer: Bool { get async { await waitForClose(within: 0.05).closed } }

    private static func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }
}

struct RawConnectionError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
