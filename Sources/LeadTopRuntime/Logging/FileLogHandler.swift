import Foundation
import LeadOSAPI
import Logging

/// swift-log's `LogHandler` writing one line per message to a file that only its owner can read
/// (`leadtop.log`), moved aside to `leadtop.log.1` when it passes `maxBytes`, so it never grows
/// without end. The dashboard owns the terminal, so logs cannot go to standard error.
public struct FileLogHandler: LogHandler {
    /// The open file, shared by every logger of the process; `lock` guards writes and rotation.
    public final class Sink: @unchecked Sendable {
        public let path: String
        let maxBytes: Int
        private let lock = NSLock()
        private var fd: Int32
        private var size: Int

        public init(path: String, maxBytes: Int = 1 << 20) throws {
            self.path = path
            self.maxBytes = max(4096, maxBytes)
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            }
            fd = try Self.open(path)
            var info = stat()
            size = fstat(fd, &info) == 0 ? Int(info.st_size) : 0
        }

        deinit { close(fd) }

        private static func open(_ path: String) throws -> Int32 {
            let fd = Foundation.open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
            guard fd >= 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path,
                                 NSLocalizedDescriptionKey: "cannot open the log file \(path): \(String(cString: strerror(errno)))"])
            }
            return fd
        }

        func write(_ line: String) {
            var bytes = Array(line.utf8)
            bytes.append(10)
            lock.withLock {
                if size + bytes.count > maxBytes { rotate() }
                let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
                if written > 0 { size += written }
            }
        }

        /// `leadtop.log` → `leadtop.log.1` (replacing the older one), and a fresh file.
        private func rotate() {
            let old = path + ".1"
            _ = unlink(old)
            _ = rename(path, old)
            if let fresh = try? Self.open(path) {
                close(fd)
                fd = fresh
                size = 0
            }
        }
    }

    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let sink: Sink

    public init(label: String, sink: Sink, level: Logger.Level) {
        self.label = label; self.sink = sink; self.logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        let fields = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let time = Self.timestamp(Date())
        sink.write("\(time) \(event.level) \(label): \(Self.oneLine(event.message.description))\(fields)")
    }

    /// `2026-12-06T17:30:01.123Z`: the log's own clock, with milliseconds for request timing.
    static func timestamp(_ date: Date) -> String {
        let millis = Int((date.timeIntervalSince1970 * 1000).rounded(.down)) % 1000
        var text = Timestamp.format(date)
        if text.hasSuffix("Z") { text.removeLast() }
        return text + "." + String(String(1000 + millis).dropFirst()) + "Z"
    }

    /// Messages may quote what LeadOS sent: never a control character in the file.
    static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map {
            $0.properties.generalCategory == .control || $0.properties.generalCategory == .format ? " " : $0
        }))
    }
}
