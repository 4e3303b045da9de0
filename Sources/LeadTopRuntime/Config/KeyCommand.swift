import Foundation

/// Runs `api_key_command` through /bin/sh and returns its first line of output, so the key can
/// live in a password manager (`pass show leados`) instead of the config file.
public enum KeyCommand {
    /// Seconds before a hanging command (e.g. waiting for a passphrase) is killed.
    public static let timeout: TimeInterval = 15

    @Sendable public static func run(_ command: String) throws(ConfigError) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw .keyCommandFailed(command: command, reason: "cannot start /bin/sh")
        }
        let killer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer)
        // Drain stderr concurrently: a command that fills the stderr pipe would otherwise block
        // while we wait for stdout to close.
        let errorsBox = LockedData()
        let drained = DispatchSemaphore(value: 0)
        let errHandle = err.fileHandleForReading
        DispatchQueue.global().async {
            errorsBox.set(errHandle.readDataToEndOfFile())
            drained.signal()
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        let errors = errorsBox.get()
        process.waitUntilExit()
        killer.cancel()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let detail = String(decoding: errors.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            let status = process.terminationReason == .exit ? "exit status \(process.terminationStatus)" : "killed after \(Int(timeout)) s"
            throw .keyCommandFailed(command: command, reason: detail.isEmpty ? status : "\(status): \(detail)")
        }
        let key = String(decoding: output, as: UTF8.self).split(whereSeparator: \.isNewline).first
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard !key.isEmpty else { throw .keyCommandFailed(command: command, reason: "printed nothing") }
        return key
    }
}

/// A lock-guarded buffer for output read on another thread.
private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ d: Data) { lock.withLock { data = d } }
    func get() -> Data { lock.withLock { data } }
}
