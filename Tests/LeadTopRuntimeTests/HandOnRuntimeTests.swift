import Foundation
import LeadOSAPI
import LeadTopCore
import Testing
@testable import LeadTopRuntime

/// The runtime's side of handing leads on: the browser started with the URL as one argument, the
/// file of `:suppress FILE` read and split, and the filtered feed's addresses read from SQLite.
@Suite struct HandOnRuntimeTests {
    /// A fresh directory, removed by the caller.
    func directory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("leadtop-handon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func script(_ body: String, in dir: URL, name: String = "browser") throws -> String {
        let path = dir.appendingPathComponent(name).path
        try "#!/bin/sh\n\(body)\n".write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        return path
    }

    func open(_ url: String, environment: [String: String]) async -> String? {
        await withCheckedContinuation { continuation in
            BrowserLauncher(environment: environment).open(url) { continuation.resume(returning: $0) }
        }
    }

    @Test func theBrowserGetsTheURLAsItsOnlyArgument() async throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("args").path
        let browser = try script("for a in \"$@\"; do printf '%s\\n' \"$a\"; done > '\(out)'", in: dir)
        let url = "https://linkedin.com/in/raj?a=1&b=$(touch%20x);`id`"
        #expect(await open(url, environment: ["BROWSER": browser]) == nil)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == url + "\n")

        // `%s` places it; later entries of a `:` list are tried when earlier ones are missing.
        #expect(await open(url, environment: ["BROWSER": "/nonexistent/browser:\(browser) --new-window %s --x", "PATH": "/bin"]) == nil)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "--new-window\n\(url)\n--x\n")
    }

    @Test func aFailingOrMissingBrowserIsReported() async throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let failing = try script("exit 3", in: dir)
        #expect(await open("https://x.example", environment: ["BROWSER": failing]) == "\(failing) exited with status 3")
        #expect(await open("https://x.example", environment: ["BROWSER": "no-such-browser-here", "PATH": dir.path])
                == "no-such-browser-here not found ($BROWSER); set $BROWSER to your browser")
        #expect(await open("https://x.example", environment: ["PATH": dir.path])
                == "xdg-open not found (the system's opener); set $BROWSER to your browser")
        #expect(BrowserLauncher(environment: [:]).commands(for: "https://x") == [["xdg-open", "https://x"]])
    }

    @Test func aSuppressionFileIsReadAndSplit() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bounces.txt")
        try "raj@techcorp.io\n Ana@Example.com \n\nnot an address\nraj@TECHCORP.io\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(SuppressionFile.read(file.path) == .suppressionFileRead(
            path: file.path, addresses: ["raj@techcorp.io", "Ana@Example.com"], badLines: 1))
        #expect(SuppressionFile.read("~/bounces.txt", home: dir.path) == .suppressionFileRead(
            path: "~/bounces.txt", addresses: ["raj@techcorp.io", "Ana@Example.com"], badLines: 1))
        #expect(SuppressionFile.read(dir.appendingPathComponent("missing").path)
                == .suppressionFileFailed(path: dir.appendingPathComponent("missing").path, reason: "no such file"))
        #expect(SuppressionFile.read(dir.path) == .suppressionFileFailed(path: dir.path, reason: "it is a directory"))
        let big = dir.appendingPathComponent("big.txt")
        #expect(FileManager.default.createFile(atPath: big.path, contents: nil))
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: UInt64(SuppressionFile.maxBytes + 1))
        try handle.close()
        #expect(SuppressionFile.read(big.path) == .suppressionFileFailed(path: big.path, reason: "larger than 16 MiB"))
    }

    @Test func theFilteredFeedsAddressesComeFromTheCache() throws {
        let store = try LocalStore(path: Fixtures.tempDatabasePath())
        let leads = FeedCacheTests.world
        try store.storeLeads(leads, limit: 100_000)
        let campaign = leads[17].campaignID
        for (text, scope) in [("score>90", nil), ("", campaign), ("score<60", nil), ("", nil), ("zzz-no-match", nil)] as [(String, String?)] {
            let filter = try FeedFilter.parse(text, campaignID: scope).get()
            var expected: [String] = []
            var seen = Set<String>()
            for lead in leads.filter({ filter.matches($0, haystack: FeedFilter.haystack(for: $0)) })
                .sorted(by: { LeadKey($1) < LeadKey($0) }) {
                guard let email = lead.email, !email.isEmpty, seen.insert(email.lowercased()).inserted else { continue }
                expected.append(email)
            }
            #expect(try store.emails(matching: filter) == expected, "\(text) \(scope ?? "all")")
            if text != "zzz-no-match" { #expect(!expected.isEmpty, "\(text) \(scope ?? "all")") }
        }
    }
}
