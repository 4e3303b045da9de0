import Foundation

/// The contract's wire formats for time: `2026-05-07T14:23:00Z` timestamps (UTC, whole seconds)
/// and `2026-05-07` dates. Hand-written because the feed decodes thousands of them per page and
/// `ISO8601DateFormatter` is neither fast nor `Sendable`.
public enum Timestamp {
    /// Formats a date as `YYYY-MM-DDTHH:MM:SSZ`, truncating sub-second precision.
    public static func format(_ date: Date) -> String {
        let seconds = wholeSeconds(date)
        let (day, secondOfDay) = divFloor(seconds, 86_400)
        let (y, m, d) = civilFromDays(day)
        let hh = secondOfDay / 3600, mm = (secondOfDay % 3600) / 60, ss = secondOfDay % 60
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(hh, 2)):\(pad(mm, 2)):\(pad(ss, 2))Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SSZ` exactly; anything else (offsets, fractions, bad fields) is nil.
    public static func parse(_ text: String) -> Date? {
        parse(utf8: Array(text.utf8))
    }

    /// `parse` on a text's bytes (indexed from 0), for a reader that has them without a `String`.
    static func parse<Bytes: RandomAccessCollection<UInt8>>(utf8 u: Bytes) -> Date? where Bytes.Index == Int {
        guard u.startIndex == 0, u.count == 20, u[4] == 45, u[7] == 45, u[10] == 84, u[13] == 58, u[16] == 58, u[19] == 90,
              let y = digits(u, 0, 4), let mo = digits(u, 5, 2), let d = digits(u, 8, 2),
              let h = digits(u, 11, 2), let mi = digits(u, 14, 2), let s = digits(u, 17, 2),
              (1...12).contains(mo), d >= 1, d <= daysInMonth(y, mo), h < 24, mi < 60, s < 60
        else { return nil }
        let days = daysFromCivil(y, mo, d)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + Int64(h * 3600 + mi * 60 + s)))
    }

    /// Formats the UTC day of a date as `YYYY-MM-DD`.
    public static func formatDay(_ date: Date) -> String {
        let (day, _) = divFloor(wholeSeconds(date), 86_400)
        let (y, m, d) = civilFromDays(day)
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    /// Parses `YYYY-MM-DD` into midnight UTC of that day.
    public static func parseDay(_ text: String) -> Date? {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == 45, u[7] == 45,
              let y = digits(u, 0, 4), let mo = digits(u, 5, 2), let d = digits(u, 8, 2),
              (1...12).contains(mo), d >= 1, d <= daysInMonth(y, mo)
        else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(daysFromCivil(y, mo, d) * 86_400))
    }

    /// Midnight UTC of the day that contains `date`.
    public static func startOfDay(_ date: Date) -> Date {
        let (day, _) = divFloor(wholeSeconds(date), 86_400)
        return Date(timeIntervalSince1970: TimeInterval(day * 86_400))
    }

    /// Midnight UTC on the first day of the month that contains `date`, moved by `months`.
    public static func startOfMonth(_ date: Date, addingMonths months: Int = 0) -> Date {
        let (day, _) = divFloor(wholeSeconds(date), 86_400)
        let (y, m, _) = civilFromDays(day)
        let total = y * 12 + (m - 1) + months
        let ny = Int(divFloor(Int64(total), 12).0), nm = Int(divFloor(Int64(total), 12).1) + 1
        return Date(timeIntervalSince1970: TimeInterval(daysFromCivil(ny, nm, 1) * 86_400))
    }

    /// The four-digit years the wire format can hold, in seconds since 1970.
    public static let representable: ClosedRange<TimeInterval> = -62_167_219_200...253_402_300_799

    /// Whole seconds since 1970, clamped to `representable` (NaN to 1970): dates computed from
    /// outside numbers, like a run-out date or a retry time, format as the nearest year the wire
    /// format can hold instead of overflowing the calendar arithmetic.
    static func wholeSeconds(_ date: Date) -> Int64 {
        let t = date.timeIntervalSince1970
        guard !t.isNaN else { return 0 }
        return Int64(floor(min(max(t, representable.lowerBound), representable.upperBound)))
    }

    // MARK: - Civil calendar arithmetic (Howard Hinnant's algorithms)

    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int64 {
        let y = Int64(m <= 2 ? y0 - 1 : y0)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = Int64(m > 2 ? m - 3 : m + 9)
        let doy = (153 * mp + 2) / 5 + Int64(d) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ z0: Int64) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(m <= 2 ? y + 1 : y), Int(m), Int(d))
    }

    static func daysInMonth(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func divFloor(_ a: Int64, _ b: Int64) -> (Int64, Int) {
        var q = a / b, r = a % b
        if r < 0 { q -= 1; r += b }
        return (q, Int(r))
    }

    private static func digits<Bytes: RandomAccessCollection<UInt8>>(_ u: Bytes, _ start: Int, _ count: Int) -> Int?
    where Bytes.Index == Int {
        var v = 0
        for i in start..<(start + count) {
            let c = u[i]
            guard c >= 48, c <= 57 else { return nil }
            v = v * 10 + Int(c - 48)
        }
        return v
    }

    private static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
