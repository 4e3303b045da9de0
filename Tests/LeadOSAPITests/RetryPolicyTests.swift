import Foundation
import Testing
@testable import LeadOSAPI

@Suite struct RetryPolicyTests {
    static func apiError(_ status: Int, code: String, retryAfter: TimeInterval? = nil) -> LeadOSError {
        .api(status: status, error: .init(type: "api_error", code: code, message: "m", param: nil, requestID: "req_1"),
             meta: ResponseMeta(status: status, requestID: "req_1", rateLimit: nil, retryAfter: retryAfter, replayed: false))
    }

    @Test func fullJitterBackoffDoublesUpToTheCap() {
        let p = RetryPolicy.standard
        #expect(p.maxAttempts == 5 && p.base == 1 && p.cap == 30)
        // With the random number at (almost) 1, the delay is the ceiling itself: 1, 2, 4, 8, 16, 30, 30.
        let ceilings = (1...7).map { p.backoff(afterAttempt: $0, unitRandom: 1) }
        #expect(ceilings == [1, 2, 4, 8, 16, 30, 30])
        #expect(p.backoff(afterAttempt: 3, unitRandom: 0) == 0)
        #expect(p.backoff(afterAttempt: 3, unitRandom: 0.5) == 2)
        #expect(p.backoff(afterAttempt: 1000, unitRandom: 0.25) == 7.5)
    }

    @Test func retryAfterWinsOverBackoff() {
        let p = RetryPolicy.standard
        #expect(p.delay(afterAttempt: 1, retryAfter: 7, unitRandom: 0.9) == 7)
        #expect(p.delay(afterAttempt: 4, retryAfter: nil, unitRandom: 0.5) == 4)
        let d = p.decide(afterAttempt: 1, error: Self.apiError(429, code: "rate_limited", retryAfter: 12),
                         method: .get, hasIdempotencyKey: false, unitRandom: 0.1)
        #expect(d == .retry(after: 12))
    }

    @Test func retryAfterIsHeldBetweenOneSecondAndAnHour() {
        let p = RetryPolicy.standard
        #expect(p.delay(afterAttempt: 1, retryAfter: 0, unitRandom: 0.5) == 1)
        #expect(p.delay(afterAttempt: 1, retryAfter: 3600, unitRandom: 0.5) == 3600)
        #expect(p.delay(afterAttempt: 1, retryAfter: 9_223_372_036_854_775_807, unitRandom: 0.5) == 3600)
        #expect(p.delay(afterAttempt: 1, retryAfter: .infinity, unitRandom: 0.5) == 3600)
        #expect(RetryPolicy.clampRetryAfter(.nan) == 1)
        let d = p.decide(afterAttempt: 1, error: Self.apiError(429, code: "rate_limited", retryAfter: 0),
                         method: .get, hasIdempotencyKey: false, unitRandom: 0.1)
        #expect(d == .retry(after: 1))
    }

    @Test func onlyTransientFailuresAreRetried() {
        let p = RetryPolicy.standard
        func decide(_ e: LeadOSError, _ method: APIMethod = .get, key: Bool = false, attempt: Int = 1) -> RetryDecision {
            p.decide(afterAttempt: attempt, error: e, method: method, hasIdempotencyKey: key, unitRandom: 0.5)
        }
        #expect(decide(Self.apiError(500, code: "internal_error")) == .retry(after: 0.5))
        #expect(decide(Self.apiError(503, code: "service_unavailable"), attempt: 2) == .retry(after: 1))
        #expect(decide(.transport("connection refused")) == .retry(after: 0.5))
        #expect(decide(.timeout(seconds: 20)) == .retry(after: 0.5))
        #expect(decide(Self.apiError(409, code: "idempotency_key_in_use", retryAfter: 1), .post, key: true) == .retry(after: 1))
        #expect(decide(Self.apiError(404, code: "resource_missing")) == .giveUp)
        #expect(decide(Self.apiError(422, code: "parameter_invalid")) == .giveUp)
        #expect(decide(Self.apiError(409, code: "invalid_campaign_state"), .post, key: true) == .giveUp)
        #expect(decide(Self.apiError(502, code: "x")) == .giveUp)
        #expect(decide(.undecodable(status: 200, reason: "r", excerpt: "")) == .giveUp)
    }

    @Test func writesAreRetriedOnlyWithAnIdempotencyKey() {
        let p = RetryPolicy.standard
        let e = Self.apiError(503, code: "service_unavailable")
        #expect(p.decide(afterAttempt: 1, error: e, method: .post, hasIdempotencyKey: false, unitRandom: 0.5) == .giveUp)
        #expect(p.decide(afterAttempt: 1, error: e, method: .patch, hasIdempotencyKey: false, unitRandom: 0.5) == .giveUp)
        #expect(p.decide(afterAttempt: 1, error: e, method: .post, hasIdempotencyKey: true, unitRandom: 0.5) == .retry(after: 0.5))
    }

    @Test func atMostFiveTries() {
        let p = RetryPolicy.standard
        let e = Self.apiError(500, code: "internal_error")
        #expect(p.decide(afterAttempt: 4, error: e, method: .get, hasIdempotencyKey: false, unitRandom: 1) == .retry(after: 8))
        #expect(p.decide(afterAttempt: 5, error: e, method: .get, hasIdempotencyKey: false, unitRandom: 1) == .giveUp)
        #expect(RetryPolicy.once.decide(afterAttempt: 1, error: e, method: .get, hasIdempotencyKey: false, unitRandom: 1) == .giveUp)
    }

    @Test func definitiveRefusals() {
        #expect(Self.apiError(404, code: "resource_missing").isDefinitiveRefusal)
        #expect(Self.apiError(409, code: "invalid_campaign_state").isDefinitiveRefusal)
        #expect(!Self.apiError(429, code: "rate_limited").isDefinitiveRefusal)
        #expect(!Self.apiError(409, code: "idempotency_key_in_use").isDefinitiveRefusal)
        #expect(!Self.apiError(500, code: "internal_error").isDefinitiveRefusal)
        #expect(!LeadOSError.timeout(seconds: 1).isDefinitiveRefusal)
    }
}

@Suite struct ResponseMetaTests {
    @Test func readsRateLimitRequestIDAndRetryAfter() {
        let meta = ResponseMeta(status: 429, headers: [
            "x-ratelimit-limit": "120", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1800000060",
            "Retry-After": "7", "X-Request-Id": "req_abc123", "Idempotent-Replayed": "true",
        ])
        #expect(meta.rateLimit == RateLimit(limit: 120, remaining: 0, resetAt: Date(timeIntervalSince1970: 1_800_000_060)))
        #expect(meta.retryAfter == 7)
        #expect(meta.requestID == "req_abc123")
        #expect(meta.replayed)
    }

    @Test func readsTheDateHeaderAndRetryAfterOfAnyLength() {
        let meta = ResponseMeta(status: 429, headers: ["date": "Sun, 06 Dec 2026 17:05:08 GMT", "Retry-After": "99999999999999999999"])
        #expect(meta.date == Timestamp.parse("2026-12-06T17:05:08Z"))
        #expect(meta.retryAfter == 1e20)
        #expect(ResponseMeta(status: 200, headers: ["Date": "yesterday", "Retry-After": "1.5"]).date == nil)
        #expect(ResponseMeta(status: 200, headers: ["Retry-After": "1.5"]).retryAfter == nil)
    }

    @Test func httpDatesRoundTrip() {
        #expect(HTTPDate.format(Timestamp.parse("2026-12-06T17:05:08Z")!) == "Sun, 06 Dec 2026 17:05:08 GMT")
        #expect(HTTPDate.format(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPDate.format(Timestamp.parse("1969-12-31T23:59:59Z")!) == "Wed, 31 Dec 1969 23:59:59 GMT")
        #expect(HTTPDate.format(Timestamp.parse("9999-12-31T23:59:59Z")!) == "Fri, 31 Dec 9999 23:59:59 GMT")
        for seconds in stride(from: -100_000_000, to: 4_000_000_000, by: 86_401 * 37) {
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            #expect(HTTPDate.parse(HTTPDate.format(date)) == date)
        }
        for bad in ["Sun, 6 Dec 2026 17:05:08 GMT", "Sun, 06 Dex 2026 17:05:08 GMT", "Sun, 06 Dec 2026 17:05:08 UTC",
                    "Sunday, 06-Dec-26 17:05:08 GMT", "Sun, 31 Feb 2026 17:05:08 GMT", ""] {
            #expect(HTTPDate.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func malformedHeadersAreIgnored() {
        let meta = ResponseMeta(status: 200, headers: ["X-RateLimit-Limit": "lots", "X-RateLimit-Remaining": "3", "Retry-After": "-4"])
        #expect(meta.rateLimit == nil)
        #expect(meta.retryAfter == nil)
        #expect(meta.requestID == nil)
        #expect(!meta.replayed)
    }
}
