import Foundation
import LeadTopCore

/// Opens a URL in the user's browser: `$BROWSER` when set (a `:`-separated list of commands,
/// tried in order; `%s` marks where the URL goes, else it is the last argument), else `xdg-open`
/// on Linux and `open` on macOS. The URL is one argument of a process started directly, never
/// part of a shell command line, and only http(s) URLs get here (`WebLink`).
public struct BrowserLauncher: Sendable {
    public let environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The command lines to try, in order.
    public func commands(for url: String) -> [[String]] {
        if let browser = environment["BROWSER"], !browser.trimmingCharacters(in: .whitespaces).isEmpty {
            return browser.split(separator: ":").compactMap { entry in
                let words = entry.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                guard !words.isEmpty else { return nil }
                return words.contains("%s") ? words.map { $0 == "%s" ? url : $0 } : words + [url]
            }
        }
        #if os(macOS)
        return [["open", url]]
        #else
        return [["xdg-open", url]]
        #endif
    }

    /// Starts the first command that can be found and returns at once. `finished` is called (on
    /// another thread) when the command exits: nil when it succeeded, else why it failed (also
    /// when none could start). Its output goes nowhere: it must not write over the dashboard.
    public func open(_ url: String, finished: @escaping @Sendable (String?) -> Void) {
        var missing: [String] = []
        for command in commands(for: url) {
            guard let executable = Self.resolve(command[0], path: environment["PATH"]) else {
                missing.append(command[0])
                continue
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = Array(command.dropFirst())
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let name = command[0]
            process.terminationHandler = { process in
                switch (process.terminationReason, process.terminationStatus) {
                case (.exit, 0): finished(nil)
                case (.exit, let status): finished("\(name) exited with status \(status)")
                case (_, let signal): finished("\(name) was killed by signal \(signal)")
                }
            }
            do {
                try process.run()
                return
            } catch {
                finished("cannot start \(name): \(error.localizedDescription)")
                return
            }
        }
        let source = environment["BROWSER"].map { _ in "$BROWSER" } ?? "the system's opener"
        finished("\(missing.joined(separator: ", ")) not found (\(source)); set $BROWSER to your browser")
    }

    /// An executable's path: as given when it has a slash, else the first match on PATH.
    static func resolve(_ name: String, path: String?) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        for directory in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
