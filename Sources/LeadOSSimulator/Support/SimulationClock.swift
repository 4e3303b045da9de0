import Foundation
import Synchronization

/// The simulator's notion of "now": a start instant plus real elapsed time times a speed, plus any
/// manual advances. Speed 0 freezes time so tests move it only with `advance(by:)`.
public final class SimulationClock: Sendable {
    private struct State { var anchorReal: Date; var anchorSim: Date; var speed: Double }
    private let state: Mutex<State>
    private let realNow: @Sendable () -> Date

    public init(start: Date, speed: Double, realNow: @escaping @Sendable () -> Date = { Date() }) {
        self.realNow = realNow
        state = Mutex(State(anchorReal: realNow(), anchorSim: start, speed: max(0, speed)))
    }

    public func now() -> Date {
        let real = realNow()
        return state.withLock { s in s.anchorSim.addingTimeInterval(real.timeIntervalSince(s.anchorReal) * s.speed) }
    }

    /// Moves simulated time forward (never backward).
    public func advance(by seconds: TimeInterval) {
        let real = realNow()
        state.withLock { s in
            s.anchorSim = s.anchorSim.addingTimeInterval(real.timeIntervalSince(s.anchorReal) * s.speed + max(0, seconds))
            s.anchorReal = real
        }
    }

    public var speed: Double { state.withLock { $0.speed } }
}
