import LeadOSContract

/// A minimal vCard 3.0 (RFC 2426) of a lead, for address books: FN, N, EMAIL, TEL, ORG, TITLE and
/// URL. Values are sanitized, then escaped (`\\`, `,`, `;`, newlines); lines end in CRLF and are
/// folded at 75 bytes without splitting a UTF-8 character.
public enum VCard {
    public static func card(for lead: Lead) -> String {
        let name = clean(lead.fullName)
        var lines = ["BEGIN:VCARD", "VERSION:3.0", "FN:" + escape(name), "N:" + structuredName(name)]
        if let email = lead.email.map(clean), !email.isEmpty { lines.append("EMAIL;TYPE=INTERNET:" + escape(email)) }
        if let phone = lead.phone.map(clean), !phone.isEmpty { lines.append("TEL;TYPE=WORK:" + escape(phone)) }
        let company = clean(lead.companyName)
        if !company.isEmpty { lines.append("ORG:" + escape(company)) }
        let title = clean(lead.jobTitle)
        if !title.isEmpty { lines.append("TITLE:" + escape(title)) }
        if let url = lead.linkedinURL.flatMap(WebLink.validated) { lines.append("URL:" + url) }
        lines.append("END:VCARD")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `N:family;given;;;`. LeadOS has one name field: its last word is taken as the family name.
    static func structuredName(_ name: String) -> String {
        let words = name.split(separator: " ").map(String.init)
        guard let family = words.last else { return ";;;;" }
        return escape(family) + ";" + escape(words.dropLast().joined(separator: " ")) + ";;;"
    }

    static func clean(_ text: String) -> String {
        TextSanitizer.sanitize(text).trimmingCharacters(in: .whitespaces)
    }

    /// RFC 2426 §4: backslash, comma and semicolon are escaped, a newline becomes `\n`.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\": out += "\\\\"
            case ",": out += "\\,"
            case ";": out += "\\;"
            case "\n", "\r\n", "\r": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    /// Lines longer than 75 bytes continue on the next line after a space (RFC 2425 §5.8.1).
    static func fold(_ line: String) -> String {
        var pieces: [String] = []
        var current = ""
        var bytes = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            let limit = pieces.isEmpty ? 75 : 74
            if bytes + size > limit {
                pieces.append(current)
                current = ""
                bytes = 0
            }
            current.unicodeScalars.append(scalar)
            bytes += size
        }
        pieces.append(current)
        return pieces.joined(separator: "\r\n ")
    }
}
