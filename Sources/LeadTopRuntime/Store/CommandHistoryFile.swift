import Foundation

/// The `:` prompt's history, one command per line in the state directory (owner-only, like the
/// rest of it). Unreadable lines are skipped: it is a convenience, never a reason to stop.
public struct CommandHistoryFile: Sendable {
    public let path: String
    /// Lines kept; longer ones are dropped when read (a command is at most 200 characters).
    static let maxLineLength = 200
    static let maxLines = 100

    public init(path: String) { self.path = path }

    /// `command_history` beside the state database.
    public init(besideDatabase databasePath: String) {
        path = URL(fileURLWithPath: databasePath).deletingLastPathComponent().appendingPathComponent("command_history").path
    }

    /// The saved commands, oldest first; none when the file is missing or unreadable.
    public func load() -> [String] {
        guard let data = FileManager.default.contents(atPath: path), data.count <= 1 << 20 else { return [] }
        // Split on the byte, not on Characters: "\r\n" is one Character and would join two lines.
        let lines = data.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
        return Array(lines.filter { !$0.isEmpty && $0.count <= Self.maxLineLength && !$0.contains("\r") }.suffix(Self.maxLines))
    }

    /// Replaces the file with `commands` (written beside it, then renamed, so a crash leaves the
    /// old or the new history, never half of one).
    public func save(_ commands: [String]) throws {
        let text = commands.suffix(Self.maxLines).map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n") + "\n"
        let temporary = path + ".tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary])
        }
        guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
    }
}
