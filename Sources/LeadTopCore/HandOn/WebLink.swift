/// A URL from LeadOS that may be handed to a browser or written into a hyperlink: only http and
/// https, no whitespace or control characters, at most `maxLength` bytes. Anything else (a
/// `javascript:` or `file:` URL, a URL carrying an escape sequence) is refused, not repaired.
public enum WebLink {
    public static let maxLength = 2_048

    /// The URL when it is safe to open as it is, else nil.
    public static func validated(_ text: String) -> String? {
        guard !text.isEmpty, text.utf8.count <= maxLength else { return nil }
        // Printable ASCII only: a URL's other characters are percent-encoded, and this keeps
        // control characters, bidi overrides and look-alike spaces out in one test.
        guard text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        let lowered = text.lowercased()
        for scheme in ["https://", "http://"] where lowered.hasPrefix(scheme) {
            return lowered.count > scheme.count ? text : nil
        }
        return nil
    }
}
