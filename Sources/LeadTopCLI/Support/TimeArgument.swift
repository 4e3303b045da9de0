import ArgumentParser
import Foundation
import LeadOSAPI

/// A point in time on the command line: a timestamp (`2026-05-07T14:23:00Z`), a UTC day
/// (`2026-05-07`, its midnight), or a span back from now (`90s`, `30m`, `24h`, `7d`).
struct TimeArgument: ExpressibleByArgument, Sendable, Hashable {
    enum Value: Sendable, Hashable {
        case absolute(Date)
        case ago(TimeInterval)
    }

    var value: Value

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces)
        if let date = Timestamp.parse(text) ?? Timestamp.parseDay(text) {
            value = .absolute(date)
            return
        }
        let units: [(Character, TimeInterval)] = [("s", 1), ("m", 60), ("h", 3600), ("d", 86_400)]
        guard let unit = text.last, let factor = units.first(where: { $0.0 == unit })?.1,
              let amount = Int(text.dropLast()), amount >= 0, amount <= 36_500 * 86_400 / Int(factor) else { return nil }
        value = .ago(TimeInterval(amount) * factor)
    }

    func date(now: Date) -> Date {
        switch value {
        case .absolute(let date): return date
        case .ago(let seconds): return now.addingTimeInterval(-seconds)
        }
    }
}

/// A UTC day for `stats`: `2026-05-07`, or `today`, or days back (`7d`).
struct DayArgument: ExpressibleByArgument, Sendable, Hashable {
    var value: TimeArgument.Value

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces)
        if text == "today" { value = .ago(0); return }
        if let date = Timestamp.parseDay(text) { value = .absolute(date); return }
        guard text.hasSuffix("d"), let days = Int(text.dropLast()), (0...36_500).contains(days) else { return nil }
        value = .ago(TimeInterval(days) * 86_400)
    }

    func day(now: Date) -> String {
        Timestamp.formatDay(TimeArgument(value: value).date(now: now))
    }
}

extension TimeArgument {
    init(value: Value) { self.value = value }
}
