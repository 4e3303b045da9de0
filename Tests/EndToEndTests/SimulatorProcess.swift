import Foundation
import Synchronization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `leadtop sim` as its own process, as a user would run it: started on a free port, its base URL
/// and key read from the banner it prints, driven through its loopback admin endpoints.
final class SimulatorProcess: Sendable {
    struct Failure: Error, CustomStringConvertible { let description: String }

    let process: Process
    let baseURL: URL
    let apiKey: String

    private init(process: Process, baseURL: URL, apiKey: String) {
        self.process = process; self.baseURL = baseURL; self.apiKey = apiKey
    }

    static func start(_ arguments: [String]) async throws -> SimulatorProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BuiltProducts.executable("leadtop"))
        process.arguments = ["sim", "--port", "0"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let banner = Mutex("")
        output.fileHandleForReading.readabilityHandler = { handle in
            let chunk = handle.availableData
            banner.withLock { $0 += String(decoding: chunk, as: UTF8.self) }
        }
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let text = banner.withLock { $0 }
            if let url = value(after: "listening on ", in: text), let key = value(after: "API key: ", in: text),
               let baseURL = URL(string: url) {
                output.fileHandleForReading.readabilityHandler = nil
                return SimulatorProcess(process: process, baseURL: baseURL, apiKey: key)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        process.terminate()
        throw Failure(description: "leadtop sim printed no banner in 30 s: \(banner.withLock { $0 })")
    }

    /// Delivers `count` leads now (`POST /_sim/deliver`).
    func deliver(count: Int) async throws {
        var request = URLRequest(url: baseURL.appendingPathComponent("_sim/deliver"))
        request.httpMethod = "POST"
        request.httpBody = Data(#"{"count":\#(count)}"#.utf8)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let (_, response) = try await URLSession.shared.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 200 else {
            throw Failure(description: "POST /_sim/deliver answered \(String(describing: response))")
        }
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }

    private static func value(after marker: String, in text: String) -> String? {
        guard let start = text.range(of: marker)?.upperBound,
              let end = text[start...].firstIndex(of: "\n") else { return nil }
        return String(text[start..<end]).trimmingCharacters(in: .whitespaces)
    }
}
