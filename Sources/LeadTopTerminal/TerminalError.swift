#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the terminal could not be opened or driven. Each message says what to fix.
public enum TerminalError: Error, Sendable, Hashable, CustomStringConvertible {
    case notATerminal(stream: String)
    case termNotSet
    case unknownTerminal(String)
    case noUTF8Locale
    case system(call: String, errno: Int32)

    public var description: String {
        switch self {
        case .notATerminal(let stream):
            return "\(stream) is not a terminal; run leadtop in an interactive terminal"
        case .termNotSet:
            return "TERM is not set; set it to your terminal's type (for example TERM=xterm-256color)"
        case .unknownTerminal(let name):
            return "unknown terminal type '\(name)' (no terminfo entry); set TERM to a known type such as xterm-256color"
        case .noUTF8Locale:
            return "no UTF-8 locale is available (tried the environment's locale and C.UTF-8); wide characters cannot be shown"
        case .system(let call, let code):
            return "\(call) failed: \(String(cString: strerror(code)))"
        }
    }
}
