import Foundation
import LeadTopCore
import Testing
@testable import LeadTopTerminal

/// OSC 52: the exact bytes written, and what is known about the terminal taking them.
@Suite("Clipboard")
struct ClipboardTests {
    @Test("the sequence is ESC ] 52 ; c ; base64 BEL, whatever the text holds")
    func sequence() {
        #expect(Clipboard.sequence(for: "raj@techcorp.io") == Array("\u{1B}]52;c;cmFqQHRlY2hjb3JwLmlv\u{07}".utf8))
        // Escape characters, BEL and non-ASCII end up in base64, never as bytes of the sequence.
        let hostile = "a\u{07}\u{1B}]0;x\u{1B}\\é"
        let bytes = Clipboard.sequence(for: hostile)
        #expect(bytes.filter { $0 == 0x1B }.count == 1)
        #expect(bytes.filter { $0 == 0x07 }.count == 1)
        #expect(bytes.last == 0x07)
        let payload = String(decoding: bytes.dropFirst(7).dropLast(), as: UTF8.self)
        #expect(Data(base64Encoded: payload).map { String(decoding: $0, as: UTF8.self) } == hostile)
    }

    @Test("support: tmux, known terminals, terminals known without it, and the rest unknown")
    func support() {
        func detect(_ environment: [String: String], ms: Bool = false) -> ClipboardSupport {
            Clipboard.support(environment: environment, hasMsCapability: ms)
        }
        #expect(detect(["TERM": "tmux-256color", "TMUX": "/tmp/tmux-0/default,1,0"], ms: true) == .tmux)
        #expect(detect(["TERM": "screen", "TMUX": "/x", "VTE_VERSION": "7600"]) == .tmux)
        #expect(detect(["TERM": "linux"]) == .absent(terminal: "The Linux console"))
        #expect(detect(["TERM": "xterm-256color", "VTE_VERSION": "7600"], ms: true)
                == .absent(terminal: "This VTE terminal (GNOME Terminal, Tilix, Terminator…)"))
        #expect(detect(["TERM": "xterm-kitty"]) == .supported)
        #expect(detect(["TERM": "xterm-256color", "TERM_PROGRAM": "iTerm.app"]) == .supported)
        #expect(detect(["TERM": "xterm-256color", "WT_SESSION": "x"]) == .supported)
        #expect(detect(["TERM": "foot"]) == .supported)
        // Ms in an xterm entry proves nothing: every emulator calling itself xterm has it.
        #expect(detect(["TERM": "xterm-256color"], ms: true) == .unknown)
        #expect(detect(["TERM": "mlterm"], ms: true) == .supported)
        #expect(detect(["TERM": "screen-256color"]) == .unknown)
        #expect(detect([:]) == .unknown)
    }
}
