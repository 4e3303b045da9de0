import Foundation
import LeadTopRuntime
import Synchronization

/// The dashboard's cache, read from the first moment of the process (`CacheReadAhead(early:…)`)
/// instead of once the store is open: on a large account the read takes longer than parsing the
/// arguments, reading the config and opening the store together, so it runs beside them. The
/// database is the one a plain `leadtop`, `leadtop --profile NAME` or `LEADTOP_PROFILE` opens,
/// guessed from the arguments before they are parsed; when the guess is wrong (a config file's
/// `default_profile`, say) the store drops it and reads as before.
enum EarlyCacheRead {
    private static let started = Mutex<CacheReadAhead?>(nil)

    /// Starts the read when the arguments ask for the dashboard on an account whose database exists.
    static func begin(arguments: [String], environment: [String: String]) {
        guard let path = LocalStore.guessedPath(dashboardArguments: arguments, environment: environment),
              FileManager.default.fileExists(atPath: path) else { return }
        let readAhead = CacheReadAhead(early: path, firstFeedPage: SyncOptions().firstFeedPage)
        started.withLock { $0 = readAhead }
    }

    /// The early read, handed over once.
    static func take() -> CacheReadAhead? {
        started.withLock { readAhead in
            defer { readAhead = nil }
            return readAhead
        }
    }
}
