extension LeadTopConfig {
    /// The profile and API URL: what a saved webhook registration belongs to. The dashboard and
    /// `leads --follow --listen` name it the same, so each reuses the other's registration.
    public var account: String { "\(profile ?? "default") \(apiURL.absoluteString)" }
}
