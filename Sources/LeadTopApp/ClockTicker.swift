import Dispatch
import Foundation

/// Sends the wall-clock time once a second: ages in the status bar and NEW marks depend on it.
/// One timer wake-up a second is the dashboard's only idle work.
public final class ClockTicker: @unchecked Sendable {
    // Invariant: `timer` is created in init and only started/cancelled afterwards.
    private let timer: DispatchSourceTimer

    public init(interval: TimeInterval = 1, tick: @escaping @Sendable (Date) -> Void) {
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
        timer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(100))
        timer.setEventHandler { tick(Date()) }
    }

    public func start() { timer.resume() }
    public func stop() { timer.cancel() }
}
