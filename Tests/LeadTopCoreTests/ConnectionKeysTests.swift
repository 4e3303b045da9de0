import Foundation
import Testing
import LeadOSContract
import LeadTopCore
import LeadTopTestSupport

/// `m`, `d` and R while the key is refused: exact effects and state.
@Suite struct ConnectionKeysTests {
    typealias F = DashboardFixtures

    @Test func mTogglesTheMouseCapture() {
        var state = F.state()
        #expect(state.mouseCaptured)
        #expect(reduce(&state, .key(.char("m"))) == [.setMouseCapture(false)])
        #expect(!state.mouseCaptured)
        #expect(state.message?.text == "Mouse off: the terminal selects text (m: on)")
        #expect(reduce(&state, .key(.char("m"))) == [.setMouseCapture(true)])
        #expect(state.mouseCaptured)
        var off = AppState(settings: .init(mouse: false))
        #expect(!off.mouseCaptured)
        #expect(reduce(&off, .key(.char("m"))) == [.setMouseCapture(true)])
    }

    @Test func dOpensTheConnectionDetailsAndAnyKeyClosesThem() {
        var state = F.state()
        #expect(reduce(&state, .key(.char("d"))) == [])
        #expect(state.modal == .connectionDetails)
        #expect(reduce(&state, .key(.char("x"))) == [])
        #expect(state.modal == nil)
        _ = reduce(&state, .key(.char("d")))
        #expect(reduce(&state, .key(.char("R"))) == [.refreshNow], "R from the details refreshes")
        #expect(state.modal == nil)
    }

    @Test func rWithARefusedKeySaysItChecksTheKey() {
        var state = F.state()
        let rejection = KeyRejection(status: 401, redactedKey: "ldo_live_sk_…stuX", message: "Invalid API key provided", nextCheck: nil)
        reduce(&state, .sync(.connection(.keyRejected(rejection))))
        #expect(state.keyRejection == rejection)
        #expect(state.placeholder("Waiting for leads…") == "Nothing loaded: the API key was rejected")
        #expect(reduce(&state, .key(.char("R"))) == [.refreshNow])
        #expect(state.message?.text == "Checking the API key again…")
        reduce(&state, .sync(.connection(.live)))
        #expect(state.keyRejection == nil)
        #expect(state.placeholder("Waiting for leads…") == "Waiting for leads…")
    }
}
