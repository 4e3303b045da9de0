import Foundation

/// Waits for async tests. They suspend between captures instead of blocking a thread, so a
/// simulator running in the test process keeps the few threads of Swift's pool to answer with.
extension TmuxSession {
    @discardableResult
    func waitForAsync(timeout: Double = 5, _ what: String = "condition", _ condition: ([String]) -> Bool) async throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var screen: [String] = []
        while true {
            screen = try capture()
            if condition(screen) { return screen }
            if Date() > deadline { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw Failure(description: "timed out after \(timeout) s waiting for \(what); screen:\n" + screen.joined(separator: "\n"))
    }

    @discardableResult
    func waitForAsync(text: String, timeout: Double = 5) async throws -> [String] {
        try await waitForAsync(timeout: timeout, "\"\(text)\"") { $0.contains { $0.contains(text) } }
    }

    @discardableResult
    func waitForPromptAsync(timeout: Double = 5) async throws -> [String] {
        let bare = Self.prompt.trimmingCharacters(in: .whitespaces)
        return try await waitForAsync(timeout: timeout, "the shell prompt") { $0.last { !$0.isEmpty } == bare }
    }
}
