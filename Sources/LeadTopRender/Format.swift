import Foundation
import LeadOSAPI

/// Number, age and date formatting for cells; locale-independent so screens are reproducible.
public enum Format {
    /// `1234567` → `1,234,567`.
    public static func thousands(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    /// A compact age: `12s`, `5m`, `3h`, `2d`.
    public static func age(_ seconds: TimeInterval) -> String {
        let s = max(0, Int(seconds))
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" }
        if s < 86_400 { return "\(s / 3600)h" }
        // Years past 999 days, so the age column (4 cells) never truncates.
        if s < 1_000 * 86_400 { return "\(s / 86_400)d" }
        return "\(s / (365 * 86_400))y"
    }

    /// One decimal place, e.g. `78.4`.
    public static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }

    public static func day(_ date: Date) -> String { Timestamp.formatDay(date) }

    /// `2026-05-07` → `05-07`.
    public static func monthDay(_ isoDay: String) -> String {
        isoDay.count == 10 ? String(isoDay.suffix(5)) : isoDay
    }

    /// `HH:MM` UTC.
    public static func clock(_ date: Date) -> String {
        let t = Timestamp.format(date)
        return String(t.dropFirst(11).prefix(5))
    }
}
