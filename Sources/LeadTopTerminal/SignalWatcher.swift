import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Receives SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP and SIGCONT through Dispatch signal
/// sources instead of handlers that would run at an arbitrary point: the default actions are
/// turned off, each arrival is only recorded and the UI loop woken, and the loop does the rest
/// (restore, relayout, suspend, redraw after `fg`).
///
/// Created before `newterm`, so ncurses finds the signals already taken and installs no handlers
/// of its own (its SIGTSTP handler would redraw from whichever thread the signal landed on, at
/// the old size). Taking SIGCONT over does not keep a stopped process stopped: the kernel
/// continues it whatever the signal's action.
// @unchecked: `sources` is set once in init and only cancelled afterwards; `pending` is a Mutex.
final class SignalWatcher: @unchecked Sendable {
    static let watched: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP, SIGCONT]

    private let sources: [any DispatchSourceSignal]
    private let pending = Mutex<[Int32]>([])

    init(wake: WakePipe) {
        let queue = DispatchQueue(label: "leadtop.terminal.signals")
        var sources: [any DispatchSourceSignal] = []
        for number in Self.watched {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            sources.append(source)
        }
        self.sources = sources
        for (number, source) in zip(Self.watched, sources) {
            source.setEventHandler { [weak self] in
                self?.pending.withLock { $0.append(number) }
                wake.wake()
            }
            source.resume()
        }
        Self.waitForRegistration(on: queue)
    }

    /// Dispatch takes a signal over (its own handler in place of SIG_IGN) when the source is
    /// installed on its queue, a moment after `resume`. A signal before that meets SIG_IGN and is
    /// lost: a Ctrl-Z or a resize right after the first frame. So the loop starts only once every
    /// watched signal has Dispatch's handler (bounded, in case a Dispatch version installs none).
    private static func waitForRegistration(on queue: DispatchQueue) {
        queue.sync {}
        let deadline = DispatchTime.now() + .seconds(1)
        while watched.contains(where: isIgnored), DispatchTime.now() < deadline {
            usleep(200)
        }
    }

    private static func isIgnored(_ number: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(number, nil, &current) == 0, let handler = current.plainHandler else { return false }
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    /// The signals that arrived since the last call, oldest first.
    func takePending() -> [Int32] {
        pending.withLock { list in
            defer { list.removeAll() }
            return list
        }
    }

    /// Cancels the sources and gives the signals their default actions back.
    func stop() {
        for source in sources { source.cancel() }
        for number in Self.watched { signal(number, SIG_DFL) }
    }
}
