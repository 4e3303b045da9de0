import LeadTopCore
import TOMLKit

/// `[notify]`: what notifies, and how.
///
/// ```toml
/// [notify]
/// score_at_least = 90
/// balance_below = 500
/// campaign_paused = true
/// campaign = ["EU fintech buyers"]   # only these (a name or a list); all when absent
/// bell = true
/// desktop = true                     # OSC 9 / OSC 777
/// command = "notify-send leadtop"    # the event as JSON on stdin
/// ```
extension ConfigFile {
    static let notifyKeys = ["score_at_least", "balance_below", "campaign_paused", "campaign", "bell", "desktop", "command"]

    static func notifyRules(_ table: TOMLTable, path: String,
                            locate: (String, String?) -> Int?) throws(ConfigError) -> NotifyRules {
        var rules = NotifyRules()
        func fail(_ key: String, _ expected: String) -> ConfigError {
            .invalidValue(path: path, line: locate(key, "notify"), key: "notify.\(key)", expected: expected)
        }
        if let v = table["score_at_least"] {
            guard let n = v.int, (0...100).contains(n) else { throw fail("score_at_least", "a score 0–100") }
            rules.scoreAtLeast = n
        }
        if let v = table["balance_below"] {
            guard let n = v.int, n >= 0, n <= 1_000_000_000 else { throw fail("balance_below", "a number of credits") }
            rules.balanceBelow = n
        }
        for (key, keyPath) in [("campaign_paused", \NotifyRules.campaignPaused), ("bell", \.bell), ("desktop", \.desktop)] {
            guard let v = table[key] else { continue }
            guard let b = v.bool else { throw fail(key, "true or false") }
            rules[keyPath: keyPath] = b
        }
        if let v = table["campaign"] {
            if let one = v.string {
                rules.campaigns = [one]
            } else if let many = v.array, many.allSatisfy({ $0.string != nil }) {
                rules.campaigns = many.compactMap(\.string)
            } else {
                throw fail("campaign", "a campaign name or a list of names")
            }
        }
        if let v = table["command"] {
            guard let command = v.string, !command.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw fail("command", "a command line (it gets the event as JSON on standard input)")
            }
            rules.command = command
        }
        return rules
    }
}
