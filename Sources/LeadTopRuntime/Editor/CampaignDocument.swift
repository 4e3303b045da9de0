import Foundation
import LeadOSContract
import LeadTopCore
import TOMLKit

/// A campaign's writable fields as the commented TOML document `E` opens in the user's editor,
/// and that document read back. Reading is strict: an unknown key or a value of the wrong type is
/// named with its line, so the editor can be opened again with the reason on top.
public enum CampaignDocument {
    /// The document for `request`, with `problem` (if any) as comments on top.
    public static func text(for request: CampaignEditorRequest) -> String {
        let v = request.values
        var lines: [String] = []
        if let problem = request.problem {
            lines.append("# ERROR: \(TextSanitizer.oneLine(problem, max: 400))")
            lines.append("#")
        }
        lines += [
            "# Campaign \(TextSanitizer.oneLine(request.name, max: 100)) (\(request.campaignID)).",
            "# Save and quit to send the changed fields to LeadOS; empty the file to cancel.",
            "# Lines starting with # are ignored. An empty list means any.",
            "",
            "name = \(quoted(v.name))",
            "job_titles = \(list(v.jobTitles))          # 1 to 50",
            "industries = \(list(v.industries))",
            "company_sizes = \(array(v.companySizes.map(\.rawValue)))",
            "# company sizes: \(CompanySize.allCases.map(\.rawValue).joined(separator: ", "))",
            "geographies = \(list(v.geographies))",
            "min_score = \(v.minScore.isEmpty ? "60" : v.minScore)          # 0 to 100",
            "enrichment_level = \(quoted(v.enrichment.rawValue))   # basic (1 credit a lead), email (2), email_phone (4)",
            "daily_lead_cap = \(v.dailyCap.isEmpty ? "25" : v.dailyCap)     # 1 to 1000",
            "total_lead_cap = \(v.totalCap.trimmingCharacters(in: .whitespaces).isEmpty ? "\"none\"" : v.totalCap)"
                + "   # \"none\", or more than the \(request.leadsDelivered) leads delivered",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Why a document could not be read.
    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        public var description: String
    }

    static let keys = ["name", "job_titles", "industries", "company_sizes", "geographies", "min_score",
                       "enrichment_level", "daily_lead_cap", "total_lead_cap"]

    /// The values a saved document holds; nil for an empty one (cancelled). A missing key keeps
    /// `base`'s value.
    public static func values(from text: String, base: CampaignForm.Values) throws(Problem) -> CampaignForm.Values? {
        let meaningful = text.split(separator: "\n").contains { line in
            let t = line.trimmingCharacters(in: .whitespaces)
            return !t.isEmpty && !t.hasPrefix("#")
        }
        guard meaningful else { return nil }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw Problem(description: "line \(error.source.begin.line): \(error.description)")
        } catch {
            throw Problem(description: String(describing: error))
        }
        for key in table.keys.sorted() where !keys.contains(key) {
            let hint = NearestName.suggest(key, among: keys).map { " (did you mean \($0)?)" } ?? ""
            throw Problem(description: "unknown key \(key)\(hint)")
        }
        var v = base
        func string(_ key: String) throws(Problem) -> String? {
            guard let value = table[key] else { return nil }
            guard let s = value.string else { throw Problem(description: "\(key) must be a quoted string") }
            return s
        }
        func strings(_ key: String) throws(Problem) -> [String]? {
            guard let value = table[key] else { return nil }
            guard let array = value.array, array.allSatisfy({ $0.string != nil }) else {
                throw Problem(description: "\(key) must be a list of quoted strings, like [\"a\", \"b\"]")
            }
            return array.compactMap(\.string)
        }
        func number(_ key: String) throws(Problem) -> String? {
            guard let value = table[key] else { return nil }
            guard let n = value.int else { throw Problem(description: "\(key) must be a whole number") }
            return String(n)
        }
        if let name = try string("name") { v.name = name }
        if let titles = try strings("job_titles") { v.jobTitles = titles.joined(separator: ", ") }
        if let industries = try strings("industries") { v.industries = industries.joined(separator: ", ") }
        if let geographies = try strings("geographies") { v.geographies = geographies.joined(separator: ", ") }
        if let sizes = try strings("company_sizes") {
            var parsed: [CompanySize] = []
            for text in sizes {
                guard let size = CompanySize(rawValue: text) else {
                    throw Problem(description: "company_sizes: \(text) is not one of \(CompanySize.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                parsed.append(size)
            }
            v.companySizes = CompanySize.allCases.filter(parsed.contains)
        }
        if let score = try number("min_score") { v.minScore = score }
        if let level = try string("enrichment_level") {
            guard let parsed = EnrichmentLevel(rawValue: level) else {
                throw Problem(description: "enrichment_level must be basic, email or email_phone, not \(level)")
            }
            v.enrichment = parsed
        }
        if let daily = try number("daily_lead_cap") { v.dailyCap = daily }
        if let value = table["total_lead_cap"] {
            if let n = value.int { v.totalCap = String(n) } else if value.string?.lowercased() == "none" { v.totalCap = "" } else {
                throw Problem(description: "total_lead_cap must be a whole number or \"none\"")
            }
        }
        return v
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += String(format: "\\u%04X", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    private static func array(_ items: [String]) -> String { "[" + items.map(quoted).joined(separator: ", ") + "]" }

    private static func list(_ commaSeparated: String) -> String {
        array(commaSeparated.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }
}
