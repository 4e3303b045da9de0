import Foundation
import LeadTopCore

/// The clipboard through the terminal: OSC 52 (`ESC ] 52 ; c ; <base64> BEL`), which works over
/// SSH because the terminal, not this machine, owns the clipboard.
///
/// Inside tmux the plain sequence is sent, as Neovim does: with `set-clipboard on` tmux keeps it
/// as a paste buffer and passes it to the outer terminal. The DCS passthrough (`ESC P tmux; …`)
/// is not used: it needs `allow-passthrough` (off by default since tmux 3.3), skips tmux's own
/// buffer, and with both settings on the outer terminal would get every copy twice.
enum Clipboard {
    /// The sequence for `text`. Base64 has no byte that could end or escape the sequence, so any
    /// text is safe inside it.
    static func sequence(for text: String) -> [UInt8] {
        Array("\u{1B}]52;c;".utf8) + Array(Data(text.utf8).base64EncodedString().utf8) + [0x07]
    }

    /// What is known about the terminal's OSC 52. `hasMsCapability` is terminfo's `Ms` (set
    /// selection); xterm's entries have it, and so does every emulator that calls itself xterm,
    /// so for `TERM=xterm*` it proves nothing.
    static func support(environment: [String: String], hasMsCapability: Bool) -> ClipboardSupport {
        func has(_ name: String) -> Bool { !(environment[name] ?? "").isEmpty }
        let term = environment["TERM"] ?? ""
        let program = environment["TERM_PROGRAM"] ?? ""
        if has("TMUX") { return .tmux }
        if term == "linux" { return .absent(terminal: "The Linux console") }
        // VTE decided against OSC 52 (GNOME/vte#2495); VTE_VERSION is set by VTE terminals and
        // is not passed over SSH, so it describes the terminal this runs in.
        if has("VTE_VERSION") { return .absent(terminal: "This VTE terminal (GNOME Terminal, Tilix, Terminator…)") }
        let knownTerms = ["xterm-kitty", "alacritty", "foot", "foot-extra", "wezterm", "xterm-ghostty", "contour"]
        let knownPrograms = ["iTerm.app", "WezTerm", "ghostty", "vscode"]
        if knownTerms.contains(term) || knownPrograms.contains(program) || has("KITTY_WINDOW_ID") || has("WT_SESSION") {
            return .supported
        }
        if hasMsCapability && !term.hasPrefix("xterm") { return .supported }
        return .unknown
    }
}
