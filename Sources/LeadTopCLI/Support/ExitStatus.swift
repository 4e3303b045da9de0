import ArgumentParser
import Foundation
import LeadOSAPI
import LeadTopRuntime

/// The exit statuses every subcommand (and the dashboard, for the same causes) ends with, so a
/// script can tell "fix your request" from "fix your config" from "try again later".
public enum ExitStatus: Int32, CaseIterable, Sendable {
    case ok = 0
    /// LeadOS answered and refused the request (a 4xx other than a key rejection).
    case refused = 1
    /// The configuration cannot be used: no key, a bad config file, an https rule broken.
    case configuration = 2
    /// LeadOS rejected the API key (401/403).
    case keyRejected = 3
    /// No usable answer from LeadOS after the retries: network, timeouts, 429, 5xx.
    case unreachable = 4
    /// A bad flag or argument (swift-argument-parser's own code, from sysexits' EX_USAGE).
    case usage = 64
    /// Stopped by Ctrl-C (128 + SIGINT).
    case interrupted = 130

    /// The status for an error thrown while talking to LeadOS.
    public static func of(_ error: any Error) -> ExitStatus {
        switch error {
        case is ConfigError: return .configuration
        case let failure as CommandFailure: return failure.status
        case let error as LeadOSError:
            switch error {
            case .insecureURL, .invalidRequest: return .configuration
            case .cancelled: return .interrupted
            case .transport, .timeout, .oversize, .undecodable: return .unreachable
            case .api, .httpStatus:
                if error.isKeyRejection { return .keyRejected }
                if let status = error.status, (400..<500).contains(status), status != 429 { return .refused }
                return .unreachable
            }
        case is CancellationError: return .interrupted
        default: return .refused
        }
    }

    /// The table `--help` shows.
    public static let helpText = """
        Exit status:
          0    ok
          1    LeadOS refused the request (4xx); its message is on stderr
          2    configuration: no key, a bad config file, http to a remote host
          3    LeadOS rejected the API key (401/403)
          4    LeadOS unreachable after retries (network, 429, 5xx, bad replies)
          64   usage: an unknown flag or a bad value
          130  interrupted (Ctrl-C)
        """
}

/// A failure the CLI found itself (a campaign name that matches nothing), with its status.
struct CommandFailure: Error, CustomStringConvertible {
    var status: ExitStatus
    var description: String
}

/// Runs a subcommand's body: any error becomes one line on stderr, naming what failed and
/// carrying LeadOS's own message, and the matching exit status. A usage problem found after
/// parsing (a field name `--fields` does not know, a bad `--from-file`) exits 64 like the
/// parser's own.
func runReportingFailure(_ what: @autoclosure () -> String, _ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as ValidationError {
        StandardStreams.error(error.message)
        throw ExitCode(ExitStatus.usage.rawValue)
    } catch let error as ExitCode {
        throw error
    } catch {
        StandardStreams.error("\(what()): \(describe(error))")
        throw ExitCode(ExitStatus.of(error).rawValue)
    }
}

/// The words for an error: LeadOS's message for API errors, the config's own for config errors.
func describe(_ error: any Error) -> String {
    switch error {
    case let error as LeadOSError where error.isKeyRejection:
        return "LeadOS rejected the API key: \(error)"
    case let error as LeadOSError: return String(describing: error)
    case let error as ConfigError: return error.description
    case let failure as CommandFailure: return failure.description
    case is CancellationError: return "interrupted"
    default: return String(describing: error)
    }
}
