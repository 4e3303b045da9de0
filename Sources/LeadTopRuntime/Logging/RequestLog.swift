import Foundation
import LeadOSAPI
import Logging

/// The dashboard's log file (swift-log with `FileLogHandler`): one line per request at debug,
/// connection changes at info. Never the key, never a body, never a lead's personal data.
public enum RequestLog {
    public static func logger(environment: [String: String], level: Logger.Level) throws -> Logger {
        try logger(path: XDGPaths.logFile(environment: environment).path, level: level)
    }

    public static func logger(path: String, level: Logger.Level, maxBytes: Int = 1 << 20) throws -> Logger {
        let sink = try FileLogHandler.Sink(path: path, maxBytes: maxBytes)
        return Logger(label: "leadtop") { label in FileLogHandler(label: label, sink: sink, level: level) }
    }

    /// `GET /v1/leads 200 12ms req_…`, or the failure in words when no reply came.
    public static func recorder(_ logger: Logger) -> @Sendable (Exchange) -> Void {
        { exchange in
            guard logger.logLevel <= .debug else { return }
            var metadata: Logger.Metadata = ["ms": "\(Int((exchange.duration * 1000).rounded()))"]
            if let id = exchange.requestID { metadata["request_id"] = "\(id)" }
            let outcome = exchange.status.map(String.init) ?? "failed: \(exchange.failure ?? "no reply")"
            logger.debug("\(exchange.method.rawValue) \(exchange.path) \(outcome)", metadata: metadata)
        }
    }
}
