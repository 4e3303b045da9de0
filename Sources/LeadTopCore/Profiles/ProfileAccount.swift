import Foundation
/// The account a profile of the config connects to, as the state shows it: its name in the
/// status bar, its URL and key source in the connection details. Never the key itself.
public struct ProfileAccount: Sendable, Hashable {
    /// The profile's name in config.toml; nil for the settings outside any profile.
    public var name: String?
    /// Where the key came from, in words.
    public var keySource: String
    /// The LeadOS base URL.
    public var apiURL: String
    /// `Settings.refreshAgeShownAfter` for the profile's own poll intervals.
    public var refreshAgeShownAfter: TimeInterval?

    public init(name: String?, keySource: String, apiURL: String, refreshAgeShownAfter: TimeInterval? = nil) {
        self.name = name; self.keySource = keySource; self.apiURL = apiURL
        self.refreshAgeShownAfter = refreshAgeShownAfter
    }
}
