import LeadTopCore
import CNcursesw
import Testing
@testable import LeadTopTerminal

@Suite("Input decoding")
struct InputDecoderTests {
    @Test("printable characters, including multi-byte ones")
    func printable() {
        #expect(InputDecoder.decode(.character(0x71)) == .key(.char("q")))
        #expect(InputDecoder.decode(.character(0x20)) == .key(.char(" ")))
        #expect(InputDecoder.decode(.character(0xE9)) == .key(.char("é")))
        #expect(InputDecoder.decode(.character(0x6F22)) == .key(.char("漢")))
        #expect(InputDecoder.decode(.character(0x1F600)) == .key(.char("😀")))
    }

    @Test("control bytes: the named ones, Ctrl-letters, and the rest dropped")
    func controls() {
        #expect(InputDecoder.decode(.character(9)) == .key(.tab))
        #expect(InputDecoder.decode(.character(13)) == .key(.enter))
        #expect(InputDecoder.decode(.character(10)) == .key(.enter))
        #expect(InputDecoder.decode(.character(27)) == .key(.esc))
        #expect(InputDecoder.decode(.character(127)) == .key(.backspace))
        #expect(InputDecoder.decode(.character(8)) == .key(.backspace))
        #expect(InputDecoder.decode(.character(1)) == .key(.ctrl("a")))
        #expect(InputDecoder.decode(.character(18)) == .key(.ctrl("r")))
        #expect(InputDecoder.decode(.character(26)) == .key(.ctrl("z")))
        #expect(InputDecoder.decode(.character(0)) == nil)
        #expect(InputDecoder.decode(.character(28)) == nil)
        #expect(InputDecoder.decode(.character(0x9B)) == nil)
        #expect(InputDecoder.decode(.character(0xD800)) == nil)
    }

    @Test("function-key codes")
    func keyCodes() {
        let expected: [(Int32, Key)] = [
            (KEY_UP, .up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
            (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown), (KEY_HOME, .home), (KEY_END, .end),
            (KEY_BACKSPACE, .backspace), (KEY_DC, .delete), (KEY_IC, .insert), (KEY_ENTER, .enter),
            (KEY_BTAB, .backtab), (leadtop_key_f(1), .function(1)), (leadtop_key_f(12), .function(12)),
            (leadtop_key_f(63), .function(63)),
        ]
        for (code, key) in expected {
            #expect(InputDecoder.decode(.keyCode(code)) == .key(key), "code \(code)")
        }
        #expect(InputDecoder.decode(.keyCode(leadtop_key_f(0))) == nil)
        #expect(InputDecoder.decode(.keyCode(leadtop_key_f(64))) == nil)
        #expect(InputDecoder.decode(.keyCode(KEY_SUSPEND)) == nil)
    }

    @Test("mouse presses, releases and the wheel")
    func mouse() {
        func event(_ state: mmask_t) -> TerminalEvent? { InputDecoder.decode(.mouse(buttonState: state, x: 7, y: 2)) }
        #expect(event(leadtop_button_pressed(1)) == .mouse(MouseEvent(.press(.left), x: 7, y: 2)))
        #expect(event(leadtop_button_clicked(1)) == .mouse(MouseEvent(.press(.left), x: 7, y: 2)))
        #expect(event(leadtop_button_pressed(2)) == .mouse(MouseEvent(.press(.middle), x: 7, y: 2)))
        #expect(event(leadtop_button_pressed(3)) == .mouse(MouseEvent(.press(.right), x: 7, y: 2)))
        #expect(event(leadtop_button_released(1)) == .mouse(MouseEvent(.release(.left), x: 7, y: 2)))
        #expect(event(leadtop_button_released(3)) == .mouse(MouseEvent(.release(.right), x: 7, y: 2)))
        #expect(event(leadtop_button_pressed(4)) == .mouse(MouseEvent(.wheelUp, x: 7, y: 2)))
        #expect(event(leadtop_button_pressed(5)) == .mouse(MouseEvent(.wheelDown, x: 7, y: 2)))
        #expect(event(leadtop_report_mouse_position()) == nil)
        #expect(event(0) == nil)
    }
}
