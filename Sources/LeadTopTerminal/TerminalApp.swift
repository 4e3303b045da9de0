import Foundation
import LeadTopCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LeadOSContract
import LeadTopRender
import Synchronization

/// The UI loop: blocks in `poll(2)` on stdin and a wake-up pipe (never on a timer), decodes input,
/// hands events to the application and draws one frame per batch.
///
/// Thread-safety: `run` must be called from one thread, which then owns the terminal until it
/// returns. `requestRender()` may be called from any thread; it touches only the wake pipe and an
/// atomic flag.
public final class TerminalApp: Sendable {
    /// Why `run` returned.
    public enum ExitReason: Sendable, Hashable {
        /// The event handler returned false.
        case quit
        /// SIGINT, SIGTERM or SIGHUP; the terminal has been restored.
        case signal(Int32)
        /// Standard input was closed (the terminal went away).
        case hangup
    }

    private let wakePipe: WakePipe
    private let renderRequested = Atomic<Bool>(false)
    private let fullRedrawRequested = Atomic<Bool>(false)
    /// The mouse capture the application wants; the loop applies it on its own thread.
    private let mouseWanted: Atomic<Bool>
    private let environment: [String: String]
    /// Bell, desktop-notification and clipboard bytes to write after the next frame.
    private let pendingAlerts = Mutex<[UInt8]>([])
    /// The open terminal's clipboard support (nil until `run` opens it).
    private let clipboardSupport = Mutex<ClipboardSupport?>(nil)
    /// The terminal while `run` runs (used on the UI thread only, by `runOutside`).
    private let running = RunningTerminal()

    /// Holds the open terminal; touched only by the thread that runs `run` and its handlers.
    private final class RunningTerminal: @unchecked Sendable {
        var terminal: Terminal?
    }

    public init(environment: [String: String] = ProcessInfo.processInfo.environment, mouse: Bool = true) throws {
        self.wakePipe = try WakePipe()
        self.environment = environment
        self.mouseWanted = Atomic(mouse)
    }

    /// Takes the mouse (clicks, wheel) or gives it back to the terminal for selecting text. Safe
    /// from any thread; applied before the next frame.
    public func setMouseCapture(_ on: Bool) {
        mouseWanted.store(on, ordering: .releasing)
        requestRender()
    }

    /// Rings the bell and/or asks the terminal for a desktop notification (OSC 9, which iTerm2,
    /// kitty, WezTerm and Windows Terminal show, and OSC 777, which VTE terminals and foot show).
    /// Safe from any thread; written right after the next frame. The text is sanitized and kept
    /// to one line, and `;` cannot end an OSC 777 field early.
    public func alert(bell: Bool, desktop: (title: String, body: String)?) {
        var bytes: [UInt8] = bell ? [0x07] : []
        if let desktop {
            let clean = { (text: String) in TextSanitizer.oneLine(text, max: 200).replacingOccurrences(of: ";", with: ",") }
            bytes += Array("\u{1b}]9;\(clean(desktop.title)): \(clean(desktop.body))\u{7}".utf8)
            bytes += Array("\u{1b}]777;notify;\(clean(desktop.title));\(clean(desktop.body))\u{7}".utf8)
        }
        guard !bytes.isEmpty else { return }
        pendingAlerts.withLock { $0 += bytes }
        requestRender()
    }

    /// Puts text on the clipboard with OSC 52, written right after the next frame, and says what
    /// is known about the terminal taking it. Nothing is written to a terminal known not to take
    /// it. Safe from any thread.
    public func copyToClipboard(_ text: String) -> ClipboardSupport {
        let support = clipboardSupport.withLock { $0 } ?? Clipboard.support(environment: environment, hasMsCapability: false)
        if case .absent = support { return support }
        pendingAlerts.withLock { $0 += Clipboard.sequence(for: text) }
        requestRender()
        return support
    }

    /// Asks the loop to deliver `.wake` and draw a frame. A burst of requests before the loop
    /// wakes up produces one frame.
    ///
    /// - Parameter fullRedraw: repaint every cell instead of only the changed ones (Ctrl-L, or
    ///   after something else wrote to the terminal).
    public func requestRender(fullRedraw: Bool = false) {
        if fullRedraw { fullRedrawRequested.store(true, ordering: .releasing) }
        if !renderRequested.exchange(true, ordering: .acquiringAndReleasing) {
            wakePipe.wake()
        }
    }

    /// Opens the terminal, runs until the handler returns false, a terminating signal arrives or
    /// stdin closes, and restores the terminal on every way out, thrown errors included (print
    /// the error after this returns: the screen is back to normal then).
    ///
    /// - Parameters:
    ///   - opened: called once the terminal is open, with its columns and rows, before the first
    ///     frame: the application lays out for that size here, so `render` only draws.
    ///   - render: draws the whole screen for the given columns and rows.
    ///   - handle: receives each event; returning false ends the loop.
    ///   - framePresented: called after each frame has been flushed to the terminal (tracing).
    ///   - clockInterval: seconds between `.clock` events, which the loop's own wait times out
    ///     for: a second with nothing else to do wakes this one thread once (no timer thread).
    ///   - clockDemand: asked after each frame when the screen next changes by the clock alone
    ///     (nil: no such change foreseen). The ticks before then are skipped, so an idle screen
    ///     wakes nothing; any other event still brings a clock event along once the last one
    ///     is an interval old, so events are never handled with an older time than before.
    public func run(
        opened: (_ width: Int, _ height: Int) throws -> Void = { _, _ in },
        render: (_ width: Int, _ height: Int) throws -> CellGrid,
        handle: (TerminalEvent) throws -> Bool,
        framePresented: () -> Void = {},
        clockInterval: TimeInterval? = nil,
        clockDemand: (() -> Date?)? = nil
    ) throws -> ExitReason {
        let signals = SignalWatcher(wake: wakePipe)
        defer { signals.stop() }
        var mouse = mouseWanted.load(ordering: .acquiring)
        let terminal = try Terminal(environment: environment, mouse: mouse)
        defer { terminal.restore() }
        clipboardSupport.withLock { $0 = terminal.clipboard }
        running.terminal = terminal
        defer { running.terminal = nil }

        try opened(terminal.size.width, terminal.size.height)
        terminal.present(try render(terminal.size.width, terminal.size.height))
        framePresented()
        var clock = clockInterval.flatMap { ClockSchedule(interval: $0) }
        func planClock() {
            guard let clockDemand, clock != nil else { return }
            let now = ContinuousClock.now
            let change = clockDemand().map { now + .nanoseconds(Self.nanoseconds($0.timeIntervalSinceNow)) }
            clock?.wait(until: change, now: now)
        }
        planClock()
        while true {
            var descriptors = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wakePipe.readFD, events: Int16(POLLIN), revents: 0),
            ]
            if poll(&descriptors, 2, clock?.millisecondsUntilDue() ?? -1) < 0 && errno != EINTR {
                throw TerminalError.system(call: "poll", errno: errno)
            }
            var batch = collectEvents(terminal: terminal, signals: signals, stdinEvents: descriptors[0].revents)
            let now = ContinuousClock.now
            if clock?.takeIfDue(now: now) == true {
                batch.events.insert(.clock(now: Date()), at: 0)
            } else if !batch.events.isEmpty, clock?.isBehind(now: now) == true {
                clock?.taken(now: now)
                batch.events.insert(.clock(now: Date()), at: 0)
            }
            for event in batch.events {
                if try !handle(event) { return .quit }
                if case .signal(let number) = event { return .signal(number) }
            }
            if batch.hangup { return .hangup }
            let wanted = mouseWanted.load(ordering: .acquiring)
            if wanted != mouse {
                mouse = wanted
                terminal.setMouseCapture(wanted)
            }
            if !batch.events.isEmpty {
                terminal.present(try render(terminal.size.width, terminal.size.height))
                framePresented()
                planClock()
            }
            writePendingAlerts()
        }
    }

    /// Gives the terminal to another program while `body` runs (on the UI thread, from an event
    /// handler): the shell's modes and screen come back, then program mode, mouse capture and a
    /// full redraw of the next frame.
    public func runOutside(_ body: () -> Void) {
        guard let terminal = running.terminal else { return body() }
        terminal.leaveForProgram()
        body()
        terminal.returnFromProgram(mouse: mouseWanted.load(ordering: .acquiring))
        requestRender(fullRedraw: true)
    }

    /// Seconds as nanoseconds, saturating (a change centuries away is simply far away).
    static func nanoseconds(_ seconds: TimeInterval) -> Int64 {
        guard !seconds.isNaN else { return 0 }
        return Int64(min(max(seconds * 1e9, -9e18), 9e18))
    }

    private func writePendingAlerts() {
        let bytes = pendingAlerts.withLock { pending -> [UInt8] in
            defer { pending.removeAll() }
            return pending
        }
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { if errno == EINTR { continue } else { return } }
                offset += written
            }
        }
    }

    /// Clears the pending render request; true when there was one.
    func takeRenderRequest() -> Bool {
        renderRequested.exchange(false, ordering: .acquiringAndReleasing)
    }

    /// Empties the wake pipe and says how many bytes were in it (for tests of coalescing).
    func pendingWakeBytes() -> Int { wakePipe.drain() }

    private func collectEvents(terminal: Terminal, signals: SignalWatcher, stdinEvents: Int16) -> (events: [TerminalEvent], hangup: Bool) {
        var events: [TerminalEvent] = []
        wakePipe.drain()
        for number in signals.takePending() {
            switch number {
            case SIGWINCH:
                if let resize = terminal.syncSize() { events.append(resize) }
            case SIGTSTP:
                events.append(terminal.suspend())
            case SIGCONT:
                events.append(terminal.resumeAfterStop())
            default:
                events.append(.signal(number))
            }
        }
        if takeRenderRequest() { events.append(.wake) }
        if stdinEvents & Int16(POLLIN) != 0 { events += terminal.readInput() }
        let hangup = stdinEvents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
        if fullRedrawRequested.exchange(false, ordering: .acquiringAndReleasing) { terminal.invalidate() }
        return (events, hangup)
    }
}
