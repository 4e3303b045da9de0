import Foundation
import Glibc
import Testing

/// The real `leadtop --demo` binary in a real terminal: it takes the screen, keeps every row
/// inside its columns, and gives the shell back intact however it ends.
@Suite("Dashboard in tmux", .serialized)
struct DashboardTerminalTests {
    func start() throws -> TmuxSession {
        let binary = try BuiltProducts.executable("leadtop")
        let session = try TmuxSession(width: 120, height: 40)
        try session.runCommand(TmuxSession.shellQuoted(binary) + " --demo")
        try session.waitFor(timeout: 20, "the first full frame") { screen in
            screen.count == 40 && screen[0].hasPrefix("┌1 Campaigns") && screen[39].contains("q:quit")
        }
        return session
    }

    /// Every row of the panes ends in a border at the last column: a character drawn with the
    /// wrong width would push it out or leave a gap.
    func expectAlignedFrame(_ screen: [String]) {
        for (row, line) in screen.dropLast().enumerated() {
            #expect(["┐", "│", "┘"].contains(line.last.map(String.init) ?? ""), "row \(row): \(line)")
        }
    }

    @Test("takes the alternate screen, draws aligned rows, and restores the shell on q")
    func quitRestores() throws {
        let session = try start()
        defer { session.kill() }
        #expect(try session.format("#{alternate_on}") == "1")
        expectAlignedFrame(try session.capture())
        try session.sendKeys("q")
        try session.waitForPrompt(timeout: 10)
        #expect(try session.format("#{alternate_on}") == "0")
        #expect(try session.format("#{cursor_flag}") == "1")
        try session.runCommand("echo modes: $(stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo|isig|icrnl|opost|onlcr)$')")
        let screen = try session.waitFor("stty's answer") { $0.contains { $0.hasPrefix("modes: ") } }
        #expect(screen.last { $0.hasPrefix("modes: ") } == "modes: icrnl opost onlcr isig icanon echo")
    }

    @Test("SIGTERM ends it with the terminal restored")
    func sigtermRestores() throws {
        let session = try start()
        defer { session.kill() }
        #expect(Glibc.kill(try session.childPID(named: "leadtop"), SIGTERM) == 0)
        try session.waitForPrompt(timeout: 10)
        #expect(try session.format("#{alternate_on}") == "0")
    }

    @Test("a resize redraws every row at the new width")
    func resize() throws {
        let session = try start()
        defer { session.kill() }
        try session.resize(width: 100, height: 30)
        let screen = try session.waitFor(timeout: 10, "the 100×30 frame") { screen in
            screen.count == 30 && screen[0].hasPrefix("┌1 Campaigns") && screen[0].hasSuffix("┐") && screen[29].contains("q:quit")
        }
        expectAlignedFrame(screen)
        try session.sendKeys("q")
        try session.waitForPrompt(timeout: 10)
    }
}
