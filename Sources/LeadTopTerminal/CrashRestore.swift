#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Last-resort restore when the process dies of a crash signal (a Swift trap is SIGILL or
/// SIGTRAP): puts the shell's terminal modes back, leaves the alternate screen and writes out what
/// went to standard error meanwhile (the trap's message), using only async-signal-safe calls, then hands the signal to whatever handled it before (the runtime's
/// backtracer or the default action).
enum CrashRestore {
    private static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]
    /// End synchronized output, mouse reporting off, attributes off, cursor on, leave the alternate screen.
    private static let resetBytes: [UInt8] = Array("\u{1B}[?2026l\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1006l\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l\r\n".utf8)

    // Written only by install/uninstall on the UI thread while no crash handler can run on it;
    // read by the handler, which never writes them except for disarming.
    nonisolated(unsafe) private static var shellModes = termios()
    nonisolated(unsafe) private static var previous: [sigaction] = Array(repeating: .init(), count: 6)
    nonisolated(unsafe) private static var armed = false

    static func install(shellModes modes: termios) {
        shellModes = modes
        _ = resetBytes.count
        var action = sigaction()
        action.plainHandler = { number in CrashRestore.handle(number) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        for (index, number) in crashSignals.enumerated() {
            sigaction(number, &action, &previous[index])
        }
        armed = true
    }

    static func uninstall() {
        guard armed else { return }
        armed = false
        for (index, number) in crashSignals.enumerated() {
            sigaction(number, &previous[index], nil)
        }
    }

    private static func handle(_ number: Int32) {
        if armed {
            armed = false
            _ = tcsetattr(STDIN_FILENO, TCSANOW, &shellModes)
            resetBytes.withUnsafeBytes { _ = write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            StderrCapture.end()
        }
        if let index = crashSignals.firstIndex(of: number) {
            sigaction(number, &previous[index], nil)
        }
        raise(number)
    }
}
