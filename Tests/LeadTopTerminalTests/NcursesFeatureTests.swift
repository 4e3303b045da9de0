import CNcursesw
import Testing

/// What the ncurses shim chose at compile time. The older ncurses macOS ships takes the short-valued
/// fallbacks; the ncursesw 6 this is tested with must keep the full calls, or the dashboard would
/// quietly lose direct colour, italics and the wheel.
@Suite("ncurses features the shim picks")
struct NcursesFeatureTests {
    #if os(Linux)
    @Test("ncursesw 6.1 or later: int-valued colour pairs (past 32767, direct colour), italics, wheel down")
    func fullFeatures() {
        #expect(leadtop_has_extended_colors() == 1)
        #expect(leadtop_a_italic() != leadtop_a_normal())
        #expect(leadtop_button_pressed(5) != 0)
        #expect(leadtop_button_pressed(5) != leadtop_button_pressed(4))
    }
    #endif
}
