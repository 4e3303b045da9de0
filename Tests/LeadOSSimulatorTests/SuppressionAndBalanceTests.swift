import Foundation
import LeadOSAPI
import Testing
@testable import LeadOSSimulator

/// `POST /v1/suppression` and `GET /v1/usage/balance` over HTTP (API.md §6.4, §7.10, §7.11).
@Suite struct SuppressionAndBalanceTests {
    @Test func suppressionNormalisesAndReports() async throws {
        try await withSimulator { sim in
            let r = try await sim.post("/v1/suppression", #"{"emails":["raj@techcorp.io"," Raj@TechCorp.io","not-an-email"]}"#)
            #expect(r.status == 200)
            #expect(try r.decode(SuppressionResult.self) == SuppressionResult(added: 1, alreadyPresent: 0, invalid: ["not-an-email"], totalSuppressed: 1))
            let again = try await sim.post("/v1/suppression", #"{"emails":["RAJ@techcorp.io","b@c.de"]}"#).decode(SuppressionResult.self)
            #expect(again == SuppressionResult(added: 1, alreadyPresent: 1, invalid: [], totalSuppressed: 2))
            #expect(sim.world.suppressedEmails() == ["raj@techcorp.io", "b@c.de"])
            let many = "[" + (0..<1001).map { "\"u\($0)@x.io\"" }.joined(separator: ",") + "]"
            let cases: [(String, String, String)] = [
                ("{}", "parameter_missing", "emails"),
                (#"{"emails":[]}"#, "parameter_invalid", "emails"),
                (#"{"emails":"a@b.co"}"#, "parameter_invalid", "emails"),
                (#"{"emails":["a@b.co",7]}"#, "parameter_invalid", "emails[1]"),
                (#"{"emails":\#(many)}"#, "parameter_invalid", "emails"),
            ]
            for (body, code, param) in cases {
                let r = try await sim.post("/v1/suppression", body)
                #expect(r.status == 422 && r.error.code == code && r.error.param == param, "\(body.prefix(40))")
            }
        }
    }

    @Test func balanceIsTheWorldsAndSpendsOnDelivery() async throws {
        try await withSimulator { sim in
            let before = try await sim.get("/v1/usage/balance").decode(Balance.self)
            #expect(before == sim.world.balance())
            let raw = try await sim.get("/v1/usage/balance").json
            #expect(Set(raw.keys) == ["credits_remaining", "credits_used_this_period", "plan_credits", "period_start",
                                      "period_end", "low_balance_threshold", "low_balance"])
            let delivered = sim.world.deliver(count: 5)
            let spent = delivered.reduce(0) { $0 + $1.creditsConsumed }
            let after = try await sim.get("/v1/usage/balance").decode(Balance.self)
            #expect(after.creditsRemaining == before.creditsRemaining - spent)
            #expect(after.creditsUsedThisPeriod == before.creditsUsedThisPeriod + spent)
            #expect(try await sim.get("/v1/usage/balance?x=1").status == 422)
        }
    }
}
