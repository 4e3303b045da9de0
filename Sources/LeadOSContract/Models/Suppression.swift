/// `POST /v1/suppression` request body.
public struct SuppressionRequest: Codable, Sendable, Hashable {
    public var emails: [String]
    public init(emails: [String]) { self.emails = emails }
}

/// `POST /v1/suppression` result (API.md §7.10).
public struct SuppressionResult: Codable, Sendable, Hashable {
    public var added: Int
    public var alreadyPresent: Int
    public var invalid: [String]
    public var totalSuppressed: Int

    public init(added: Int, alreadyPresent: Int, invalid: [String], totalSuppressed: Int) {
        self.added = added; self.alreadyPresent = alreadyPresent; self.invalid = invalid; self.totalSuppressed = totalSuppressed
    }

    enum CodingKeys: String, CodingKey {
        case added, alreadyPresent = "already_present", invalid, totalSuppressed = "total_suppressed"
    }
}
