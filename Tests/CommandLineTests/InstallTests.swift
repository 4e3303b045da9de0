import Foundation
import Testing

/// `scripts/install` into a temporary prefix: the binary runs and says its stamped version, `man`
/// renders the page, bash accepts the completion. The debug build stands in for the release one
/// (the same commands; a release build takes many minutes).
@Suite("scripts/install")
struct InstallTests {
    func shell(_ command: String, environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = LeadTopProcess.packageRoot()
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("leadtop-install-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, (try? String(contentsOf: output, encoding: .utf8)) ?? "")
    }

    @Test("installs the binary, a manual page that man renders, and completions bash accepts", .timeLimit(.minutes(5)))
    func install() throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("leadtop-prefix-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        let installed = try shell("scripts/install '\(prefix)'", environment: ["LEADTOP_INSTALL_CONFIGURATION": "debug"])
        #expect(installed.status == 0, "\(installed.output)")

        let version = try shell("'\(prefix)/bin/leadtop' --version")
        let described = try shell("git describe --tags --always --dirty").output.trimmingCharacters(in: .whitespacesAndNewlines)
        let swift = try shell("swift --version 2>/dev/null | head -n 1 | sed 's/ *(.*//'").output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version.status == 0)
        #expect(version.output == "leadtop \(described)\n\(swift)\nLeadOS API v1\n")
        #expect(swift.hasPrefix("Swift version 6."))

        let manual = try shell("MANWIDTH=80 man -l '\(prefix)/share/man/man1/leadtop.1' 2>&1")
        #expect(manual.status == 0)
        #expect(manual.output.contains("LEADTOP(1)"))
        #expect(manual.output.contains("--demo"))
        for subcommand in ["leads", "campaigns", "suppress", "balance"] { #expect(manual.output.contains(subcommand)) }
        #expect(!manual.output.contains("warning"), "\(manual.output.prefix(400))")

        let bash = try shell("bash -n '\(prefix)/share/bash-completion/completions/leadtop'")
        #expect(bash.status == 0, "\(bash.output)")
        let completed = try shell("source '\(prefix)/share/bash-completion/completions/leadtop' && complete -p leadtop")
        #expect(completed.output.contains("leadtop"))
        #expect(FileManager.default.fileExists(atPath: "\(prefix)/share/zsh/site-functions/_leadtop"))
        #expect(FileManager.default.fileExists(atPath: "\(prefix)/share/fish/vendor_completions.d/leadtop.fish"))
    }
}
