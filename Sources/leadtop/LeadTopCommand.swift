import ArgumentParser

/// The `leadtop` executable: the dashboard and the LeadOS simulator.
@main
struct LeadTopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leadtop",
        abstract: "A terminal dashboard for LeadOS.",
        discussion: """
            With no subcommand, runs the dashboard: `leadtop --demo` against a built-in simulator, \
            `leadtop --api-key KEY` against LeadOS (`leadtop help dashboard` lists every option). \
            The log is $XDG_STATE_HOME/leadtop/leadtop.log (~/.local/state/leadtop/leadtop.log); \
            --log-level debug adds one line per request.
            """,
        subcommands: [DashboardCommand.self, SimCommand.self],
        defaultSubcommand: DashboardCommand.self
    )
}
