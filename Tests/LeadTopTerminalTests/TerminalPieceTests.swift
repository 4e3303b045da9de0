import CNcursesw
import LeadTopRender
import Testing
@testable import LeadTopTerminal

@Suite("Terminal pieces")
struct TerminalPieceTests {
    /// Widths as wcwidth gives them in a UTF-8 locale, for the characters these tests use.
    static func width(_ value: UInt32) -> Int {
        switch value {
        case 0x301...0x306, 0x94D, 0x200D: return 0
        case 0x6F22, 0x1F468, 0x1F469: return 2
        default: return 1
        }
    }

    func glyphs(_ text: String, columns: Int) -> [Terminal.Glyph] {
        Terminal.glyphs(text, columns: columns, scalarWidth: Self.width)
    }

    @Test("plain, wide and combining text is one glyph")
    func singleGlyphs() {
        #expect(glyphs("a", columns: 1) == [.init(offset: 0, scalars: [0x61, 0])])
        #expect(glyphs("漢", columns: 2) == [.init(offset: 0, scalars: [0x6F22, 0])])
        #expect(glyphs("e\u{301}", columns: 1) == [.init(offset: 0, scalars: [0x65, 0x301, 0])])
        // A cchar_t holds at most five code points.
        #expect(glyphs("e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}", columns: 1)
            == [.init(offset: 0, scalars: [0x65, 0x301, 0x302, 0x303, 0x304, 0])])
    }

    @Test("control characters never reach the terminal")
    func controls() {
        #expect(glyphs("\u{1B}[31m", columns: 1) == [.init(offset: 0, scalars: [0x20, 0])])
        #expect(glyphs("a\u{7}b", columns: 1) == [.init(offset: 0, scalars: [0x61, 0])])
        #expect(glyphs("", columns: 1) == [.init(offset: 0, scalars: [0x20, 0])])
        #expect(glyphs("\u{9B}", columns: 2) == [.init(offset: 0, scalars: [0x20, 0]), .init(offset: 1, scalars: [0x20, 0])])
    }

    @Test("a cluster with several spacing characters is spread over its columns")
    func conjuncts() {
        // र्न: ra, virama, na — one grapheme two columns wide.
        #expect(glyphs("\u{930}\u{94D}\u{928}", columns: 2)
            == [.init(offset: 0, scalars: [0x930, 0x94D, 0]), .init(offset: 1, scalars: [0x928, 0])])
        // A family emoji given two columns: the first person, nothing shifted.
        #expect(glyphs("\u{1F468}\u{200D}\u{1F469}", columns: 2) == [.init(offset: 0, scalars: [0x1F468, 0x200D, 0])])
    }

    @Test("widths that disagree with the cell are blanked or padded, never shifted")
    func disagreeingWidths() {
        #expect(glyphs("漢", columns: 1) == [.init(offset: 0, scalars: [0x20, 0])])
        #expect(glyphs("a", columns: 2) == [.init(offset: 0, scalars: [0x61, 0]), .init(offset: 1, scalars: [0x20, 0])])
        #expect(glyphs("\u{301}", columns: 1) == [.init(offset: 0, scalars: [0x20, 0x301, 0])])
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
