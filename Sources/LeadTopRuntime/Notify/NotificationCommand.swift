import Foundation
import LeadOSContract
import LeadTopCore
import Synchronization

/// Runs `[notify] command` for each notification: the user's command line goes to `/bin/sh -c`
/// as written in the config, and the event reaches it only as JSON on standard input, so lead
/// text is never part of a command line. At most a few run at once and each gets 10 s.
public final class NotificationCommand: Sendable {
    public let command: String
    static let maxRunning = 4
    static let timeLimit: TimeInterval = 10
    private let running = Atomic<Int>(0)

    public init(command: String) { self.command = command }

    /// The JSON the command reads: the notification's fields (`type`, `at`, `text`,
    /// `campaign_id`, `lead_ids`, `count`).
    public static func json(_ notification: DashboardNotification) -> Data {
        (try? LeadOSJSON.encode(notification)) ?? Data("{}".utf8)
    }

    /// Starts the command and returns at once; false when it could not start or too many run.
    @discardableResult
    public func run(_ notification: DashboardNotification, done: (@Sendable (Int32) -> Void)? = nil) -> Bool {
        guard running.add(1, ordering: .relaxed).newValue <= Self.maxRunning else {
            running.subtract(1, ordering: .relaxed)
            return false
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.terminationHandler = { [self] finished in
            running.subtract(1, ordering: .relaxed)
            done?(finished.terminationStatus)
        }
        do {
            try process.run()
        } catch {
            running.subtract(1, ordering: .relaxed)
            return false
        }
        let body = Self.json(notification)
        DispatchQueue.global(qos: .utility).async {
            try? input.fileHandleForWriting.write(contentsOf: body)
            try? input.fileHandleForWriting.close()
        }
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + Self.timeLimit) {
            if process.isRunning { process.terminate() }
        }
        return true
    }
}
