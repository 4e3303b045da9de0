import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Holds back standard error while the dashboard has the screen.
///
/// Anything written to standard error then (a library's warning, the message of a Swift runtime
/// trap) would land on the alternate screen and vanish with it, or tear a frame. When standard
/// error is a terminal it goes to an unlinked temporary file instead, and is written to the real
/// standard error once the screen is restored: by `restore()` on a normal exit, and by
/// `CrashRestore`'s signal handler on a crash, which is why `end` uses only async-signal-safe
/// calls and a buffer allocated up front.
enum StderrCapture {
    // Written only by begin/end on the UI thread, or by the crash handler after disarming.
    nonisolated(unsafe) private static var original: Int32 = -1
    nonisolated(unsafe) private static var capture: Int32 = -1
    nonisolated(unsafe) private static var buffer: UnsafeMutableRawPointer?
    private static let bufferSize = 4096
    private static let replayLimit = 64 * 1024
    private static let omitted: [UInt8] = Array("leadtop: earlier standard error output omitted\n".utf8)

    /// Starts capturing when standard error is a terminal; otherwise (a file, a pipe) leaves it alone.
    static func begin(environment: [String: String]) {
        guard original < 0, isatty(STDERR_FILENO) == 1 else { return }
        let directory = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((directory + "/leadtop-stderr-XXXXXX").utf8CString)
        let file = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard file >= 0 else { return }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        let saved = dup(STDERR_FILENO)
        guard saved >= 0, dup2(file, STDERR_FILENO) >= 0 else {
            if saved >= 0 { close(saved) }
            close(file)
            return
        }
        buffer = UnsafeMutableRawPointer.allocate(byteCount: bufferSize, alignment: 16)
        _ = omitted.count // built now, not first in a signal handler
        original = saved
        capture = file
    }

    /// Puts standard error back and writes out what was captured. Async-signal-safe.
    static func end() {
        guard original >= 0 else { return }
        let saved = original, file = capture
        original = -1
        capture = -1
        _ = dup2(saved, STDERR_FILENO)
        _ = close(saved)
        if let buffer {
            // Only the end of a long capture: the terminal is not the place for megabytes.
            var offset: off_t = max(0, lseek(file, 0, SEEK_END) - off_t(replayLimit))
            if offset > 0 {
                Self.omitted.withUnsafeBytes { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
            }
            while true {
                let count = pread(file, buffer, bufferSize, offset)
                guard count > 0 else { break }
                var written = 0
                while written < count {
                    let n = write(STDERR_FILENO, buffer + written, count - written)
                    if n > 0 { written += n } else if n < 0 && errno == EINTR { continue } else { break }
                }
                offset += off_t(count)
            }
        }
        _ = close(file)
    }
}
