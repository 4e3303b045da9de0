/// A contract error (API.md §2) produced by the world or the HTTP layer, before it gets its request id.
public struct APIFailure: Error, Hashable, Sendable {
    public var status: Int
    public var type: String
    public var code: String
    public var message: String
    public var param: String?

    public init(status: Int, type: String, code: String, message: String, param: String? = nil) {
        self.status = status; self.type = type; self.code = code; self.message = message; self.param = param
    }

    static func missing(_ param: String) -> APIFailure {
        APIFailure(status: 422, type: "invalid_request_error", code: "parameter_missing",
                   message: "Missing required parameter: \(param).", param: param)
    }

    static func invalid(_ param: String, _ message: String) -> APIFailure {
        APIFailure(status: 422, type: "invalid_request_error", code: "parameter_invalid", message: message, param: param)
    }

    static func unknown(_ param: String) -> APIFailure {
        APIFailure(status: 422, type: "invalid_request_error", code: "parameter_unknown",
                   message: "Received unknown parameter: \(param.prefix(100)).", param: String(param.prefix(200)))
    }

    static func resourceMissing(_ kind: String, _ id: String) -> APIFailure {
        APIFailure(status: 404, type: "invalid_request_error", code: "resource_missing",
                   message: "No such \(kind): '\(id.prefix(100))'.", param: "id")
    }

    static func campaignState(_ message: String) -> APIFailure {
        APIFailure(status: 409, type: "invalid_request_error", code: "invalid_campaign_state", message: message)
    }

    static func insufficientCredits(needed: Int, remaining: Int) -> APIFailure {
        APIFailure(status: 402, type: "billing_error", code: "insufficient_credits",
                   message: "This needs at least \(needed) credits per lead but only \(remaining) remain.")
    }
}
