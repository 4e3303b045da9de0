import Foundation
import LeadOSContract

/// What `Y` can copy of a lead. Every text is sanitized first: a hostile name or phone number
/// must not put escape sequences on the clipboard, where a paste into a shell would run them.
public enum CopyChoice: String, CaseIterable, Sendable, Hashable {
    case email, phone, linkedIn, json, vCard

    /// The menu's keys: a letter, and the row's number.
    public var keys: [Character] {
        switch self {
        case .email: ["e", "1"]
        case .phone: ["p", "2"]
        case .linkedIn: ["l", "3"]
        case .json: ["j", "4"]
        case .vCard: ["v", "5"]
        }
    }

    public static func choice(for key: Character) -> CopyChoice? {
        allCases.first { $0.keys.contains(key) }
    }

    /// The menu's words for it.
    public var label: String {
        switch self {
        case .email: "email"
        case .phone: "phone"
        case .linkedIn: "LinkedIn URL"
        case .json: "the whole lead as JSON"
        case .vCard: "vCard (contacts)"
        }
    }

    /// The text copied, or nil when the lead has no such field.
    public func text(for lead: Lead) -> String? {
        switch self {
        case .email: Self.field(lead.email)
        case .phone: Self.field(lead.phone)
        case .linkedIn: Self.field(lead.linkedinURL)
        case .json: Self.json(lead)
        case .vCard: VCard.card(for: lead)
        }
    }

    /// How the status bar names what was copied.
    public func describe(_ lead: Lead) -> String {
        switch self {
        case .email, .phone: text(for: lead) ?? label
        case .linkedIn: "the LinkedIn URL of \(lead.fullName)"
        case .json: "\(lead.fullName) as JSON"
        case .vCard: "\(lead.fullName) as a vCard"
        }
    }

    /// Why nothing was copied: the lead has no such field.
    public func missing(_ lead: Lead) -> String {
        switch self {
        case .email: "\(lead.fullName) has no email"
        case .phone: "\(lead.fullName) has no phone number"
        case .linkedIn: "\(lead.fullName) has no LinkedIn URL"
        case .json, .vCard: "\(lead.fullName) cannot be copied"
        }
    }

    private static func field(_ value: String?) -> String? {
        guard let value else { return nil }
        let clean = TextSanitizer.sanitize(value).trimmingCharacters(in: .whitespaces)
        return clean.isEmpty ? nil : clean
    }

    /// The lead as LeadOS sends it (contract field names, nulls included), indented, keys sorted.
    /// JSON escapes control characters itself, so the text needs no sanitizing.
    static func json(_ lead: Lead) -> String? {
        let encoder = LeadOSJSON.makeEncoder()
        encoder.outputFormatting.insert(.prettyPrinted)
        return (try? encoder.encode(lead)).map { String(decoding: $0, as: UTF8.self) }
    }
}
