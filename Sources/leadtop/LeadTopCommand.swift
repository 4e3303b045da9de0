import ArgumentParser
import Foundation
import LeadTopCLI

/// The `leadtop` executable: with no subcommand the dashboard (its options are the root's, so
/// `leadtop --help` shows them first), the scriptable subcommands, and the LeadOS simulator.
@main
struct LeadTopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leadtop",
        abstract: "A terminal dashboard for LeadOS, and a scriptable LeadOS client.",
        usage: """
            leadtop [--demo] [--api-key <key>] [--profile <name>] [<dashboard-options>]
              leadtop <subcommand> [<options>]
            """,
        discussion: """
            With no subcommand, runs the dashboard: `leadtop --demo` against a built-in simulator, \
            `leadtop --api-key KEY` against LeadOS. The log is $XDG_STATE_HOME/leadtop/leadtop.log \
            (~/.local/state/leadtop/leadtop.log); --log-level debug adds one line per request.

            \(LeadTopCLI.overview)

            \(ExitStatus.helpText)
            """,
        version: LeadTopVersion.summary,
        subcommands: Subcommands.configuration.subcommands
    )

    @OptionGroup(title: "Dashboard options") var dashboard: DashboardCommand

    func run() async throws {
        try await dashboard.run()
    }

    /// A subcommand's arguments are parsed without the dashboard's options around them: the
    /// parser offers a parent's options to its subcommands, and `leads --api-key K` must reach
    /// `leads`, not the dashboard.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let names = Set(Subcommands.configuration.subcommands.map { $0._commandName })
        let first = arguments.first ?? ""
        let second = arguments.dropFirst().first ?? ""
        let isSubcommand = names.contains(first) || (first == "help" && names.contains(second))
        let root: any ParsableCommand.Type = isSubcommand ? Subcommands.self : LeadTopCommand.self
        if !isSubcommand { EarlyCacheRead.begin(arguments: arguments, environment: ProcessInfo.processInfo.environment) }
        do {
            var command = try root.parseAsRoot(arguments)
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            root.exit(withError: error)
        }
    }
}

/// `leadtop <subcommand>`: the same name, the subcommands alone.
struct Subcommands: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leadtop",
        subcommands: LeadTopCLI.subcommands + [SimCommand.self]
    )
}
