import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One dashboard per state directory: an exclusive `flock` on `leadtop.lock` beside the database,
/// held for the life of the process. The file says who holds it (pid and start time) so a second
/// start can say so; the lock itself is the kernel's, released when the holder exits however it
/// ends (`kill -9` included), so a stale file never blocks.
public final class StateLock: Sendable {
    public static let fileName = "leadtop.lock"

    /// Who holds the lock, as its file says.
    public struct Holder: Sendable, Equatable {
        public var pid: Int32
        public var since: Date

        /// `<pid> <seconds since 1970>`, one line.
        var line: String { "\(pid) \(Int(since.timeIntervalSince1970))\n" }

        init(pid: Int32, since: Date) { self.pid = pid; self.since = since }

        init?(line: String) {
            let fields = line.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            guard fields.count == 2, let pid = Int32(fields[0]), pid > 0, let seconds = Int(fields[1]) else { return nil }
            self.init(pid: pid, since: Date(timeIntervalSince1970: TimeInterval(seconds)))
        }
    }

    public let path: String
    private let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path; self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Takes the lock of the state directory holding `databasePath` (creating the directory 0700),
    /// or throws `StateLockError.held` naming the process that has it.
    public static func acquire(beside databasePath: String, pid: Int32 = getpid(), now: Date = Date()) throws -> StateLock {
        let directory = (databasePath as NSString).deletingLastPathComponent
        try PrivateStateFiles.ensureDirectory(directory)
        let path = (directory as NSString).appendingPathComponent(fileName)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, PrivateStateFiles.fileMode)
        guard descriptor >= 0 else { throw StateLockError.cannotOpen(path: path, errno: errno) }
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            let code = errno
            let holder = Holder(line: readAll(descriptor))
            close(descriptor)
            if code == EWOULDBLOCK { throw StateLockError.held(directory: directory, lockFile: path, holder: holder) }
            throw StateLockError.cannotOpen(path: path, errno: code)
        }
        // Ours now: whatever the file said was left by a process that has ended.
        let line = Array(Holder(pid: pid, since: now).line.utf8)
        if ftruncate(descriptor, 0) != 0 || pwrite(descriptor, line, line.count, 0) != line.count {
            let code = errno
            close(descriptor)
            throw StateLockError.cannotOpen(path: path, errno: code)
        }
        return StateLock(path: path, descriptor: descriptor)
    }

    private static func readAll(_ descriptor: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        return count > 0 ? String(decoding: buffer.prefix(count), as: UTF8.self) : ""
    }
}

/// Why the state directory's lock could not be taken.
public enum StateLockError: Error, Equatable, CustomStringConvertible {
    /// Another process holds it: another dashboard on the same state directory.
    case held(directory: String, lockFile: String, holder: StateLock.Holder?)
    case cannotOpen(path: String, errno: Int32)

    public var description: String {
        switch self {
        case .held(let directory, let lockFile, let holder):
            let who = holder.map { "another leadtop (pid \($0.pid), running since \(Self.format($0.since)))" }
                ?? "another process (see \(lockFile))"
            return "\(who) is using the state directory \(directory). Only one dashboard can use it at a time: "
                + "switch to that one, or quit it first. To run a second dashboard, give it a state directory of its own: "
                + "XDG_STATE_HOME=/some/other/dir leadtop"
        case .cannotOpen(let path, let code):
            return "cannot lock \(path) (\(String(cString: strerror(code)))); check that the state directory is writable"
        }
    }

    /// `2026-12-06 17:03:23 UTC`: the lock file's reader may be in another time zone.
    private static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        return formatter.string(from: date)
    }
}
