import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The state directory holds cached leads (names, emails, phone numbers): it is made 0700 and its
/// files 0600 from the first byte, and one found looser (made by an older version, or by hand) is
/// tightened at start with a warning saying what was changed.
public enum PrivateStateFiles {
    public static let directoryMode: mode_t = 0o700
    public static let fileMode: mode_t = 0o600

    /// Creates `directory` (and missing parents) with mode 0700, and refuses one this process
    /// cannot write, naming it and the way out.
    public static func ensureDirectory(_ directory: String) throws(StateDirectoryError) {
        var missing: [String] = []
        var path = directory
        while !path.isEmpty, path != "/", access(path, F_OK) != 0 {
            missing.append(path)
            path = (path as NSString).deletingLastPathComponent
        }
        for path in missing.reversed() {
            if mkdir(path, directoryMode) != 0 && errno != EEXIST { throw .cannotCreate(path: path, errno: errno) }
        }
        guard access(directory, W_OK | X_OK) == 0 else { throw .notWritable(path: directory, errno: errno) }
    }

    /// Refuses a database file that exists but cannot be read and written (SQLite would open it
    /// read-only and fail at the first write, with no file named).
    public static func checkDatabase(_ path: String) throws(StateDirectoryError) {
        guard access(path, F_OK) == 0 else { return }
        guard access(path, R_OK | W_OK) == 0 else { throw .databaseNotWritable(path: path, errno: errno) }
    }

    /// Creates an empty database file with mode 0600 if there is none, so SQLite, which gives the
    /// -wal and -shm files the database's own mode, never makes a world-readable one.
    static func createDatabaseFile(_ path: String) throws(StateDirectoryError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        if descriptor >= 0 {
            close(descriptor)
        } else if errno != EEXIST {
            throw .cannotCreate(path: path, errno: errno)
        }
    }

    /// Tightens the directory to 0700 and the database with its -wal and -shm to 0600 where they
    /// are looser; one warning per file changed, or the `chmod` to run where that failed.
    public static func tighten(databasePath path: String) -> [String] {
        let directory = (path as NSString).deletingLastPathComponent
        var warnings: [String] = []
        if let warning = tighten(directory, to: directoryMode, what: "state directory") { warnings.append(warning) }
        for file in [path, path + "-wal", path + "-shm"] {
            if let warning = tighten(file, to: fileMode, what: "file") { warnings.append(warning) }
        }
        return warnings
    }

    /// The mode bits of `path`, nil if it does not exist.
    public static func mode(of path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }

    private static func tighten(_ path: String, to wanted: mode_t, what: String) -> String? {
        guard !path.isEmpty, let mode = mode(of: path), mode & 0o077 != 0 else { return nil }
        let readable = mode & 0o044 != 0 ? "readable" : "accessible"
        let before = "the \(what) \(path) was \(readable) by other users (\(octal(mode)))"
        guard chmod(path, wanted) == 0 else {
            return "\(before) and could not be changed (\(String(cString: strerror(errno)))); run: chmod \(octal(wanted)) \(path)"
        }
        return "\(before); it is now \(octal(wanted))"
    }

    static func octal(_ mode: mode_t) -> String { "0" + String(mode, radix: 8) }
}

/// A state directory or database that cannot be used, with its path and what to do about it.
public enum StateDirectoryError: Error, Equatable, CustomStringConvertible {
    case cannotCreate(path: String, errno: Int32)
    case notWritable(path: String, errno: Int32)
    case databaseNotWritable(path: String, errno: Int32)

    public var description: String {
        switch self {
        case .cannotCreate(let path, let code):
            return "cannot create \(path) (\(Self.reason(code))); leadtop keeps its cache and pending writes there. "
                + Self.fix
        case .notWritable(let path, let code):
            return "the state directory \(path) is not writable (\(Self.reason(code))); leadtop keeps its cache and pending "
                + "writes there. Make it writable (chmod 700 \(path)) or " + Self.otherDirectory
        case .databaseNotWritable(let path, let code):
            return "the database \(path) cannot be read and written (\(Self.reason(code))). Make it so (chmod 600 \(path)) or "
                + Self.otherDirectory
        }
    }

    private static let otherDirectory = "start leadtop with another state directory (XDG_STATE_HOME=/some/writable/dir leadtop)."
    private static let fix = "Create it writable by you, or " + otherDirectory

    private static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}
