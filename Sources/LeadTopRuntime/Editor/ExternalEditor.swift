import Foundation
import LeadTopCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the user's editor on a campaign document, on the calling thread, with the terminal: the
/// caller has given the terminal up first. `$VISUAL`, else `$EDITOR`, else `vi`, run through
/// `/bin/sh` as git does (`code --wait` works); the file's path is an argument, never part of the
/// command text. A document that does not read is opened again with the reason on top, until it
/// reads or is emptied.
public struct ExternalEditor: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    var command: String {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
        }
        return "vi"
    }

    public func edit(_ request: CampaignEditorRequest) -> CampaignEditorOutcome {
        let pattern = FileManager.default.temporaryDirectory.appendingPathComponent("leadtop-campaign-XXXXXX.toml").path
        var template = Array(pattern.utf8CString)
        let descriptor = mkstemps(&template, 5)
        guard descriptor >= 0 else { return .failed("cannot create a temporary file: \(String(cString: strerror(errno)))") }
        close(descriptor)
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(path) }
        var text = CampaignDocument.text(for: request)
        while true {
            do { try text.write(toFile: path, atomically: false, encoding: .utf8) } catch {
                return .failed("cannot write \(path): \(error)")
            }
            if let failure = run(path) { return .failed(failure) }
            guard let saved = try? String(contentsOfFile: path, encoding: .utf8) else { return .failed("cannot read \(path) back") }
            do {
                guard let values = try CampaignDocument.values(from: saved, base: request.values) else { return .cancelled }
                return .saved(values)
            } catch {
                // Keep what was typed; the reason goes on top.
                let body = saved.split(separator: "\n", omittingEmptySubsequences: false)
                    .drop { $0.hasPrefix("# ERROR:") || $0 == "#" }
                text = "# ERROR: \(error.description)\n#\n" + body.joined(separator: "\n")
            }
        }
    }

    /// Runs the editor on `path`; a failure in words, or nil.
    private func run(_ path: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(command) \"$@\"", "editor", path]
        process.environment = environment
        do { try process.run() } catch { return "\(command): \(error.localizedDescription)" }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return "\(command) exited with status \(process.terminationStatus)" }
        return nil
    }
}
