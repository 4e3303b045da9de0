import Foundation

/// Writes straight to file descriptors: unbuffered, so every record is out before the next
/// request (a `--follow` pipe sees each lead at once), and nothing is lost on an exit.
enum StandardStreams {
    static func write(_ text: String, to descriptor: Int32 = STDOUT_FILENO) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                // The reader went away (`leadtop leads | head`): stop quietly, as a killed pipe would.
                if errno == EPIPE { exit(128 + SIGPIPE) }
                return
            }
            offset += written
        }
        bytes.removeAll()
    }

    /// One line on stderr.
    static func error(_ line: String) {
        write("leadtop: \(line)\n", to: STDERR_FILENO)
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
