import Foundation
import LeadOSAPI

/// What the sync policy needs to know about a failed request, taken from the error once by the
/// executor: a plain value, so the machine's decisions are tested without building errors.
struct SyncFailure: Error, Sendable, Hashable {
    /// A few words for the status bar (`LeadOS error 503`, `rate limited`).
    var summary: String
    /// The whole error, for the details overlay.
    var detail: String
    /// The HTTP status, when LeadOS answered.
    var status: Int?
    /// The contract's error code, when the body carried one.
    var code: String?
    /// The reply's `Retry-After`, as sent (the policy clamps it).
    var retryAfter: TimeInterval?
    /// 401 or 403: the key is refused, no retry can help until it changes.
    var isKeyRejection = false
    /// LeadOS refused this request for good (4xx other than 429 and a key in use).
    var isDefinitiveRefusal = false
    /// The request could not even be built; sending it again cannot help.
    var isUnsendable = false
    /// LeadOS's own message (one clean line), when its error object carried one.
    var message: String?
    /// The request field LeadOS's error names (`param`), when it names one.
    var param: String?

    /// A 429: LeadOS answered and said when to come back.
    var isRateLimited: Bool { status == 429 }

    init(summary: String, detail: String? = nil, status: Int? = nil, code: String? = nil, retryAfter: TimeInterval? = nil,
         isKeyRejection: Bool = false, isDefinitiveRefusal: Bool = false, isUnsendable: Bool = false, message: String? = nil, param: String? = nil) {
        self.summary = summary; self.detail = detail ?? summary; self.status = status; self.code = code
        self.retryAfter = retryAfter; self.isKeyRejection = isKeyRejection; self.isDefinitiveRefusal = isDefinitiveRefusal
        self.isUnsendable = isUnsendable; self.message = message; self.param = param
    }

    /// Reads `error`: a `LeadOSError` tells all of the above, anything else only its description.
    init(_ error: any Error) {
        guard let error = error as? LeadOSError else {
            self.init(summary: String(describing: error))
            return
        }
        var message: String?
        var param: String?
        if case .api(_, let body, _) = error {
            message = TextSanitizer.oneLine(body.message, max: 200)
            param = body.param.map { TextSanitizer.oneLine($0, max: 100) }
        }
        var unsendable = false
        if case .invalidRequest = error { unsendable = true }
        self.init(summary: error.summary, detail: error.description, status: error.status, code: error.code,
                  retryAfter: error.meta?.retryAfter, isKeyRejection: error.isKeyRejection,
                  isDefinitiveRefusal: error.isDefinitiveRefusal, isUnsendable: unsendable, message: message,
                  param: param)
    }
}
