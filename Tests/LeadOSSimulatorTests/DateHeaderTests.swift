import Foundation
import LeadOSAPI
import Testing
@testable import LeadOSSimulator

/// Every reply carries `Date` (RFC 9110 requires it of a server with a clock), and it is the
/// simulated clock, the one leads are dated by: clients bound their feed cursor with it.
@Suite struct DateHeaderTests {
    @Test func everyReplyCarriesTheSimulatedClock() async throws {
        try await withSimulator { sim in
            let expected = HTTPDate.format(SimulatorHarness.start)
            let replies = [
                try await sim.send("GET", "/v1/leads?limit=1"),
                try await sim.send("GET", "/v1/usage/balance", auth: nil),
                try await sim.send("GET", "/v1/nowhere"),
                try await sim.send("POST", "/v1/campaigns", body: "{"),
                try await sim.send("GET", "/openapi.json"),
            ]
            #expect(replies.map(\.status) == [200, 401, 404, 400, 200])
            #expect(replies.map { $0.header("Date") } == Array(repeating: expected, count: replies.count))
            sim.world.advanceClock(by: 3_600)
            let later = try await sim.send("GET", "/v1/leads?limit=1")
            #expect(later.header("Date") == HTTPDate.format(SimulatorHarness.start.addingTimeInterval(3_600)))
            #expect(later.header("Date").flatMap(HTTPDate.parse) == sim.world.now())
        }
    }
}
