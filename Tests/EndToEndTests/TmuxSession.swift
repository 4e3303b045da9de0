import Foundation
import Glibc

/// A real terminal for end-to-end tests: its own tmux server (`tmux -L <unique>`) with one pane
/// running `bash --norc --noprofile`, driven with `send-keys` and read with `capture-pane`.
/// The server is killed in `kill()` and, at the latest, in deinit.
final class TmuxSession {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let socketName: String
    private(set) var width: Int
    private(set) var height: Int
    private var alive = true

    /// The prompt of the pane's shell, so tests can tell when a command has finished.
    static let prompt = "e2e$ "

    init(width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws {
        socketName = "leadtop-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        self.width = width
        self.height = height
        let settings = environment.merging(["PS1": Self.prompt, "LC_ALL": "C.UTF-8"]) { mine, _ in mine }
            .sorted { $0.key < $1.key }
            .map { "\($0.key)=\(Self.shellQuoted($0.value))" }
            .joined(separator: " ")
        try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)",
                  "env -u NO_COLOR -u COLORTERM \(settings) bash --norc --noprofile"])
        try waitForPrompt()
    }

    deinit { kill() }

    /// Stops the tmux server and everything running in it.
    func kill() {
        guard alive else { return }
        alive = false
        _ = try? tmux(["kill-server"])
    }

    /// Runs `tmux -L <socket> <arguments>` and returns its standard output.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let result = try CleanSpawn.run(["tmux", "-u", "-L", socketName] + arguments)
        guard result.status == 0 else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.output)")
        }
        return result.output
    }

    /// Sends tmux key names (`Enter`, `Up`, `C-r`, `F5`, `BTab`, or plain words).
    func sendKeys(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "0"] + keys)
    }

    /// Sends `text` byte for byte, escape characters included.
    func sendLiteral(_ text: String) throws {
        try tmux(["send-keys", "-t", "0", "-l", text])
    }

    /// Types a shell command line and presses Enter.
    func runCommand(_ line: String) throws {
        try sendLiteral(line)
        try sendKeys("Enter")
    }

    /// The visible screen, one string per row (trailing blanks trimmed by tmux); with `escapes`
    /// the rows keep their SGR sequences, with `history` what scrolled off the top comes first.
    func capture(escapes: Bool = false, history: Bool = false) throws -> [String] {
        let text = try tmux(["capture-pane", "-p", "-t", "0"] + (escapes ? ["-e"] : []) + (history ? ["-S", "-"] : []))
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Changes the window's size; the pane's program gets SIGWINCH.
    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"])
        self.width = width
        self.height = height
    }

    /// Polls the screen until `condition` holds or the deadline passes; the failure shows the
    /// last screen.
    @discardableResult
    func waitFor(timeout: Double = 5, _ what: String = "condition", _ condition: ([String]) -> Bool) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var screen: [String] = []
        while true {
            screen = try capture()
            if condition(screen) { return screen }
            if Date() > deadline { break }
            usleep(20_000)
        }
        throw Failure(description: "timed out after \(timeout) s waiting for \(what); screen:\n" + screen.joined(separator: "\n"))
    }

    /// Waits until the shell shows an empty prompt on its last non-blank row.
    @discardableResult
    func waitForPrompt(timeout: Double = 5) throws -> [String] {
        let bare = Self.prompt.trimmingCharacters(in: .whitespaces)
        return try waitFor(timeout: timeout, "the shell prompt") { $0.last { !$0.isEmpty } == bare }
    }

    @discardableResult
    func waitFor(text: String, timeout: Double = 5) throws -> [String] {
        try waitFor(timeout: timeout, "\"\(text)\"") { $0.contains { $0.contains(text) } }
    }

    /// Evaluates a tmux format for the pane, e.g. `#{alternate_on}` or `#{pane_current_command}`.
    func format(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "0", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The name of the program running in the foreground of the pane.
    func paneCommand() throws -> String { try format("#{pane_current_command}") }

    /// The pid of the pane's shell.
    func shellPID() throws -> pid_t {
        guard let pid = pid_t(try format("#{pane_pid}")) else { throw Failure(description: "no pane pid") }
        return pid
    }

    /// The pid of the shell's child running `name`, polled until it appears.
    func childPID(named name: String, timeout: Double = 5) throws -> pid_t {
        let shell = try shellPID()
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let pid = ProcessStat.children(of: shell).first(where: { ProcessStat.read($0)?.name == String(name.prefix(15)) }) {
                return pid
            }
            usleep(20_000)
        }
        throw Failure(description: "no child process \(name) of the pane's shell")
    }

    /// Appends everything the pane's program writes to the terminal to `file`.
    func recordOutput(to file: String) throws {
        try tmux(["pipe-pane", "-t", "0", "-O", "cat >> \(Self.shellQuoted(file))"])
    }

    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// Fields of `/proc/PID/stat` the tests need.
struct ProcessStat {
    let name: String
    let parent: pid_t
    /// User plus system time, in clock ticks.
    let cpuTicks: Int

    static func read(_ pid: pid_t) -> ProcessStat? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")") else { return nil }
        let name = String(text[text.index(after: open)..<close])
        let fields = text[text.index(close, offsetBy: 2)...].split(separator: " ")
        // After the name: state(0) ppid(1) … utime(11) stime(12).
        guard fields.count > 12, let parent = pid_t(fields[1]), let user = Int(fields[11]), let system = Int(fields[12]) else {
            return nil
        }
        return ProcessStat(name: name, parent: parent, cpuTicks: user + system)
    }

    static func children(of parent: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { pid_t($0) }.filter { read($0)?.parent == parent }
    }
}

/// Where `swift build` put the package's executables: next to the test bundle.
enum BuiltProducts {
    static func executable(_ name: String, filePath: String = #filePath) throws -> String {
        var directories: [URL] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            directories.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        directories.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        let packageRoot = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        directories.append(packageRoot.appendingPathComponent(".build/debug"))
        for directory in directories {
            let candidate = directory.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw TmuxSession.Failure(description: "\(name) is not built (looked in \(directories.map(\.path))); run `swift build --build-tests` first")
    }
}

/// Starts a program the way a login shell would: default signal actions and nothing blocked.
/// Test runners spawn from worker threads that block most signals, and a blocked mask is inherited
/// by the tmux server, its shell and the program under test. Output goes to a file, not a pipe,
/// because the tmux server keeps the descriptors it inherited open.
enum CleanSpawn {
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("leadtop-spawn-\(UUID().uuidString)").path
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, &argv, environ)
        guard spawned == 0 else {
            throw TmuxSession.Failure(description: "cannot start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exitStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exitStatus, output)
    }
}
