import Foundation
import LeadOSContract

/// Number, age and date formatting for cells; locale-independent so screens are reproducible.
///
/// Every function here is total: whatever number or date reaches it (`Int.min`, `1e300`, NaN, a
/// date ten thousand years away) gives a string, never a trap. Values are checked at decode
/// (`ContractRange`), but a valid value can still be extreme, and derived values (a run-out date,
/// a retry time) are not checked at all.
public enum Format {
    /// `1234567` → `1,234,567`.
    public static func thousands(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    /// A compact age: `12s`, `5m`, `3h`, `2d`, `4y`. Negative and NaN ages are `0s`.
    public static func age(_ seconds: TimeInterval) -> String {
        let s = max(0, Int(saturating: seconds))
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" }
        if s < 86_400 { return "\(s / 3600)h" }
        // Years past 999 days, so the age column (4 cells) never truncates.
        if s < 1_000 * 86_400 { return "\(s / 86_400)d" }
        return "\(s / (365 * 86_400))y"
    }

    /// The first instant after `now` at which `age(now - reference)` reads differently: the next
    /// whole second, minute, hour, day or year of the age. Ages are cut to whole seconds towards
    /// zero, so a reference in the future reads `0s` until one second after it.
    public static func nextAgeChange(since reference: Date, now: Date) -> Date {
        let s = max(0, Int(saturating: now.timeIntervalSince(reference)))
        let unit: Int
        if s < 60 { unit = 1 } else if s < 3600 { unit = 60 } else if s < 86_400 { unit = 3600 }
        else if s < 1_000 * 86_400 { unit = 86_400 } else { unit = 365 * 86_400 }
        // In Double: an age near Int.max must not overflow on its way to the next unit.
        return reference.addingTimeInterval((Double(s / unit) + 1) * Double(unit))
    }

    /// One decimal place, e.g. `78.4`; `–` for NaN and infinities, and the shortest exact form
    /// (`4.6e+18`) for magnitudes whose tenths would not fit an `Int`.
    public static func oneDecimal(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        guard value.magnitude < 1e17 else { return "\(value)" }
        let tenths = Int(saturating: (value * 10).rounded())
        let magnitude = tenths.magnitude
        return (tenths < 0 ? "-" : "") + "\(magnitude / 10).\(magnitude % 10)"
    }

    /// `2026-05-07`; a date beyond the four-digit years shows as the nearest one.
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

    /// Whole days from `now` to `date`, never negative, saturating for absurd dates.
    public static func daysUntil(_ date: Date, from now: Date) -> Int {
        max(0, Int(saturating: date.timeIntervalSince(now) / 86_400))
    }
}
