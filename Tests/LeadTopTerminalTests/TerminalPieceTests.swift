import CNcursesw
import LeadTopRender
import Testing
@testable import LeadTopTerminal

@Suite("Terminal pieces")
struct TerminalPieceTests {
    @Test("cell text becomes a NUL-terminated wide string with control characters removed")
    func wideCharacters() {
        #expect(Terminal.wideCharacters("a") == [0x61, 0])
        #expect(Terminal.wideCharacters("漢") == [0x6F22, 0])
        #expect(Terminal.wideCharacters("e\u{301}") == [0x65, 0x301, 0])
        #expect(Terminal.wideCharacters("") == [0x20, 0])
        #expect(Terminal.wideCharacters("\u{1B}[31m") == [0x20, 0])
        #expect(Terminal.wideCharacters("a\u{7}") == [0x61, 0])
        #expect(Terminal.wideCharacters("e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}").count == 6)
    }

    @Test("text attributes map to curses attribute bits")
    func attributes() {
        #expect(Terminal.attributes([]) == leadtop_a_normal())
        #expect(Terminal.attributes([.bold, .underline]) == leadtop_a_bold() | leadtop_a_underline())
        #expect(Terminal.attributes([.dim, .reverse, .italic]) == leadtop_a_dim() | leadtop_a_reverse() | leadtop_a_italic())
    }

    @Test("synchronized output only where it is known to work, with an override")
    func synchronizedOutput() {
        #expect(!SynchronizedOutput.isSupported(environment: ["TERM": "tmux-256color"], hasSyncCapability: false))
        #expect(SynchronizedOutput.isSupported(environment: ["TERM": "tmux-256color"], hasSyncCapability: true))
        #expect(SynchronizedOutput.isSupported(environment: ["TERM": "xterm-kitty"], hasSyncCapability: false))
        #expect(SynchronizedOutput.isSupported(environment: ["TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"], hasSyncCapability: false))
        #expect(!SynchronizedOutput.isSupported(environment: ["TERM": "xterm-kitty", "LEADTOP_SYNC_OUTPUT": "0"], hasSyncCapability: true))
        #expect(SynchronizedOutput.isSupported(environment: ["TERM": "xterm", "LEADTOP_SYNC_OUTPUT": "1"], hasSyncCapability: false))
    }

    @Test("a burst of render requests leaves one wake-up byte")
    func renderRequestsCoalesce() async throws {
        let app = try TerminalApp(environment: [:])
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<100 { group.addTask { app.requestRender() } }
        }
        #expect(app.pendingWakeBytes() == 1)
        #expect(app.takeRenderRequest())
        #expect(!app.takeRenderRequest())
        app.requestRender()
        #expect(app.pendingWakeBytes() == 1)
    }
}
