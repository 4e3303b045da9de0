import LeadTopCore
import CNcursesw

/// What one `wget_wch` (and, for mouse reports, `getmouse`) call produced, before interpretation.
enum RawInput: Sendable, Hashable {
    /// `wget_wch` returned `OK`: a character code.
    case character(UInt32)
    /// `wget_wch` returned `KEY_CODE_YES`: a function-key code (`KEY_UP`, `KEY_MOUSE`, …).
    case keyCode(Int32)
    /// `getmouse` filled in a report.
    case mouse(buttonState: mmask_t, x: Int32, y: Int32)
}

/// Turns raw ncurses input into terminal-independent events. Pure: no ncurses calls.
enum InputDecoder {
    /// The event for `input`, or nil for input the application has no use for (unknown keys,
    /// stray control characters, mouse motion).
    static func decode(_ input: RawInput) -> TerminalEvent? {
        switch input {
        case .character(let code): return decodeCharacter(code).map(TerminalEvent.key)
        case .keyCode(let code): return decodeKeyCode(code).map(TerminalEvent.key)
        case .mouse(let state, let x, let y): return decodeMouse(state, x: Int(x), y: Int(y)).map(TerminalEvent.mouse)
        }
    }

    static func decodeCharacter(_ code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .esc
        case 8, 127: return .backspace
        case 1...26:
            return .ctrl(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        default:
            guard let scalar = Unicode.Scalar(code), !isControl(scalar) else { return nil }
            return .char(Character(scalar))
        }
    }

    static func decodeKeyCode(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1: return .end
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backtab
        case KEY_A3: return .pageUp
        case KEY_C3: return .pageDown
        default:
            let f0 = leadtop_key_f(0)
            if code > f0, code <= f0 + 63 { return .function(Int(code - f0)) }
            return nil
        }
    }

    static func decodeMouse(_ state: mmask_t, x: Int, y: Int) -> MouseEvent? {
        func has(_ mask: mmask_t) -> Bool { state & mask != 0 }
        let kind: MouseEvent.Kind
        if has(leadtop_button_pressed(4)) {
            kind = .wheelUp
        } else if has(leadtop_button_pressed(5)) {
            kind = .wheelDown
        } else if let button = button(in: state, matching: { [leadtop_button_pressed($0), leadtop_button_clicked($0)] }) {
            kind = .press(button)
        } else if let button = button(in: state, matching: { [leadtop_button_released($0)] }) {
            kind = .release(button)
        } else {
            return nil
        }
        return MouseEvent(kind, x: x, y: y)
    }

    private static func button(in state: mmask_t, matching masks: (Int32) -> [mmask_t]) -> MouseButton? {
        let buttons: [(Int32, MouseButton)] = [(1, .left), (2, .middle), (3, .right)]
        for (number, button) in buttons where masks(number).contains(where: { state & $0 != 0 }) {
            return button
        }
        return nil
    }

    /// C0, DEL and C1 controls never become characters: they would move the terminal's cursor.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7f...0x9f).contains(scalar.value)
    }
}
