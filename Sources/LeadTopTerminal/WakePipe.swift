#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A self-pipe: any thread (or a signal source) writes a byte to wake the UI loop, which blocks in
/// `poll(2)` on the read end next to stdin. Both ends are non-blocking, so a full pipe never
/// blocks a writer (a full pipe already means a wake-up is pending).
final class WakePipe: @unchecked Sendable {
    // Invariant: the descriptors are set once in init and closed only in deinit.
    let readFD: Int32
    private let writeFD: Int32

    init() throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            throw TerminalError.system(call: "pipe", errno: errno)
        }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readFD = fds[0]
        writeFD = fds[1]
    }

    deinit {
        close(readFD)
        close(writeFD)
    }

    func wake() {
        var byte: UInt8 = 1
        _ = write(writeFD, &byte, 1)
    }

    /// Empties the pipe; returns how many wake-ups were pending.
    @discardableResult
    func drain() -> Int {
        var buffer = [UInt8](repeating: 0, count: 256)
        var total = 0
        while true {
            let n = read(readFD, &buffer, buffer.count)
            if n > 0 { total += n; continue }
            if n < 0 && errno == EINTR { continue }
            return total
        }
    }
}
