import LeadTopCore

/// What the session needs from the screen it draws on, from any thread. The terminal
/// (`TerminalApp`) is one; a test's scripted screen is another, so the whole path from a key to
/// the grid runs without a terminal.
public protocol DashboardScreen: AnyObject, Sendable {
    /// Wakes the UI loop so it takes the posted actions and draws one frame.
    func requestRender(fullRedraw: Bool)
    /// Takes the mouse or gives it back to the terminal.
    func setMouseCapture(_ on: Bool)
    /// Rings the bell and/or posts a desktop notification through the terminal.
    func alert(bell: Bool, desktop: (title: String, body: String)?)
    /// Puts text on the terminal's clipboard (OSC 52) and says how likely it arrived.
    func copyToClipboard(_ text: String) -> ClipboardSupport
    /// Gives the terminal to another program (the user's editor) for as long as `body` runs, on
    /// the UI thread, then takes it back and redraws everything.
    func runOutside(_ body: () -> Void)
}

extension DashboardScreen {
    /// A screen that is not a terminal has nothing to give up.
    public func runOutside(_ body: () -> Void) { body() }
}
