import Foundation
import LeadOSAPI
import LeadTopCore

/// Retiring: the dashboard switched to another profile. The old account's writes were made for
/// it, so they still go to it, and only they: polls and push stop at once, the outbox is sent
/// until it is empty, and then the machine stops. A write that cannot go now (the key refused, or
/// `retireAttempts` failed tries in a row) stays in that profile's outbox, which is durable, and
/// goes out when the profile is opened again.
extension SyncMachine {
    /// Failed tries of one write, while retiring, before it is left for the profile's next start.
    static let retireAttempts = 3

    mutating func retire() {
        switch phase {
        case .idle:
            phase = .stopped
            send(.finishRetiring)
        case .running:
            phase = .retiring
            for channel in timers.keys.sorted() where channel != .outbox { cancelTimer(channel) }
            if configuration.pushEnabled { send(.stopReceiver) }
            if keyRejection != nil {
                finishRetiring()
            } else if outbox.inFlight == nil && !isArmed(.outbox) {
                send(.loadNextWrite)
            }
        case .retiring, .stopped:
            break
        }
    }

    /// Stops for good: what is still queued stays in the store.
    mutating func finishRetiring() {
        guard phase == .retiring else { return }
        phase = .stopped
        for channel in timers.keys.sorted() { cancelTimer(channel) }
        send(.finishRetiring)
    }

    /// While retiring, a write that failed again: one more try after the usual wait, or the end.
    mutating func retiringWriteFailed() -> Bool {
        guard phase == .retiring, outbox.failures >= Self.retireAttempts else { return false }
        finishRetiring()
        return true
    }
}
