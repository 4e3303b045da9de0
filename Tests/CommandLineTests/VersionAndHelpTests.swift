import Foundation
import Testing
@testable import LeadTopCLI

@Suite("leadtop --version and --help")
struct VersionAndHelpTests {
    @Test("--version and version print the version, the Swift version and the API version")
    func version() async throws {
        let flag = try await LeadTopProcess.run(["--version"])
        let command = try await LeadTopProcess.run(["version"])
        #expect(flag.status == 0 && command.status == 0)
        #expect(flag.stdout == command.stdout)
        let lines = flag.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0] == "leadtop \(LeadTopVersion.version)")
        #expect(lines[1].hasPrefix("Swift 6."))
        #expect(lines[2] == "LeadOS API v1")
    }

    @Test("--help shows the dashboard's options, --demo first, then the subcommands, and the exit statuses")
    func help() async throws {
        let result = try await LeadTopProcess.run(["--help"])
        #expect(result.status == 0)
        let text = result.stdout
        let options = try #require(text.range(of: "DASHBOARD OPTIONS:"))
        let demo = try #require(text.range(of: "--demo", range: options.upperBound..<text.endIndex))
        let subcommands = try #require(text.range(of: "SUBCOMMANDS:"))
        #expect(options.upperBound < demo.lowerBound && demo.upperBound < subcommands.lowerBound)
        // --demo is the first option listed.
        let firstOption = text[options.upperBound...].split(separator: "\n").first { $0.contains("--") }
        #expect(firstOption?.contains("--demo") == true)
        for name in ["leads", "campaigns", "rate", "suppress", "balance", "stats", "feedback", "version", "sim"] {
            #expect(text[subcommands.upperBound...].contains("  \(name) "), "\(name)")
        }
        for line in ["0    ok", "3    LeadOS rejected the API key", "64   usage", "130  interrupted"] {
            #expect(text.contains(line), "\(line)")
        }
    }
}
