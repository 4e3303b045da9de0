import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The real `leadtop sim` binary: banner, a working key, clean exit on SIGTERM, clear refusals.
@Suite struct SimCommandTests {
    static func binary(filePath: String = #filePath) throws -> URL {
        let root = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var candidates = [root.appendingPathComponent(".build/debug/leadtop")]
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.insert(URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("leadtop"), at: 0)
        }
        return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) },
                            "leadtop is not built; run swift build --build-tests first")
    }

    func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = try Self.binary()
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func badOptionsAreRefusedWithAClearMessage() throws {
        let cases: [([String], String)] = [
            (["sim", "--api-key", "sk_test_nope"], "--api-key must be ldo_live_sk_ followed by 32 letters or digits"),
            (["sim", "--latency", "fast"], "--latency must be a duration like 2s, 1500ms or 1m"),
            (["sim", "--lead-every=-2s"], "--lead-every must be a duration"),
            (["sim", "--rate-limit", "many"], "--rate-limit must look like 120/min"),
            (["sim", "--fail-rate", "1.5"], "--fail-rate must be from 0 to 1"),
            (["sim", "--start-date", "yesterday"], "--start-date must look like 2026-05-07T14:23:00Z"),
        ]
        for (arguments, message) in cases {
            let (status, output) = try run(arguments)
            #expect(status == 64, "\(arguments)")
            #expect(output.contains(message), "\(arguments): \(output)")
        }
    }

    @Test func servesWithTheGivenKeyAndStopsOnSIGTERM() async throws {
        let key = "ldo_live_sk_" + String(repeating: "Ab3", count: 10) + "xy"
        let process = Process()
        process.executableURL = try Self.binary()
        process.arguments = ["sim", "--port", "0", "--api-key", key, "--lead-every", "0", "--campaigns", "2",
                             "--start-date", "2026-05-07T14:23:00Z"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        var banner = ""
        let deadline = Date().addingTimeInterval(60)
        while !banner.contains("API key:"), Date() < deadline {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            banner += String(decoding: chunk, as: UTF8.self)
        }
        let lines = banner.split(separator: "\n").map(String.init)
        let listening = try #require(lines.first { $0.hasPrefix("LeadOS simulator listening on http://127.0.0.1:") })
        #expect(lines.contains("API key: \(key)"))
        let base = String(listening.dropFirst("LeadOS simulator listening on ".count))

        let configuration = URLSessionConfiguration.ephemeral
        configuration.connectionProxyDictionary = [:]
        let session = URLSession(configuration: configuration)
        var request = URLRequest(url: URL(string: base + "/v1/usage/balance")!)
        request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
        let (body, response) = try await session.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: body, as: UTF8.self).contains("\"period_start\":\"2026-05-01T00:00:00Z\""))
        session.invalidateAndCancel()

        kill(process.processIdentifier, SIGTERM)
        let stopBy = Date().addingTimeInterval(20)
        while process.isRunning, Date() < stopBy { try await Task.sleep(for: .milliseconds(20)) }
        #expect(!process.isRunning)
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
    }
}
