import Foundation
import Glibc
import Testing

/// The terminal module in a real terminal: `leadtop-terminal-check` runs in a tmux pane under
/// `bash --norc`, so the tests see exactly what a user would, before and after it exits.
@Suite("Terminal in tmux", .serialized)
struct TerminalCheckTests {
    static let program = "leadtop-terminal-check"

    /// Starts the check program in a fresh 80×24 session and waits for its first frame.
    func start(width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws -> TmuxSession {
        let binary = try BuiltProducts.executable(Self.program)
        let session = try TmuxSession(width: width, height: height, environment: environment)
        try session.runCommand(TmuxSession.shellQuoted(binary))
        try session.waitFor(text: "size \(width)x\(height)")
        return session
    }

    /// The shell's terminal modes are back: line editing, echo, signals, CR/NL translation.
    func expectSaneModes(_ session: TmuxSession) throws {
        try session.runCommand("echo modes: $(stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo|isig|icrnl|opost|onlcr)$')")
        let screen = try session.waitFor("stty's answer") { $0.contains { $0.hasPrefix("modes: ") } }
        let modes = try #require(screen.last { $0.hasPrefix("modes: ") })
        #expect(modes == "modes: icrnl opost onlcr isig icanon echo")
    }

    @Test("draws the frame in the alternate screen and restores the shell on q")
    func quitRestoresTheShell() throws {
        let session = try start()
        defer { session.kill() }
        let screen = try session.capture()
        #expect(Array(screen.prefix(6)) == [
            "size 80x24",
            "wide:漢字テスト😀|end",
            "bold-red  selected  underline",
            "event #0: none",
            "wakes 0",
            "indic:र्न|",
        ])
        #expect(screen.count == 24)
        #expect(screen[23] == "q quits" + String(repeating: " ", count: 72) + "#")
        #expect(try session.format("#{alternate_on}") == "1")
        #expect(try session.format("#{cursor_flag}") == "0")

        try session.sendKeys("q")
        try session.waitFor(text: "exit quit")
        #expect(try session.format("#{alternate_on}") == "0")
        #expect(try session.format("#{cursor_flag}") == "1")
        try expectSaneModes(session)
    }

    @Test("what goes to standard error during the session is shown once the screen is restored")
    func standardErrorIsShownAfterExit() throws {
        let session = try start()
        defer { session.kill() }
        try session.sendKeys("e")
        try session.waitFor(text: "event #1: key char(\"e\")")
        #expect(try session.capture().allSatisfy { !$0.contains("standard error") }, "nothing tears the frame")
        try session.sendKeys("q")
        let screen = try session.waitFor(text: "exit quit")
        let line = try #require(screen.firstIndex { $0 == "leadtop-terminal-check: written to standard error while the screen was up" })
        #expect(screen[line + 1] == "leadtop-terminal-check: exit quit")
    }

    @Test("styles reach the terminal as SGR colours and attributes")
    func stylesAreSent() throws {
        let session = try start()
        defer { session.kill() }
        let row = try session.capture(escapes: true)[2]
        // Bold red (ANSI 1), white on the 256-palette blue nearest rgb(40,90,200), then underline.
        #expect(row.contains("\u{1B}[1m\u{1B}[31mbold-red"))
        #expect(row.contains("\u{1B}[38;5;231m\u{1B}[48;5;26m selected "))
        #expect(row.contains("\u{1B}[4munderline"))
    }

    @Test("keys and mouse reports are decoded")
    func keysAndMouseDecode() throws {
        let session = try start()
        defer { session.kill() }
        let keys: [(tmuxKey: String, shown: String)] = [
            ("Up", "key up"), ("F5", "key function(5)"), ("C-r", "key ctrl(\"r\")"), ("BTab", "key backtab"),
            ("PPage", "key pageUp"), ("End", "key end"), ("BSpace", "key backspace"), ("Enter", "key enter"),
            ("é", "key char(\"é\")"), ("漢", "key char(\"漢\")"),
        ]
        for (index, key) in keys.enumerated() {
            try session.sendKeys(key.tmuxKey)
            try session.waitFor(text: "event #\(index + 1): \(key.shown)")
        }
        // X10 mouse reports at column 5, row 3: button 1 press, its release, wheel down.
        let reports = [("\u{1B}[M &$", "mouse press left at 5,3"), ("\u{1B}[M#&$", "mouse release left at 5,3"),
                       ("\u{1B}[Ma&$", "mouse wheel down at 5,3")]
        for (index, report) in reports.enumerated() {
            try session.sendLiteral(report.0)
            try session.waitFor(text: "event #\(keys.count + index + 1): \(report.1)")
        }
        // Esc alone is a key of its own once the escape delay has passed.
        try session.sendKeys("Escape")
        try session.waitFor(text: "event #\(keys.count + reports.count + 1): key esc")
    }

    @Test("SIGTERM, SIGHUP and SIGINT restore the terminal", arguments: [SIGTERM, SIGHUP, SIGINT])
    func signalsRestore(signal number: Int32) throws {
        let session = try start()
        defer { session.kill() }
        let pid = try session.childPID(named: Self.program)
        #expect(Glibc.kill(pid, number) == 0)
        try session.waitFor(text: "exit signal(\(number))")
        #expect(try session.format("#{alternate_on}") == "0")
        try expectSaneModes(session)
    }

    @Test("a resize relayouts the whole screen")
    func resizeRelayouts() throws {
        let session = try start()
        defer { session.kill() }
        for (width, height) in [(70, 20), (40, 10), (80, 24)] {
            try session.resize(width: width, height: height)
            // The whole frame, not just its first row: tmux may show a frame it is still reading.
            let footer = "q quits" + String(repeating: " ", count: width - 8) + "#"
            let screen = try session.waitFor("size \(width)x\(height)") {
                $0.first == "size \(width)x\(height)" && $0.count == height && $0.last == footer
            }
            #expect(screen[3].hasPrefix("event #") && screen[3].hasSuffix("resize \(width)x\(height)"))
            #expect(screen[height - 1] == footer)
        }
        try session.sendKeys("q")
        try session.waitFor(text: "exit quit")
    }

    @Test("after SIGKILL the next start still works and leaves a sane terminal")
    func startsAfterSIGKILL() throws {
        let session = try start()
        defer { session.kill() }
        #expect(Glibc.kill(try session.childPID(named: Self.program), SIGKILL) == 0)
        try session.waitForPrompt()
        try session.runCommand("clear; " + TmuxSession.shellQuoted(try BuiltProducts.executable(Self.program)))
        try session.waitFor(text: "size 80x24")
        try session.sendKeys("q")
        try session.waitFor(text: "exit quit")
        #expect(try session.format("#{alternate_on}") == "0")
        try expectSaneModes(session)
    }

    @Test("a crash still leaves the alternate screen and gives the shell its modes back")
    func crashRestores() throws {
        // The runtime's backtracer would otherwise wait for a key press on a terminal.
        let session = try start(environment: ["SWIFT_BACKTRACE": "interactive=no"])
        defer { session.kill() }
        try session.sendKeys("!")
        let screen = try session.waitForPrompt(timeout: 20)
        // The trap still kills the process with its own signal (bash reports it), after the restore.
        #expect(screen.contains { $0.hasPrefix("Illegal instruction") || $0.hasPrefix("Trace/breakpoint trap") })
        // Its message went to standard error while the alternate screen was up; it is shown after
        // (above the runtime's backtrace, which may push it off the visible screen).
        let shown = try session.capture(history: true)
        #expect(shown.contains { $0.hasSuffix("Fatal error: crash requested") }, "\(shown)")
        #expect(try session.format("#{alternate_on}") == "0")
        try expectSaneModes(session)
    }

    @Test("render requests from other threads wake the loop")
    func wakeRequests() throws {
        let session = try start()
        defer { session.kill() }
        try session.sendKeys("w")
        let screen = try session.waitFor("a wake") { $0.count > 4 && $0[4].hasPrefix("wakes ") && $0[4] != "wakes 0" }
        let wakes = try #require(Int(screen[4].dropFirst("wakes ".count)))
        #expect((1...50).contains(wakes))
    }

    @Test("a one-row change sends a few bytes, and the idle loop uses no CPU")
    func outputBytesAndIdleCost() throws {
        let binary = try BuiltProducts.executable(Self.program)
        let session = try TmuxSession()
        defer { session.kill() }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("leadtop-e2e-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        try session.recordOutput(to: log)
        try session.runCommand(TmuxSession.shellQuoted(binary))
        try session.waitFor(text: "size 80x24")
        func loggedBytes() -> Int { (try? FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? 0 }
        let fullFrame = try waitForStableSize(loggedBytes)

        try session.sendKeys("x")
        try session.waitFor(text: "event #1: key char(\"x\")")
        let oneRow = try waitForStableSize(loggedBytes) - fullFrame
        print("terminal output: first full frame \(fullFrame) bytes, one-row change \(oneRow) bytes")
        #expect(fullFrame > 200)
        #expect(oneRow > 0 && oneRow < 80)

        let pid = try session.childPID(named: Self.program)
        let before = try #require(ProcessStat.read(pid)).cpuTicks
        usleep(2_000_000)
        let after = try #require(ProcessStat.read(pid)).cpuTicks
        print("terminal idle: \(after - before) CPU ticks in 2 s")
        // A 50 ms polling loop costs a few ticks here; a spinning one about 200.
        #expect(after - before <= 1)
        try session.sendKeys("q")
        try session.waitFor(text: "exit quit")
    }

    @Test("Ctrl-Z, a resize while stopped, then fg: the screen is laid out for the new size without a key")
    func suspendResizeResume() throws {
        let session = try start()
        defer { session.kill() }
        try session.sendKeys("C-z")
        try session.waitForPrompt()
        #expect(try session.format("#{alternate_on}") == "0")
        try expectSaneModes(session)

        try session.resize(width: 60, height: 15)
        try session.runCommand("fg")
        let footer = "q quits" + String(repeating: " ", count: 60 - 8) + "#"
        let screen = try session.waitFor("the 60×15 frame") {
            $0.first == "size 60x15" && $0.count == 15 && $0.last == footer
        }
        #expect(screen[3].hasPrefix("event #") && screen[3].hasSuffix(": resize 60x15"))
        #expect(try session.format("#{alternate_on}") == "1")
        #expect(try session.format("#{cursor_flag}") == "0")

        // Still in program mode: a key reaches the loop undecorated by echo.
        try session.sendKeys("x")
        try session.waitFor(text: "key char(\"x\")")
        try session.sendKeys("q")
        try session.waitFor(text: "exit quit")
        try expectSaneModes(session)
    }

    @Test("stopped from outside (SIGSTOP), resized, then fg: laid out for the new size and keys arrive one at a time")
    func externalStopResizeResume() throws {
        let session = try start()
        defer { session.kill() }
        #expect(Glibc.kill(try session.childPID(named: Self.program), SIGSTOP) == 0)
        try session.waitForPrompt()

        try session.resize(width: 70, height: 20)
        try session.runCommand("fg")
        let footer = "q quits" + String(repeating: " ", count: 70 - 8) + "#"
        try session.waitFor("the 70×20 frame") { $0.first == "size 70x20" && $0.count == 20 && $0.last == footer }
        // The shell had put its line-at-a-time modes back: a key without Enter still arrives.
        try session.sendKeys("x")
        try session.waitFor(text: "key char(\"x\")")
        try session.sendKeys("q")
        try session.waitFor(text: "exit quit")
        try expectSaneModes(session)
    }

    /// Polls until `size()` stops growing (pipe-pane copies the output asynchronously).
    private func waitForStableSize(_ size: () -> Int) throws -> Int {
        let deadline = Date().addingTimeInterval(5)
        var last = size()
        var stableSince = Date()
        while Date() < deadline {
            usleep(20_000)
            let now = size()
            if now != last { last = now; stableSince = Date() }
            if now > 0, Date().timeIntervalSince(stableSince) > 0.3 { return now }
        }
        throw TmuxSession.Failure(description: "terminal output did not settle")
    }
}

/// Failing to open the terminal is a clear message and exit status 1, never a hang or a crash.
@Suite("Terminal open errors")
struct TerminalOpenErrorTests {
    func runCheck(stdin: FileHandle?, environment: [String: String]) throws -> (status: Int32, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BuiltProducts.executable(TerminalCheckTests.program))
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = stdin ?? FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("without a terminal on stdin")
    func notATerminal() throws {
        let result = try runCheck(stdin: nil, environment: ["TERM": "xterm-256color"])
        #expect(result.status == 1)
        #expect(result.errors == "leadtop-terminal-check: standard input is not a terminal; run leadtop in an interactive terminal\n")
    }

    @Test("with an unknown TERM, inside a real terminal")
    func unknownTerminal() throws {
        let binary = try BuiltProducts.executable(TerminalCheckTests.program)
        let session = try TmuxSession(width: 160)
        defer { session.kill() }
        try session.runCommand("TERM=no-such-terminal \(TmuxSession.shellQuoted(binary)); echo status=$?")
        let screen = try session.waitFor("the exit status") { $0.contains { $0.hasPrefix("status=") } }
        #expect(screen.contains("leadtop-terminal-check: unknown terminal type 'no-such-terminal' (no terminfo entry); set TERM to a known type such as xterm-256color"))
        #expect(screen.contains("status=1"))
    }
}
