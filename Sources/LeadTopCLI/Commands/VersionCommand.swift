import ArgumentParser
import CBuildStamp

/// What `leadtop --version` and `leadtop version` print.
public enum LeadTopVersion {
    /// The release this source tree is; a build stamped by `scripts/install` says `git describe`.
    public static let base = "0.1.0"
    /// The LeadOS API version the client speaks.
    public static let api = "v1"

    /// `git describe` of a stamped build, else the base version marked as a development build.
    public static var version: String {
        if let stamp = leadtop_build_version() { return String(cString: stamp) }
        return "\(base)-dev"
    }

    /// The compiler: what the build was stamped with, else the language mode compiled in.
    public static var swift: String {
        if let stamp = leadtop_build_swift_version() { return String(cString: stamp) }
        #if compiler(>=6.4)
        return "Swift 6.4 or later"
        #elseif compiler(>=6.3)
        return "Swift 6.3"
        #elseif compiler(>=6.2)
        return "Swift 6.2"
        #else
        return "Swift 6.0 or 6.1"
        #endif
    }

    /// One line per fact, `--version`'s text.
    public static var summary: String {
        "leadtop \(version)\n\(swift)\nLeadOS API \(api)"
    }
}

/// `leadtop version`: the same as `leadtop --version`.
public struct VersionCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "version", abstract: "Print leadtop's version, the Swift it was built with and the LeadOS API version.")

    public init() {}

    public func run() throws {
        print(LeadTopVersion.summary)
    }
}
