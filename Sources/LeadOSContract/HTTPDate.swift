import Foundation

/// HTTP's `Date` header (RFC 9110 IMF-fixdate, `Sun, 06 Dec 2026 17:05:08 GMT`): LeadOS's clock
/// as it answered. Built on `Timestamp`, so both formats share one calendar.
public enum HTTPDate {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]

    /// Parses IMF-fixdate; the weekday is not checked. Anything else is nil.
    public static func parse(_ text: String) -> Date? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0].count == 4, parts[0].hasSuffix(","), parts[5] == "GMT",
              parts[1].count == 2, parts[3].count == 4, parts[4].count == 8,
              let month = months.firstIndex(of: String(parts[2]))
        else { return nil }
        let monthNumber = month + 1 < 10 ? "0\(month + 1)" : "\(month + 1)"
        return Timestamp.parse("\(parts[3])-\(monthNumber)-\(parts[1])T\(parts[4])Z")
    }

    /// Formats a date as IMF-fixdate, truncating sub-second precision.
    public static func format(_ date: Date) -> String {
        // The format has four-digit years only.
        let date = min(max(date, Date(timeIntervalSince1970: -62_135_596_800)), Date(timeIntervalSince1970: 253_402_300_799))
        let stamp = Array(Timestamp.format(date))   // YYYY-MM-DDTHH:MM:SSZ
        let seconds = Int64(floor(date.timeIntervalSince1970))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let weekday = weekdays[Int(((days % 7) + 7) % 7)]
        let month = months[(Int(String(stamp[5...6])) ?? 1) - 1]
        return "\(weekday), \(String(stamp[8...9])) \(month) \(String(stamp[0...3])) \(String(stamp[11...18])) GMT"
    }
}
