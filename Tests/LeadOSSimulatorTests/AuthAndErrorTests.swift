import Foundation
import LeadOSAPI
import Testing
@testable import LeadOSSimulator

/// Authentication, the error object, the check order of API.md §0 and rate limiting, over HTTP.
@Suite struct AuthAndErrorTests {
    @Test func missingAndInvalidKeysGet401WithChallenge() async throws {
        try await withSimulator { sim in
            for auth in [nil, "Basic Zm9vOmJhcg==", "Bearer"] as [String?] {
                let r = try await sim.send("GET", "/v1/leads", auth: auth)
                #expect(r.status == 401)
                #expect(r.header("WWW-Authenticate") == "Bearer realm=\"leados\"")
                #expect(r.error.type == "authentication_error" && r.error.code == "missing_api_key")
                #expect(r.header("X-RateLimit-Limit") == nil)
            }
            let wrong = "ldo_live_sk_" + String(repeating: "a", count: 28) + "here"
            for key in [wrong, "ldo_live_sk_short", "sk_test_123"] {
                let r = try await sim.send("GET", "/v1/leads", auth: "Bearer \(key)")
                #expect(r.status == 401)
                #expect(r.error.code == "invalid_api_key")
                let message = r.json["error"].flatMap { ($0 as? [String: Any])?["message"] as? String } ?? ""
                #expect(message.hasSuffix(String(key.suffix(4))))
                #expect(!message.contains(String(repeating: "a", count: 28)))
            }
            let wrongMessage = try await sim.send("GET", "/v1/leads", auth: "Bearer \(wrong)").json["error"] as? [String: Any]
            #expect(wrongMessage?["message"] as? String == "Invalid API key provided: ldo_live_sk_****here")
        }
    }

    @Test func everyResponseCarriesItsRequestID() async throws {
        try await withSimulator { sim in
            for (method, path) in [("GET", "/v1/leads"), ("GET", "/v1/nope"), ("POST", "/v1/campaigns")] {
                let r = try await sim.send(method, path, body: method == "POST" ? "{" : nil)
                let id = try #require(r.header("X-Request-Id"))
                #expect(id.hasPrefix("req_") && id.count > 10)
                if r.status >= 400 {
                    #expect((r.json["error"] as? [String: Any])?["request_id"] as? String == id)
                }
            }
            let unauthenticated = try await sim.send("GET", "/v1/leads", auth: nil)
            #expect(unauthenticated.header("X-Request-Id") != nil)
        }
    }

    @Test func checkOrderDecidesWhichErrorWins() async throws {
        try await withSimulator(rateLimit: 3) { sim in
            // 401 beats 404 route_not_found.
            #expect(try await sim.send("GET", "/v1/nope", auth: nil).status == 401)
            // 404 route_not_found beats 400.
            let route = try await sim.send("POST", "/v1/nope", body: "{")
            #expect(route.status == 404 && route.error.code == "route_not_found")
            // 400 beats 404 resource_missing.
            let bad = try await sim.send("POST", "/v1/campaigns/camp_doesnotexist/pause", body: "{oops")
            #expect(bad.status == 400 && bad.error.code == "invalid_json")
            #expect(try await sim.get("/v1/usage/balance").status == 200)
            // Now over the limit: 429 beats 404 route_not_found, 401 still beats 429.
            let limited = try await sim.send("GET", "/v1/nope")
            #expect(limited.status == 429)
            #expect(try await sim.send("GET", "/v1/leads", auth: nil).status == 401)
        }
    }

    @Test func unknownRoutesAndMethodsAre404() async throws {
        try await withSimulator { sim in
            let camp = sim.world.campaigns()[0].id
            for (method, path) in [("GET", "/v1/nope"), ("DELETE", "/v1/leads"), ("GET", "/v1/campaigns/\(camp)"),
                                   ("GET", "/v1/leads/"), ("PUT", "/v1/campaigns/\(camp)"), ("GET", "/v2/leads"),
                                   ("GET", "/"), ("POST", "/v1/leads/stats")] {
                let r = try await sim.send(method, path)
                #expect(r.status == 404, "\(method) \(path)")
                #expect(r.error.type == "invalid_request_error" && r.error.code == "route_not_found")
            }
        }
    }

    @Test func unparseableBodiesAre400AndHugeOnes413() async throws {
        try await withSimulator { sim in
            for body in ["{", "[1,2]", "\"text\"", "42", "null", "{\"name\": }", "\u{FEFF}garbage"] {
                let r = try await sim.send("POST", "/v1/campaigns", body: body)
                #expect(r.status == 400, "\(body)")
                #expect(r.error.type == "invalid_request_error" && r.error.code == "invalid_json" && r.error.param == nil)
            }
            let big = "{\"name\":\"" + String(repeating: "x", count: (1 << 20) + 10) + "\"}"
            let r = try await sim.send("POST", "/v1/campaigns", body: big)
            #expect(r.status == 413)
            #expect(r.error.type == "invalid_request_error" && r.error.code == "request_too_large")
            // An empty body is {}: here that means a missing required field, not a parse error.
            let empty = try await sim.send("POST", "/v1/campaigns", body: "")
            #expect(empty.status == 422 && empty.error.code == "parameter_missing" && empty.error.param == "name")
        }
    }

    @Test func rateLimitHeadersCountDownThen429UntilTheWindowResets() async throws {
        try await withSimulator(rateLimit: 3) { sim in
            var remaining: [String] = []
            for _ in 0..<3 {
                let r = try await sim.get("/v1/usage/balance")
                #expect(r.status == 200)
                #expect(r.header("X-RateLimit-Limit") == "3")
                remaining.append(r.header("X-RateLimit-Remaining") ?? "")
            }
            #expect(remaining == ["2", "1", "0"])
            let limited = try await sim.get("/v1/usage/balance")
            #expect(limited.status == 429)
            #expect(limited.error.type == "rate_limit_error" && limited.error.code == "rate_limited")
            let retryAfter = try #require(Int(limited.header("Retry-After") ?? ""))
            // 14:23:00 frozen: the window resets at 14:24:00.
            #expect(retryAfter == 60)
            #expect(limited.header("X-RateLimit-Reset") == String(Int(SimulatorHarness.start.timeIntervalSince1970) + 60))
            #expect(limited.header("X-RateLimit-Remaining") == "0")
            // Errors count and carry the headers too.
            #expect(try await sim.get("/v1/leads?limit=0").header("X-RateLimit-Remaining") == "0")
            sim.world.advanceClock(by: TimeInterval(retryAfter))
            let after = try await sim.get("/v1/usage/balance")
            #expect(after.status == 200)
            #expect(after.header("X-RateLimit-Remaining") == "2")
        }
    }

    @Test func injectedOutageAndRecoveryThroughTheAdminEndpoint() async throws {
        try await withSimulator { sim in
            let on = try await sim.send("POST", "/_sim/faults", body: #"{"fail_rate":1}"#, auth: nil)
            #expect(on.status == 200)
            #expect(on.json["fail_rate"] as? Double == 1)
            for _ in 0..<6 {
                let r = try await sim.get("/v1/leads")
                #expect(r.status == 500 || r.status == 503)
                #expect(r.error.type == "api_error")
                #expect(r.error.code == (r.status == 500 ? "internal_error" : "service_unavailable"))
                #expect((r.json["error"] as? [String: Any])?["request_id"] as? String == r.header("X-Request-Id"))
            }
            // Faults never touch the admin endpoints or the OpenAPI document.
            #expect(try await sim.send("GET", "/openapi.json", auth: nil).status == 200)
            let off = try await sim.send("POST", "/_sim/faults", body: #"{"fail_rate":0,"rate_limit_per_minute":null}"#, auth: nil)
            #expect(off.status == 200)
            #expect(off.json["rate_limit_per_minute"] is NSNull)
            #expect(try await sim.get("/v1/leads").status == 200)
        }
    }

    @Test func garbageBodiesAreNotJSON() async throws {
        try await withSimulator { sim in
            sim.server.setFaults(SimulatorFaults(garbageRate: 1))
            for _ in 0..<5 {
                let r = try await sim.get("/v1/leads")
                #expect((try? JSONSerialization.jsonObject(with: r.body)) == nil)
            }
            sim.server.setFaults(.none)
            #expect((try? JSONSerialization.jsonObject(with: try await sim.get("/v1/leads").body)) != nil)
        }
    }

    @Test func openAPIDocumentIsServedWithoutAuthAndCoversEveryEndpoint() async throws {
        try await withSimulator { sim in
            let r = try await sim.send("GET", "/openapi.json", auth: nil)
            #expect(r.status == 200)
            #expect(r.json["openapi"] as? String == "3.1.0")
            let paths = try #require(r.json["paths"] as? [String: [String: Any]])
            let operations = paths.flatMap { path, ops in ops.keys.map { "\($0.uppercased()) \(path)" } }
            #expect(Set(operations) == [
                "GET /v1/leads", "GET /v1/leads/stats", "POST /v1/leads/{id}/feedback", "GET /v1/campaigns",
                "POST /v1/campaigns", "PATCH /v1/campaigns/{id}", "POST /v1/campaigns/{id}/pause",
                "POST /v1/campaigns/{id}/resume", "POST /v1/webhooks", "POST /v1/suppression", "GET /v1/usage/balance",
                "GET /v1/feedback/summary",
            ])
        }
    }
}
