/// The contract's error object, `{"error":{…}}` (API.md §2).
public struct APIErrorBody: Codable, Sendable, Hashable {
    public var error: Detail

    public init(error: Detail) { self.error = error }

    public struct Detail: Codable, Sendable, Hashable {
        public var type: String
        public var code: String
        public var message: String
        public var param: String?
        public var requestID: String?

        public init(type: String, code: String, message: String, param: String?, requestID: String?) {
            self.type = type; self.code = code; self.message = message; self.param = param; self.requestID = requestID
        }

        enum CodingKeys: String, CodingKey { case type, code, message, param, requestID = "request_id" }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(type, forKey: .type)
            try c.encode(code, forKey: .code)
            try c.encode(message, forKey: .message)
            try c.encode(param, forKey: .param)
            try c.encode(requestID, forKey: .requestID)
        }
    }
}
