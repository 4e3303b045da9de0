import ArgumentParser
import Foundation
import LeadOSAPI

/// `leadtop balance`: the credit balance of the current period.
public struct BalanceCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "balance", abstract: "Show the credit balance of the current period.",
        discussion: "Example:\n  leadtop balance --format json | jq .credits_remaining")
    @OptionGroup(title: "Output") var output: OutputOptions
    @OptionGroup(title: "Connection") var connection: ConnectionOptions

    public init() {}

    public func run() async throws {
        Interrupts.exitOnSignals()
        try await runReportingFailure("cannot read the balance") {
            let writer = RecordWriter(format: output.resolvedFormat, kind: .balance, fields: try output.selectedFields(of: .balance), isList: false)
            try writer.write(try await connection.makeClient().balance())
            try writer.finish()
        }
    }
}

/// `leadtop feedback`: the feedback summary and personalisation progress.
public struct FeedbackCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "feedback", abstract: "Show the feedback summary and personalisation progress.",
        discussion: "Example:\n  leadtop feedback")
    @OptionGroup(title: "Output") var output: OutputOptions
    @OptionGroup(title: "Connection") var connection: ConnectionOptions

    public init() {}

    public func run() async throws {
        Interrupts.exitOnSignals()
        try await runReportingFailure("cannot read the feedback summary") {
            let writer = RecordWriter(format: output.resolvedFormat, kind: .feedbackSummary,
                                      fields: try output.selectedFields(of: .feedbackSummary), isList: false)
            try writer.write(try await connection.makeClient().feedbackSummary())
            try writer.finish()
        }
    }
}

/// `leadtop stats`: deliveries per UTC day.
public struct StatsCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Show deliveries, credits and average score per UTC day (up to 90 days).",
        discussion: """
            Days are YYYY-MM-DD, today, or days back (7d); both ends are inclusive (default: the \
            last 30 days). Table and csv print one row per day; json and jsonl print LeadOS's \
            whole reply, totals included.

            Example:
              leadtop stats --from 7d --campaign "Nepal SaaS founders"
            """)
    @Option(help: ArgumentHelp("First day.", valueName: "day")) var from: DayArgument?
    @Option(help: ArgumentHelp("Last day.", valueName: "day")) var to: DayArgument?
    @Option(help: ArgumentHelp("Only this campaign, by id or by name.", valueName: "id|name")) var campaign: String?
    @OptionGroup(title: "Output") var output: OutputOptions
    @OptionGroup(title: "Connection") var connection: ConnectionOptions

    public init() {}

    public func run() async throws {
        Interrupts.exitOnSignals()
        let format = output.resolvedFormat
        try await runReportingFailure("cannot read the stats") {
            let fields = try output.selectedFields(of: .statsDay)
            let client = try connection.makeClient()
            let now = Date()
            let campaignID = try await campaign.asyncMap { try await CampaignReference.id(for: $0, client: client) }
            let stats = try await client.leadStats(startDate: from?.day(now: now), endDate: to?.day(now: now), campaignID: campaignID)
            if format == .json || format == .jsonl {
                let writer = RecordWriter(format: format, kind: .statsDay, fields: nil, isList: false)
                try writer.write(stats)
                try writer.finish()
            } else {
                let writer = RecordWriter(format: format, kind: .statsDay, fields: fields)
                for day in stats.data { try writer.write(day) }
                try writer.finish()
            }
        }
    }
}

extension Optional {
    func asyncMap<U>(_ transform: (Wrapped) async throws -> U) async rethrows -> U? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
