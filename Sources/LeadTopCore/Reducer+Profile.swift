import Foundation

/// `:profile NAME` and the profile picker: the dashboard moves to another profile of the config
/// without restarting. The runtime opens the profile (its key, URL, cache and outbox) and answers
/// with `.profileSwitched`, which starts the state afresh on the new account.
extension AppState {
    /// `:profile` with a name switches; without one opens the picker of the config's profiles.
    mutating func runProfileCommand(_ name: String?) -> [Effect] {
        guard !settings.isDemo else {
            show("--demo runs one simulated account; profiles come from config.toml", kind: .error)
            return []
        }
        guard let name else {
            guard !profileNames.isEmpty else {
                show("config.toml has no profiles: add a [profiles.NAME] section for each account", kind: .error)
                return []
            }
            modal = .profilePicker(selected: profileNames.firstIndex { $0 == settings.profile } ?? 0)
            return []
        }
        return requestProfile(name)
    }

    mutating func requestProfile(_ name: String) -> [Effect] {
        if name == settings.profile {
            show("Already on profile \(name)")
            return []
        }
        if !profileNames.isEmpty && !profileNames.contains(name) {
            let suggestion = NearestName.suggest(name, among: profileNames).map { " (did you mean \($0)?)" } ?? ""
            show("No profile “\(name)” in config.toml\(suggestion); profiles: \(profileNames.joined(separator: ", "))",
                 kind: .error)
            return []
        }
        show("Switching to profile \(name)…")
        return [.switchProfile(name)]
    }

    /// The picker: `j`/`k` or arrows move, a digit or `Enter` switches, `Esc` closes.
    mutating func handleProfilePickerKey(_ key: Key, selected: Int) -> [Effect] {
        let count = profileNames.count
        guard count > 0 else {
            modal = nil
            return []
        }
        switch key {
        case .char("j"), .down:
            modal = .profilePicker(selected: min(count - 1, selected + 1))
        case .char("k"), .up:
            modal = .profilePicker(selected: max(0, selected - 1))
        case .enter:
            modal = nil
            return requestProfile(profileNames[min(max(0, selected), count - 1)])
        case .char(let c) where (1...min(9, count)).contains(Key.digit(c) ?? 0):
            modal = nil
            return requestProfile(profileNames[Key.digit(c)! - 1])
        case .esc, .char("q"):
            modal = nil
        default:
            break
        }
        return []
    }

    /// The new profile is open: everything shown so far belonged to the old account, so the state
    /// starts afresh, keeping only what belongs to the user (size, keys, theme and profile names,
    /// the `:` history, mouse capture).
    mutating func profileSwitched(to account: ProfileAccount) {
        var fresh = settings
        fresh.profile = account.name
        fresh.keySource = account.keySource
        fresh.apiURL = account.apiURL
        fresh.refreshAgeShownAfter = account.refreshAgeShownAfter
        fresh.startedAt = now
        var next = AppState(width: width, height: height, now: now, settings: fresh)
        next.mouseCaptured = mouseCaptured
        next.commandHistory = commandHistory
        next.themeNames = themeNames
        next.profileNames = profileNames
        next.show("Profile \(account.name ?? "default"): \(account.apiURL)")
        self = next
    }

    /// The old profile's engine finished sending its queue, or left some of it for next time.
    mutating func profileRetired(name: String, leftQueued: Int) {
        guard leftQueued > 0 else { return }
        let writes = leftQueued == 1 ? "1 write" : "\(leftQueued) writes"
        show("\(writes) for profile \(name) stay queued; they go out when it is opened again", kind: .error)
    }
}
