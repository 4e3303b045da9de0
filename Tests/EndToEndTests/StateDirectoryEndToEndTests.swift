import Foundation
import Glibc
import LeadOSSimulator
import Testing

/// The real `leadtop` binary and its state directory: one dashboard at a time, private files, a
/// damaged database replaced. The simulator runs in this test process.
@Suite("State directory in tmux", .serialized)
struct StateDirectoryEndToEndTests {
    /// A simulator and a temporary XDG home shared by every pane of a test.
    final class Setup {
        let sim: SimulatorServer
        let home: URL
        var stateDirectory: String { home.appendingPathComponent("state/leadtop").path }
        var environment: [String: String] {
            ["XDG_STATE_HOME": home.appendingPathComponent("state").path, "XDG_CONFIG_HOME": home.appendingPathComponent("config").path]
        }

        init() async throws {
            sim = try await SimulatorServer.start(SimulatorOptions(seed: 7, rateLimitPerMinute: nil))
            home = FileManager.default.temporaryDirectory.appendingPathComponent("leadtop-e2e-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        }

        func command() throws -> String {
            [TmuxSession.shellQuoted(try BuiltProducts.executable("leadtop")), "--api-url", sim.baseURL.absoluteString,
             "--api-key", sim.apiKey].joined(separator: " ")
        }

        func close() async {
            await sim.stop()
            try? FileManager.default.removeItem(at: home)
        }
    }

    func waitForDashboard(_ session: TmuxSession) async throws {
        try await session.waitForAsync(timeout: 15, "the dashboard with its campaigns") { screen in
            screen.contains { $0.contains("Campaigns (") && !$0.contains("Campaigns (0)") }
                && screen.last?.hasPrefix("● live") == true
        }
    }

    static func mode(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "0" + String(info.st_mode & 0o7777, radix: 8)
    }

    @Test("a second dashboard on the same state directory is refused before taking the screen; after kill -9 of the first, the next starts")
    func oneDashboardPerStateDirectory() async throws {
        let setup = try await Setup()
        let first = try TmuxSession(width: 120, height: 40, environment: setup.environment)
        let second = try TmuxSession(width: 120, height: 20, environment: setup.environment)
        defer { first.kill(); second.kill() }
        try first.runCommand(try setup.command())
        try await waitForDashboard(first)
        let pid = try first.childPID(named: "leadtop")

        // Private from the first byte: the directory 0700, every file in it 0600.
        let directory = setup.stateDirectory
        #expect(Self.mode(directory) == "0700")
        for file in ["leadtop.sqlite", "leadtop.sqlite-wal", "leadtop.sqlite-shm", "leadtop.lock"] {
            #expect(Self.mode(directory + "/" + file) == "0600", "\(file)")
        }
        let lockLine = try String(contentsOfFile: directory + "/leadtop.lock", encoding: .utf8)
        let fields = lockLine.split(separator: " ")
        #expect(fields.first.map(String.init) == String(pid))
        let since = Date(timeIntervalSince1970: TimeInterval(Int(fields.last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0))
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"

        // The second start: a message on standard error, exit status 2, the screen never taken.
        let terminalOutput = setup.home.appendingPathComponent("second-terminal.out").path
        let errors = setup.home.appendingPathComponent("second.err").path
        try second.recordOutput(to: terminalOutput)
        try second.runCommand(try setup.command() + " 2>" + TmuxSession.shellQuoted(errors) + "; echo status=$?")
        try await second.waitForAsync(text: "status=2", timeout: 15)
        #expect(try String(contentsOfFile: errors, encoding: .utf8) == "leadtop: another leadtop (pid \(pid), running since "
            + "\(formatter.string(from: since))) is using the state directory \(directory). Only one dashboard can use it at a "
            + "time: switch to that one, or quit it first. To run a second dashboard, give it a state directory of its own: "
            + "XDG_STATE_HOME=/some/other/dir leadtop\n")
        let written = (try? String(contentsOfFile: terminalOutput, encoding: .utf8)) ?? ""
        #expect(!written.contains("\u{1B}[?1049h"), "the second start switched to the alternate screen")
        #expect(try first.paneCommand() == "leadtop")

        // The first is killed outright; its lock goes with it, and the next start is not blocked.
        #expect(Glibc.kill(pid, SIGKILL) == 0)
        let deadline = Date().addingTimeInterval(5)
        while try first.paneCommand() != "bash", Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(try first.paneCommand() == "bash")
        try second.runCommand("clear; " + (try setup.command()))
        try await waitForDashboard(second)
        try second.sendKeys("q")
        try await second.waitForPromptAsync(timeout: 10)
        await setup.close()
    }

    @Test("the demo's temporary state directory is private too, and removed on quit")
    func demoStateIsPrivate() throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("leadtop-e2e-tmp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temporary) }
        let session = try TmuxSession(width: 120, height: 40, environment: ["TMPDIR": temporary.path])
        defer { session.kill() }
        try session.runCommand(TmuxSession.shellQuoted(try BuiltProducts.executable("leadtop")) + " --demo")
        try session.waitFor(timeout: 20, "the demo's first frame") { $0.contains { $0.contains("q:quit") } }
        let made = try FileManager.default.contentsOfDirectory(atPath: temporary.path).filter { $0.hasPrefix("leadtop-demo-") }
        #expect(made.count == 1)
        let directory = temporary.appendingPathComponent(try #require(made.first)).path
        #expect(Self.mode(directory) == "0700")
        for file in ["leadtop.sqlite", "leadtop.sqlite-wal", "leadtop.sqlite-shm", "leadtop.lock"] {
            #expect(Self.mode(directory + "/" + file) == "0600", "\(file)")
        }
        try session.sendKeys("q")
        try session.waitForPrompt(timeout: 10)
        #expect(!FileManager.default.fileExists(atPath: directory))
    }

    @Test("a damaged database is moved aside: the dashboard starts on a new one and says where the old one is")
    func damagedDatabaseIsReplaced() async throws {
        let setup = try await Setup()
        let session = try TmuxSession(width: 120, height: 40, environment: setup.environment)
        defer { session.kill() }
        let directory = setup.stateDirectory
        #expect(mkdir(setup.home.appendingPathComponent("state").path, 0o700) == 0 && mkdir(directory, 0o700) == 0)
        let garbage = Data(String(repeating: "not a database. ", count: 512).utf8)
        #expect(FileManager.default.createFile(atPath: directory + "/leadtop.sqlite", contents: garbage))

        try session.runCommand(try setup.command())
        let screen = try await session.waitForAsync(timeout: 15, "the status message") { screen in
            screen.contains { $0.contains("Damaged database moved to leadtop.sqlite.broken-") }
        }
        let broken = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix("leadtop.sqlite.broken-") }
        #expect(broken.count == 1)
        let name = try #require(broken.first)
        #expect(screen.contains { $0.contains("Damaged database moved to \(name)") })
        #expect(FileManager.default.contents(atPath: directory + "/" + name) == garbage)
        try await waitForDashboard(session)

        try session.sendKeys("q")
        try await session.waitForPromptAsync(timeout: 10)
        // Joined as the terminal wrapped it: the warning is one long line.
        let shown = try session.tmux(["capture-pane", "-p", "-J", "-t", "0"])
        #expect(shown.contains("leadtop: warning: the database \(directory)/leadtop.sqlite could not be used (SQLite error 26: "
            + "file is not a database); it was moved to \(directory)/\(name) and a new one started"))
        await setup.close()
    }
}
