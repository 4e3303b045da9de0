import Foundation
import LeadOSAPI
import LeadOSSimulator
import LeadTopRuntime
import LeadTopTestSupport
import Testing
@testable import LeadTopCLI

/// Each documented exit status on its cause, from the real binary, with the one-line message.
@Suite("leadtop exit statuses", .serialized)
struct ExitStatusTests {
    static let wrongKey = "ldo_live_sk_" + String(repeating: "q", count: 28) + "stuX"

    @Test("a key LeadOS rejects exits 3 and says so")
    func keyRejected() async throws {
        let account = try await SimulatorAccount.start(historyLeads: 10)
        defer { Task { await account.stop() } }
        let result = try await LeadTopProcess.run(["balance", "--api-url", account.server.baseURL.absoluteString,
                                                   "--api-key", Self.wrongKey])
        #expect(result.status == 3)
        #expect(result.stdout == "")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(result.stderr.hasPrefix("leadtop: cannot read the balance: LeadOS rejected the API key: LeadOS 401"))
        #expect(result.stderr.contains("invalid_api_key"))
        #expect(!result.stderr.contains(Self.wrongKey))
    }

    @Test("a closed port exits 4 after the contract's retries")
    func unreachable() async throws {
        let port = LoopbackPort.free()
        let result = try await LeadTopProcess.run(["balance", "--api-url", "http://127.0.0.1:\(port)", "--api-key", Self.wrongKey])
        #expect(result.status == 4)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.hasPrefix("leadtop: cannot read the balance: cannot reach LeadOS"))
    }

    @Test("a 422 exits 1 with LeadOS's own message and param")
    func refused() async throws {
        let account = try await SimulatorAccount.start(historyLeads: 10)
        defer { Task { await account.stop() } }
        let lead = try #require(account.world.leads().first { $0.feedback == nil })
        let result = try await LeadTopProcess.run(["rate", lead.id, "bad"] + account.connection)
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.hasPrefix("leadtop: cannot rate lead \(lead.id): LeadOS 422 invalid_request_error/"))
        #expect(result.stderr.contains("(param: reason)"))
        #expect(account.world.lead(id: lead.id)?.feedback == nil)
    }

    @Test("an unknown flag exits 64, swift-argument-parser's usage status")
    func usage() async throws {
        let result = try await LeadTopProcess.run(["leads", "--no-such-flag"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--no-such-flag"))
        let bad = try await LeadTopProcess.run(["leads", "--since", "yesterday-ish"])
        #expect(bad.status == 64)
    }

    @Test("no API key anywhere, or plain http to a remote host, exits 2")
    func configuration() async throws {
        let missing = try await LeadTopProcess.run(["balance"])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("leadtop: cannot read the balance: no API key"))
        let insecure = try await LeadTopProcess.run(["balance", "--api-url", "http://leados.example.com", "--api-key", Self.wrongKey])
        #expect(insecure.status == 2)
        #expect(insecure.stderr.contains("refusing plain http"))
    }

    @Test("the mapping from errors to statuses")
    func mapping() {
        let meta = ResponseMeta(status: 0, headers: [:])
        func api(_ status: Int, _ code: String = "x") -> LeadOSError {
            .api(status: status, error: .init(type: "t", code: code, message: "m", param: nil, requestID: nil), meta: meta)
        }
        #expect(ExitStatus.of(api(422)) == .refused)
        #expect(ExitStatus.of(api(404)) == .refused)
        #expect(ExitStatus.of(api(409)) == .refused)
        #expect(ExitStatus.of(api(401)) == .keyRejected)
        #expect(ExitStatus.of(api(403)) == .keyRejected)
        #expect(ExitStatus.of(api(429)) == .unreachable)
        #expect(ExitStatus.of(api(503)) == .unreachable)
        #expect(ExitStatus.of(LeadOSError.transport("refused")) == .unreachable)
        #expect(ExitStatus.of(LeadOSError.timeout(seconds: 20)) == .unreachable)
        #expect(ExitStatus.of(LeadOSError.insecureURL("x")) == .configuration)
        #expect(ExitStatus.of(ConfigError.missingAPIKey) == .configuration)
        #expect(ExitStatus.allCases.map(\.rawValue) == [0, 1, 2, 3, 4, 64, 130])
    }
}
