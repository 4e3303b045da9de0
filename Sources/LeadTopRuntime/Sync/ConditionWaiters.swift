import Foundation

/// Callers waiting for a condition on a value that changes: each change wakes those whose
/// condition now holds, and a deadline wakes the rest with false. Nothing polls, so a test waits
/// exactly as long as the work takes. `lock` guards the waiters.
final class ConditionWaiters<Value: Sendable>: @unchecked Sendable {
    private struct Waiter {
        let condition: @Sendable (Value) -> Bool
        let continuation: CheckedContinuation<Bool, Never>
    }

    private let lock = NSLock()
    private var waiters: [Int: Waiter] = [:]
    private var expired: Set<Int> = []
    private var nextID = 0

    /// Reports a change; call it with the value as it is now, after every change.
    func changed(_ value: Value) {
        let ready: [Waiter] = lock.withLock {
            let ids = waiters.filter { $0.value.condition(value) }.map(\.key)
            return ids.compactMap { waiters.removeValue(forKey: $0) }
        }
        for waiter in ready { waiter.continuation.resume(returning: true) }
    }

    /// True as soon as `condition` holds for the value (`current` reads it now), false if it does
    /// not within `seconds`.
    func wait(seconds: TimeInterval, current: @escaping @Sendable () -> Value,
              until condition: @escaping @Sendable (Value) -> Bool) async -> Bool {
        let id = lock.withLock { nextID += 1; return nextID }
        let deadline = Task { [self] in
            try? await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
            expire(id)
        }
        defer { deadline.cancel() }
        return await withCheckedContinuation { continuation in
            let registered = lock.withLock { () -> Bool in
                guard !expired.contains(id) else { return false }
                waiters[id] = Waiter(condition: condition, continuation: continuation)
                return true
            }
            guard registered else {
                continuation.resume(returning: condition(current()))
                return
            }
            // It may already hold: changes before the waiter was registered woke no one.
            if condition(current()), let waiter = lock.withLock({ waiters.removeValue(forKey: id) }) {
                waiter.continuation.resume(returning: true)
            }
        }
    }

    private func expire(_ id: Int) {
        let waiter = lock.withLock { () -> Waiter? in
            expired.insert(id)
            return waiters.removeValue(forKey: id)
        }
        waiter?.continuation.resume(returning: false)
    }
}
