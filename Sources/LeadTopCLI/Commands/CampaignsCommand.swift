import ArgumentParser
import Foundation
import LeadOSAPI
import LeadTopRuntime

/// `leadtop campaigns …`: list, show, create, update, pause, resume and launch campaigns.
public struct CampaignsCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "campaigns",
        abstract: "List, show, create, update, pause, resume and launch campaigns.",
        discussion: """
            A campaign is named by its id (camp_…) or by its name.

            Examples:
              leadtop campaigns list --status active
              leadtop campaigns pause "Nepal SaaS founders"
              leadtop campaigns create --name "Berlin CTOs" --job-title CTO --geography Germany --draft
              leadtop campaigns update camp_abc123 --from-file settings.json
            """,
        subcommands: [List.self, Show.self, Create.self, Update.self, Pause.self, Resume.self, Launch.self],
        defaultSubcommand: List.self
    )

    public init() {}

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List every campaign (newest first).")
        @Option(help: "Only campaigns in this status: draft, active, paused or completed.") var status: String?
        @OptionGroup(title: "Output") var output: OutputOptions
        @OptionGroup(title: "Connection") var connection: ConnectionOptions

        func run() async throws {
            Interrupts.exitOnSignals()
            try await runReportingFailure("cannot list campaigns") {
                var query = CampaignQuery(limit: 100)
                if let status {
                    guard let value = CampaignStatus(rawValue: status) else {
                        throw ValidationError("--status takes draft, active, paused or completed, not '\(status)'")
                    }
                    query.status = value
                }
                let writer = RecordWriter(format: output.resolvedFormat, kind: .campaign, fields: try output.selectedFields(of: .campaign))
                let client = try connection.makeClient()
                for try await page in client.campaignPages(query) {
                    for campaign in page { try writer.write(campaign) }
                }
                try writer.finish()
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one campaign.")
        @Argument(help: ArgumentHelp("The campaign.", valueName: "id|name")) var campaign: String
        @OptionGroup(title: "Output") var output: OutputOptions
        @OptionGroup(title: "Connection") var connection: ConnectionOptions

        func run() async throws {
            Interrupts.exitOnSignals()
            try await runReportingFailure("cannot show campaign \(campaign)") {
                let writer = try singleCampaignWriter(output)
                let client = try connection.makeClient()
                try writer.write(try await CampaignReference.campaign(for: campaign, client: client))
                try writer.finish()
            }
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Create a campaign (active unless --draft).",
            discussion: "Needs a name and at least one job title, from flags or --from-file; other fields take LeadOS's defaults.")
        @OptionGroup(title: "Fields") var fields: CampaignFieldOptions
        @Flag(help: "Create it as a draft (launch it later with `campaigns launch`).") var draft = false
        @OptionGroup(title: "Write") var write: WriteOptions
        @OptionGroup(title: "Output") var output: OutputOptions
        @OptionGroup(title: "Connection") var connection: ConnectionOptions

        func run() async throws {
            Interrupts.exitOnSignals()
            try await runReportingFailure("cannot create the campaign") {
                let body = try fields.fields().draft(asDraft: draft)
                let writer = try singleCampaignWriter(output)
                let client = try connection.makeClient()
                try writer.write(try await client.createCampaign(body, idempotencyKey: write.key()))
                try writer.finish()
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update",
            abstract: "Change a campaign's settings.",
            discussion: "Only the fields given are sent; a list given replaces the campaign's list whole.")
        @Argument(help: ArgumentHelp("The campaign.", valueName: "id|name")) var campaign: String
        @OptionGroup(title: "Fields") var fields: CampaignFieldOptions
        @OptionGroup(title: "Write") var write: WriteOptions
        @OptionGroup(title: "Output") var output: OutputOptions
        @OptionGroup(title: "Connection") var connection: ConnectionOptions

        func run() async throws {
            Interrupts.exitOnSignals()
            try await runReportingFailure("cannot update campaign \(campaign)") {
                let patch = try fields.fields().patch
                let writer = try singleCampaignWriter(output)
                let client = try connection.makeClient()
                let id = try await CampaignReference.id(for: campaign, client: client)
                try writer.write(try await client.updateCampaign(id: id, patch, idempotencyKey: write.key()))
                try writer.finish()
            }
        }
    }

    struct Pause: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "pause", abstract: "Pause an active campaign (a paused one stays paused).")
        @OptionGroup var target: StateChange

        func run() async throws {
            try await target.run(verb: "pause") { client, id, key in try await client.pauseCampaign(id: id, idempotencyKey: key) }
        }
    }

    struct Resume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "resume", abstract: "Resume a paused campaign (an active one stays active).")
        @OptionGroup var target: StateChange

        func run() async throws {
            try await target.run(verb: "resume") { client, id, key in try await client.resumeCampaign(id: id, idempotencyKey: key) }
        }
    }

    struct Launch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "launch", abstract: "Launch a draft campaign.")
        @OptionGroup var target: StateChange

        func run() async throws {
            try await target.run(verb: "launch") { client, id, key in
                try await client.updateCampaign(id: id, CampaignPatch(status: .active), idempotencyKey: key)
            }
        }
    }

    /// What pause, resume and launch share: the campaign, the write's key, output, connection.
    struct StateChange: ParsableArguments {
        @Argument(help: ArgumentHelp("The campaign.", valueName: "id|name")) var campaign: String
        @OptionGroup(title: "Write") var write: WriteOptions
        @OptionGroup(title: "Output") var output: OutputOptions
        @OptionGroup(title: "Connection") var connection: ConnectionOptions

        func run(verb: String, _ change: (LeadOSClient, String, String) async throws -> Campaign) async throws {
            Interrupts.exitOnSignals()
            try await runReportingFailure("cannot \(verb) campaign \(campaign)") {
                let writer = try singleCampaignWriter(output)
                let client = try connection.makeClient()
                let id = try await CampaignReference.id(for: campaign, client: client)
                try writer.write(try await change(client, id, write.key()))
                try writer.finish()
            }
        }
    }
}

/// One campaign printed whole (every field) unless `--fields` says otherwise.
private func singleCampaignWriter(_ output: OutputOptions) throws -> RecordWriter {
    RecordWriter(format: output.resolvedFormat, kind: .campaign,
                 fields: try output.selectedFields(of: .campaign) ?? RecordKind.campaign.columns, isList: false)
}
