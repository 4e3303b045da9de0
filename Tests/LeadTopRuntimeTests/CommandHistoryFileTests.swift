import Foundation
import Testing
@testable import LeadTopRuntime

/// The `:` history file: round trip, owner-only, and a damaged file costs the history only.
@Suite struct CommandHistoryFileTests {
    func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("leadtop-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func savedCommandsComeBackInOrderOwnerOnly() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = CommandHistoryFile(besideDatabase: dir.appendingPathComponent("leadtop.sqlite").path)
        #expect(file.path == dir.appendingPathComponent("command_history").path)
        #expect(file.load() == [])
        try file.save(["pause Solar installers DE", "theme light", "filter score>90"])
        #expect(file.load() == ["pause Solar installers DE", "theme light", "filter score>90"])
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(!FileManager.default.fileExists(atPath: file.path + ".tmp"))
    }

    @Test func aDamagedFileGivesWhatIsReadable() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = CommandHistoryFile(path: dir.appendingPathComponent("command_history").path)
        var bytes = Data("refresh\n\u{1b}]0;x\u{7}\r\n".utf8)
        bytes.append(contentsOf: [0xFF, 0xFE, 0x0A])
        bytes.append(Data((String(repeating: "x", count: 300) + "\nscope all\n").utf8))
        try bytes.write(to: URL(fileURLWithPath: file.path))
        // Lines with a CR or over 200 characters are dropped; invalid UTF-8 decodes as U+FFFD and
        // the prompt's sanitizer draws it safely.
        #expect(file.load() == ["refresh", "\u{FFFD}\u{FFFD}", "scope all"])
        try Data(count: 2 << 20).write(to: URL(fileURLWithPath: file.path))
        #expect(file.load() == [])
    }
}
