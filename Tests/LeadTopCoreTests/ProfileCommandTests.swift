import Foundation
import Testing
import LeadOSContract
import LeadTopCore
import LeadTopTestSupport

/// `:profile` and its picker through the reducer, and the fresh state a switch leaves.
@Suite struct ProfileCommandTests {
    typealias F = DashboardFixtures

    /// On profile "work" of a config with three profiles.
    func state() -> AppState {
        var state = F.state()
        state.settings.profile = "work"
        state.profileNames = ["eu", "other", "work"]
        return state
    }

    func run(_ state: inout AppState, _ line: String) -> [Effect] {
        reduce(&state, .key(.char(":")))
        for c in line { reduce(&state, .key(.char(c))) }
        return reduce(&state, .key(.enter))
    }

    @Test func aNamedProfileIsOpenedByTheRuntime() {
        var state = state()
        #expect(run(&state, "profile other") == [.switchProfile("other"), .saveCommandHistory(["profile other"])])
        #expect(state.message?.text == "Switching to profile other…")
        #expect(state.modal == nil)
    }

    @Test func theCurrentAnUnknownOrADemoProfileSwitchesNothing() {
        var state = state()
        #expect(run(&state, "profile work") == [.saveCommandHistory(["profile work"])])
        #expect(state.message?.text == "Already on profile work")
        #expect(run(&state, "profile othr") == [.saveCommandHistory(["profile work", "profile othr"])])
        #expect(state.message == StatusMessage(
            "No profile “othr” in config.toml (did you mean other?); profiles: eu, other, work", kind: .error,
            expiresAt: state.now.addingTimeInterval(state.settings.messageDuration)))

        var demo = F.state()
        demo.settings.isDemo = true
        #expect(run(&demo, "profile other") == [.saveCommandHistory(["profile other"])])
        #expect(demo.message?.text == "--demo runs one simulated account; profiles come from config.toml")

        var none = F.state()
        #expect(run(&none, "profile") == [.saveCommandHistory(["profile"])])
        #expect(none.message?.text == "config.toml has no profiles: add a [profiles.NAME] section for each account")
        #expect(none.modal == nil)
    }

    @Test func withoutANameThePickerOpensOnTheCurrentProfile() {
        var state = state()
        _ = run(&state, "profile")
        #expect(state.modal == .profilePicker(selected: 2))
        #expect(reduce(&state, .key(.char("j"))) == [])
        #expect(state.modal == .profilePicker(selected: 2))
        #expect(reduce(&state, .key(.char("k"))) == [])
        #expect(reduce(&state, .key(.up)) == [])
        #expect(reduce(&state, .key(.up)) == [])
        #expect(state.modal == .profilePicker(selected: 0))
        #expect(reduce(&state, .key(.enter)) == [.switchProfile("eu")])
        #expect(state.modal == nil)

        _ = run(&state, "profile")
        #expect(reduce(&state, .key(.char("2"))) == [.switchProfile("other")])
        _ = run(&state, "profile")
        #expect(reduce(&state, .key(.char("9"))) == [])
        #expect(state.modal == .profilePicker(selected: 2))
        #expect(reduce(&state, .key(.esc)) == [])
        #expect(state.modal == nil)
    }

    @Test func profileNamesComplete() {
        var state = state()
        reduce(&state, .key(.char(":")))
        for c in "profile o" { reduce(&state, .key(.char(c))) }
        reduce(&state, .key(.tab))
        #expect(state.modal == .commandPrompt(CommandPrompt(text: "profile other ")))
    }

    /// Everything shown came from the old account and goes; what belongs to the user stays.
    @Test func aSwitchStartsTheStateAfreshOnTheNewAccount() {
        var old = state()
        old.commandHistory = ["theme light", "profile other"]
        old.themeNames = ["dark", "light"]
        old.mouseCaptured = false
        old.settings.readOnly = true
        #expect(reduce(&old, .profileSwitched(ProfileAccount(name: "other", keySource: "LEADOS key", apiURL: "https://b.example"))) == [])

        var settings = state().settings
        settings.readOnly = true
        settings.profile = "other"
        settings.keySource = "LEADOS key"
        settings.apiURL = "https://b.example"
        settings.startedAt = F.now
        var expected = AppState(width: 120, height: 40, now: F.now, settings: settings)
        expected.mouseCaptured = false
        expected.commandHistory = ["theme light", "profile other"]
        expected.themeNames = ["dark", "light"]
        expected.profileNames = ["eu", "other", "work"]
        expected.message = StatusMessage("Profile other: https://b.example", kind: .info,
                                         expiresAt: F.now.addingTimeInterval(settings.messageDuration))
        #expect(String(describing: old) == String(describing: expected))
    }

    @Test func writesLeftQueuedByTheOldProfileAreReported() {
        var state = state()
        let before = state
        #expect(reduce(&state, .profileRetired(name: "work", leftQueued: 0)) == [])
        #expect(String(describing: state) == String(describing: before))
        reduce(&state, .profileRetired(name: "work", leftQueued: 2))
        #expect(state.message?.text == "2 writes for profile work stay queued; they go out when it is opened again")
        reduce(&state, .profileSwitchFailed(name: "eu", reason: "no API key"))
        #expect(state.message?.text == "Profile eu not opened: no API key")
    }
}
