import Foundation

/// The time source of the sync engine; injected so timing logic is tested without waiting.
public protocol SyncClock: Sendable {
    func now() -> Date
}

public struct SystemClock: SyncClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A scheduled piece of work that can be called off.
public protocol ScheduledWork: Sendable {
    func cancel()
}

/// Runs work after a delay. The engine's pollers and outbox retries are one-shot timers that
/// re-arm after each reply, so this is all they need.
public protocol SyncScheduler: Sendable {
    @discardableResult
    func schedule(after seconds: TimeInterval, _ work: @escaping @Sendable () -> Void) -> any ScheduledWork
}

/// Real timers: one-shot `DispatchSourceTimer`s on a queue.
public final class DispatchScheduler: SyncScheduler {
    private let queue: DispatchQueue

    public init(queue: DispatchQueue = DispatchQueue(label: "leadtop.sync.timers")) { self.queue = queue }

    @discardableResult
    public func schedule(after seconds: TimeInterval, _ work: @escaping @Sendable () -> Void) -> any ScheduledWork {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + max(0, seconds), leeway: .milliseconds(10))
        timer.setEventHandler { work(); timer.cancel() }
        timer.resume()
        return DispatchWork(timer: timer)
    }

    private struct DispatchWork: ScheduledWork, @unchecked Sendable {
        let timer: any DispatchSourceTimer
        func cancel() { timer.cancel() }
    }
}

/// A clock and scheduler that move only when told to (`advance(by:)`), for tests: timers fire in
/// due order, synchronously, on the caller's thread. All state is guarded by `lock`.
public final class ManualScheduler: SyncScheduler, SyncClock, @unchecked Sendable {
    private struct Entry {
        let id: Int
        let due: Date
        let work: @Sendable () -> Void
    }

    private let lock = NSLock()
    private var current: Date
    private var entries: [Entry] = []
    private var nextID = 0
    private var cancelled: Set<Int> = []
    private let waiters = ConditionWaiters<[TimeInterval]>()

    public init(start: Date = Date(timeIntervalSince1970: 1_800_000_000)) { current = start }

    public func now() -> Date { lock.lock(); defer { lock.unlock() }; return current }

    @discardableResult
    public func schedule(after seconds: TimeInterval, _ work: @escaping @Sendable () -> Void) -> any ScheduledWork {
        let id = lock.withLock {
            nextID += 1
            entries.append(Entry(id: nextID, due: current.addingTimeInterval(max(0, seconds)), work: work))
            return nextID
        }
        waiters.changed(pendingDelays)
        return ManualWork(id: id, owner: self)
    }

    /// Delays of the timers still pending, from now, soonest first.
    public var pendingDelays: [TimeInterval] {
        lock.lock(); defer { lock.unlock() }
        return entries.filter { !cancelled.contains($0.id) }.map { $0.due.timeIntervalSince(current) }.sorted()
    }

    /// Waits until `condition` holds for `pendingDelays`, woken whenever a timer is armed, called
    /// off or run; false if it does not within `seconds`. For tests whose timers are armed by
    /// replies still on the network.
    public func until(_ seconds: TimeInterval = 30, _ condition: @escaping @Sendable ([TimeInterval]) -> Bool) async -> Bool {
        await waiters.wait(seconds: seconds, current: { [self] in pendingDelays }, until: condition)
    }

    /// Moves time forward, running every timer that falls due, in order.
    public func advance(by seconds: TimeInterval) {
        lock.lock()
        let target = current.addingTimeInterval(seconds)
        lock.unlock()
        while true {
            lock.lock()
            entries.removeAll { cancelled.contains($0.id) }
            guard let index = entries.indices.filter({ entries[$0].due <= target })
                .min(by: { (entries[$0].due, entries[$0].id) < (entries[$1].due, entries[$1].id) }) else {
                current = target
                lock.unlock()
                waiters.changed(pendingDelays)
                return
            }
            let entry = entries.remove(at: index)
            current = max(current, entry.due)
            lock.unlock()
            waiters.changed(pendingDelays)
            entry.work()
        }
    }

    fileprivate func cancel(id: Int) {
        lock.lock(); cancelled.insert(id); lock.unlock()
        waiters.changed(pendingDelays)
    }

    private struct ManualWork: ScheduledWork {
        let id: Int
        let owner: ManualScheduler
        func cancel() { owner.cancel(id: id) }
    }
}
