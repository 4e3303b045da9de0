import LeadTopCore
import Logging

extension ConnectionStatus {
    /// `live`, `degraded`, `offline` or `key_rejected`: a change of kind is worth a log line, a
    /// new retry time is not.
    var kind: String {
        switch self {
        case .live: "live"
        case .degraded: "degraded"
        case .offline: "offline"
        case .keyRejected: "key_rejected"
        }
    }

    var logMetadata: Logger.Metadata {
        switch self {
        case .live: [:]
        case .degraded(let reason, _), .offline(_, let reason, _): ["reason": "\(reason)"]
        case .keyRejected(let rejection): ["status": "\(rejection.status)", "key": "\(rejection.redactedKey)"]
        }
    }
}
