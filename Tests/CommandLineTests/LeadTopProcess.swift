import Foundation
import Glibc

/// The built `leadtop` binary run as a user's shell would: its own process, default signal
/// handling and nothing blocked (test runners spawn from threads that block signals, and the
/// mask is inherited), stdin from bytes, stdout and stderr to files read back afterwards. No
/// config file or `LEADOS_*` variable from the machine leaks in: each run gets an empty home.
final class LeadTopProcess {
    struct Failure: Error, CustomStringConvertible { let description: String }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let pid: pid_t
    private let directory: URL
    private var finished: Int32?

    var stdoutPath: String { directory.appendingPathComponent("stdout").path }
    var stderrPath: String { directory.appendingPathComponent("stderr").path }

    /// Runs `leadtop arguments…` to its end.
    static func run(_ arguments: [String], stdin: Data = Data(), environment: [String: String] = [:],
                    timeout: TimeInterval = 60) async throws -> Result {
        let process = try LeadTopProcess(arguments, stdin: stdin, environment: environment)
        return try await process.wait(timeout: timeout)
    }

    init(_ arguments: [String], stdin: Data = Data(), environment: [String: String] = [:], executable: String? = nil) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("leadtop-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("config"), withIntermediateDirectories: true)
        let stdinPath = directory.appendingPathComponent("stdin").path
        try stdin.write(to: URL(fileURLWithPath: stdinPath))
        let binary = try executable ?? Self.binary()
        var env = [
            "PATH": "/usr/bin:/bin", "HOME": directory.path, "LANG": "C.UTF-8",
            "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path,
            "XDG_STATE_HOME": directory.appendingPathComponent("state").path,
        ]
        env.merge(environment) { $1 }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, directory.appendingPathComponent("stdout").path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, directory.appendingPathComponent("stderr").path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, binary, &actions, &attributes, argv, envp)
        guard rc == 0 else { throw Failure(description: "cannot start \(binary): \(String(cString: strerror(rc)))") }
        self.pid = pid
    }

    deinit {
        if finished == nil { kill(pid, SIGKILL); var s: Int32 = 0; waitpid(pid, &s, 0) }
        try? FileManager.default.removeItem(at: directory)
    }

    var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    func signal(_ number: Int32) { kill(pid, number) }

    /// The exit status (128 + the signal when a signal ended it) and what it printed.
    func wait(timeout: TimeInterval = 60) async throws -> Result {
        let deadline = Date().addingTimeInterval(timeout)
        while finished == nil {
            var status: Int32 = 0
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid {
                let signalled = status & 0x7f
                finished = signalled == 0 ? (status >> 8) & 0xff : 128 + signalled
                break
            }
            if Date() > deadline {
                kill(pid, SIGKILL)
                throw Failure(description: "leadtop did not finish in \(Int(timeout)) s; stderr: \(stderr)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return Result(status: finished!, stdout: stdout, stderr: stderr)
    }

    /// Waits until stdout holds `lines` complete lines.
    func waitForLines(_ lines: Int, timeout: TimeInterval) async throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let text = stdout
            let complete = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            if text.hasSuffix("\n"), complete.count >= lines { return complete }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw Failure(description: "no \(lines) lines on stdout in \(timeout) s: \(stdout); stderr: \(stderr)")
    }

    /// The built binary: beside the test bundle, or in the package's .build/debug.
    static func binary(filePath: String = #filePath) throws -> String {
        var directories: [URL] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            directories.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        directories.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        let root = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        directories.append(root.appendingPathComponent(".build/debug"))
        for directory in directories {
            let candidate = directory.appendingPathComponent("leadtop").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Failure(description: "leadtop is not built (looked in \(directories.map(\.path))); run `swift build --build-tests` first")
    }

    /// The package's root directory (for scripts/).
    static func packageRoot(filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}
