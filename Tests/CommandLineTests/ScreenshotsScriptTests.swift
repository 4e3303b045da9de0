import Foundation
import Testing

/// `scripts/screenshots` is not run here (it needs rich from PyPI and shows the live clock), so
/// these check what can be checked without it: bash accepts the script, it explains itself, and
/// the SVGs in docs/screenshots are exactly the screens it makes, so none is added or dropped on
/// one side only.
@Suite("scripts/screenshots")
struct ScreenshotsScriptTests {
    let root = LeadTopProcess.packageRoot()
    var script: URL { root.appendingPathComponent("scripts/screenshots") }

    func bash(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = arguments
        process.currentDirectoryURL = root
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("bash accepts the script; --help explains it and an unknown option is refused with status 2")
    func usage() throws {
        let syntax = try bash(["-n", script.path])
        #expect(syntax.status == 0, "\(syntax.output)")
        let help = try bash([script.path, "--help"])
        #expect(help.status == 0)
        #expect(help.output.hasPrefix("Renders the README's screenshots into docs/screenshots/*.svg"), "\(help.output)")
        #expect(help.output.contains("scripts/screenshots [--binary PATH] [--out DIR]"))
        let unknown = try bash([script.path, "--bogus"])
        #expect(unknown.status == 2)
        #expect(unknown.output.contains("scripts/screenshots [--binary PATH] [--out DIR]"))
    }

    @Test("docs/screenshots holds one SVG for each screen the script makes, and nothing else")
    func screensMatchFiles() throws {
        let text = try String(contentsOf: script, encoding: .utf8)
        let made = text.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            return words.first == "shot" && words.count > 1 ? "\(words[1]).svg" : nil
        }
        let directory = root.appendingPathComponent("docs/screenshots")
        let committed = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(made.sorted() == committed)
        for name in committed {
            let svg = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            #expect(svg.hasPrefix("<svg"), "\(name)")
            // rich writes the title's spaces as no-break spaces.
            #expect(svg.contains(">leadtop&#160;--demo"), "\(name) has no leadtop --demo title")
        }
    }
}
