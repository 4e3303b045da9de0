import ArgumentParser

/// The `leadtop` executable: the dashboard and the LeadOS simulator.
@main
struct LeadTopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leadtop",
        abstract: "A terminal dashboard for LeadOS.",
        subcommands: [DashboardCommand.self, SimCommand.self],
        defaultSubcommand: DashboardCommand.self
    )
}
