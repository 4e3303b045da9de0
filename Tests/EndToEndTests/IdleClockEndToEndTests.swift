import Foundation
import Testing

/// The real binary, idle: the clock wakes the UI only when something on screen reads it
/// differently. With no young lead and a fresh feed, seconds pass with no tick and no frame; a
/// lead delivered now brings the per-second ticks of its age back.
@Suite("Idle clock in tmux", .serialized)
struct IdleClockEndToEndTests {
    /// Trace lines of `kind` (`tick`, `frame`) stamped at or after `since`.
    static func count(_ kind: String, in trace: String, since: UInt64) -> Int {
        trace.split(separator: "\n").filter { line in
            let parts = line.split(separator: " ", maxSplits: 2)
            return parts.count >= 2 && parts[1] == kind && (UInt64(parts[0]) ?? 0) >= since
        }.count
    }

    static var nowNanoseconds: UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }

    @Test("an idle dashboard sleeps through seconds that change nothing, and ticks for a young lead")
    func idleSecondsWakeNothing() async throws {
        let dashboard = DashboardEndToEndTests()
        let h = try await dashboard.start()
        do {
            // Older leads than a minute only move once a minute (or hour), each at its own second.
            let newest = h.sim.world.leads().map(\.deliveredAt).max() ?? .distantPast
            #expect(Date().timeIntervalSince(newest) > 60, "the account has no lead younger than a minute")
            try await Task.sleep(for: .seconds(2))
            let quiet = Self.nowNanoseconds
            let start = Date()
            try await Task.sleep(for: .seconds(6))
            let ticks = Self.count("tick", in: h.trace, since: quiet)
            let frames = Self.count("frame", in: h.trace, since: quiet)
            // Six seconds of 1 Hz ticks were six frames; now only ages that roll over to their
            // next minute or hour wake the screen: the seconds at which one of the newest leads
            // (more than the feed shows) does so in the window, and one for the window's edges.
            let rollovers = Set(h.sim.world.leads().sorted { $0.deliveredAt > $1.deliveredAt }.prefix(40).compactMap { lead -> Int? in
                let unit: TimeInterval = start.timeIntervalSince(lead.deliveredAt) < 3_600 ? 60 : 3_600
                let age = start.timeIntervalSince(lead.deliveredAt)
                let next = lead.deliveredAt.addingTimeInterval(((age / unit).rounded(.down) + 1) * unit)
                return next.timeIntervalSince(start) <= 6.5 ? Int(next.timeIntervalSince1970) : nil
            }).count
            #expect(ticks <= rollovers + 1, "\(ticks) ticks in 6 s of idle, \(rollovers) ages rolled over")
            #expect(frames <= rollovers + 1, "\(frames) frames in 6 s of idle, \(rollovers) ages rolled over")
            #expect(rollovers < 5, "the window is quiet enough to tell a sleeping clock from one ticking every second")
            let screen = try h.session.capture()
            #expect(!screen[39].contains("updated"), "a fresh feed shows no refresh age: \(screen[39])")

            let lead = try #require(h.sim.world.deliver(count: 1).first)
            let firstName = String((lead.fullName.split(separator: " ").first ?? "").prefix(6))
            try await h.session.waitForAsync(timeout: 8, "the new lead") { screen in
                screen.contains { $0.contains("NEW") && $0.contains(firstName) }
            }
            let young = Self.nowNanoseconds
            try await h.session.waitForAsync(timeout: 8, "the new lead's age ticking") { screen in
                screen.contains { $0.contains("NEW") && $0.contains(firstName) && $0.contains(" 7s ") }
            }
            #expect(Self.count("tick", in: h.trace, since: young) >= 3)
        } catch {
            await h.close()
            throw error
        }
        await h.close()
    }
}
