import ArgumentParser

/// The scriptable side of leadtop: subcommands that talk to LeadOS with the dashboard's
/// configuration, client and contract types, registered by the `leadtop` executable.
public enum LeadTopCLI {
    /// In the order `leadtop --help` lists them.
    public static let subcommands: [any ParsableCommand.Type] = [
        LeadsCommand.self, CampaignsCommand.self, RateCommand.self, SuppressCommand.self,
        BalanceCommand.self, StatsCommand.self, FeedbackCommand.self, VersionCommand.self,
    ]

    /// For the root command's `--help`.
    public static let overview = """
        Subcommands talk to LeadOS with the dashboard's configuration (flags, then LEADOS_API_KEY \
        and LEADOS_API_URL, then the config file's profile and api_key_command). They print a \
        table on a terminal and JSON lines when piped; --format table|json|jsonl|csv says which.
        """
}
