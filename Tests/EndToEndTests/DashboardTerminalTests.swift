import Foundation
import Testing

/// The real `leadtop --demo` binary in a real terminal, checked for what only the terminal edge
/// can get wrong: every row keeps to its columns, wide and combining characters included.
@Suite("Dashboard frame alignment in tmux", .serialized)
struct DashboardTerminalTests {
    @Test("every row ends at the right edge, before and after a resize")
    func rowsKeepToTheirColumns() throws {
        let binary = try BuiltProducts.executable("leadtop")
        let session = try TmuxSession(width: 120, height: 40)
        defer { session.kill() }
        try session.runCommand(TmuxSession.shellQuoted(binary) + " --demo")
        let first = try session.waitFor(timeout: 20, "the first full frame") { screen in
            screen.count == 40 && screen[0].hasPrefix("┌1 Campaigns") && screen[39].contains("q:quit")
                && screen.contains { $0.contains("Live lead feed (") && !$0.contains("Live lead feed (0)") }
        }
        FrameAlignment.expectAligned(first, width: 120)

        try session.resize(width: 100, height: 30)
        let resized = try session.waitFor(timeout: 10, "the 100×30 frame") { screen in
            screen.count == 30 && screen[0].hasPrefix("┌1 Campaigns") && screen[0].hasSuffix("┐") && screen[29].contains("q:quit")
        }
        FrameAlignment.expectAligned(resized, width: 100)
        try session.sendKeys("q")
        try session.waitForPrompt(timeout: 10)
    }

    @Test("Ctrl-Z, a resize while stopped, then fg: the frame fits the new size without a key")
    func suspendResizeResume() throws {
        let binary = try BuiltProducts.executable("leadtop")
        let session = try TmuxSession(width: 120, height: 40)
        defer { session.kill() }
        try session.runCommand(TmuxSession.shellQuoted(binary) + " --demo")
        try session.waitFor(timeout: 20, "the first full frame") { screen in
            screen.count == 40 && screen[0].hasPrefix("┌1 Campaigns") && screen[39].contains("q:quit")
        }
        try session.sendKeys("C-z")
        try session.waitForPrompt(timeout: 10)
        #expect(try session.format("#{alternate_on}") == "0")

        try session.resize(width: 100, height: 30)
        try session.runCommand("fg")
        let resized = try session.waitFor(timeout: 10, "the 100×30 frame") { screen in
            screen.count == 30 && screen[0].hasPrefix("┌1 Campaigns") && screen[0].hasSuffix("┐") && screen[29].contains("q:quit")
        }
        FrameAlignment.expectAligned(resized, width: 100)
        #expect(try session.format("#{alternate_on}") == "1")
        try session.sendKeys("q")
        try session.waitForPrompt(timeout: 10)
    }
}
