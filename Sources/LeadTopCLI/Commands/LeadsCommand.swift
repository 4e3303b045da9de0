import ArgumentParser
import Foundation
import LeadOSAPI
import LeadTopRuntime

/// `leadtop leads`: every lead matching the filters, all pages walked; with `--follow`, each new
/// lead as it arrives.
public struct LeadsCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "leads",
        abstract: "List delivered leads (every page), or follow new ones as they arrive.",
        discussion: """
            Times are timestamps (2026-05-07T14:23:00Z), UTC days (2026-05-07) or spans back from \
            now (30m, 24h, 7d). --since is inclusive, --until exclusive, as in the API.

            Examples:
              leadtop leads --since 24h --format csv > leads.csv
              leadtop leads --campaign "Nepal SaaS founders" --min-score 80 --unrated
              leadtop leads --follow | while read -r lead; do crm-import "$lead"; done
              leadtop leads --follow --listen 127.0.0.1:9740 --public-url https://hooks.example.com/leadtop
            """
    )

    @Option(help: "Leads delivered at or after this time.") var since: TimeArgument?
    @Option(help: "Leads delivered before this time.") var until: TimeArgument?
    @Option(help: ArgumentHelp("Only this campaign, by id or by name.", valueName: "id|name")) var campaign: String?
    @Option(name: .customLong("min-score"), help: "Only leads scoring at least this (0–100).") var minScore: Int?
    @Flag(help: "Only leads without feedback.") var unrated = false
    @Option(name: .customLong("email-status"), help: ArgumentHelp("Only these email statuses, comma-separated.",
                                                                  valueName: "valid,accept_all,unknown"))
    var emailStatus: String?
    @Option(help: "Print at most this many leads (with --follow: stop after this many new ones).") var limit: Int?
    @Flag(help: "Keep going: print each new lead as it arrives, until Ctrl-C (JSON lines unless --format says otherwise).")
    var follow = false
    @Option(help: "With --follow: seconds between polls (default 5, or 60 as the safety net of --listen).")
    var interval: Double?
    @Option(help: "With --follow: push mode, a webhook receiver on HOST:PORT registered with LeadOS (as the dashboard's --listen).")
    var listen: String?
    @Option(name: .customLong("public-url"), help: "With --listen: URL LeadOS should call (default: the --listen address).")
    var publicURL: String?
    @OptionGroup(title: "Output") var output: OutputOptions
    @OptionGroup(title: "Connection") var connection: ConnectionOptions

    public init() {}

    public func validate() throws {
        if let minScore, !(0...100).contains(minScore) { throw ValidationError("--min-score must be from 0 to 100") }
        if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more") }
        _ = try emailStatuses()
        if follow {
            if until != nil { throw ValidationError("--until cannot be used with --follow") }
            if let interval, !(0.1...3600).contains(interval) {
                throw ValidationError("--interval must be from 0.1 to 3600 seconds")
            }
        } else if listen != nil || interval != nil {
            throw ValidationError("--\(listen != nil ? "listen" : "interval") needs --follow")
        }
        if publicURL != nil, listen == nil { throw ValidationError("--public-url needs --listen") }
        _ = try receiverOptions()
    }

    /// The receiver `--listen` and `--public-url` ask for, checked as the dashboard checks them.
    func receiverOptions() throws -> WebhookReceiverOptions? {
        guard let listen else { return nil }
        let (host, port) = try ListenAddress.parse(listen)
        return WebhookReceiverOptions(port: port, host: host, publicURL: try publicURL.map(ListenAddress.url))
    }

    /// Seconds between polls: pushes bring leads at once, so with them the poll is a slow safety net.
    func pollInterval(pushing: Bool) -> Double {
        interval ?? (pushing ? 60 : 5)
    }

    func emailStatuses() throws -> [EmailStatus]? {
        guard let emailStatus else { return nil }
        return try emailStatus.split(separator: ",").map { part in
            let name = part.trimmingCharacters(in: .whitespaces)
            guard let status = EmailStatus(rawValue: name) else {
                throw ValidationError("--email-status takes valid, accept_all and unknown, not '\(name)'")
            }
            return status
        }
    }

    /// `table` and `csv` print as asked; with `--follow` the default is JSON lines even on a
    /// terminal, since a table cannot grow row by row.
    var format: OutputFormat {
        if follow, output.format == nil { return .jsonl }
        return output.resolvedFormat
    }

    public func run() async throws {
        Interrupts.exitOnSignals()
        try await runReportingFailure("cannot list leads") {
            let fields = try output.selectedFields(of: .lead)
            if follow, format == .table || format == .json {
                throw ValidationError("--follow prints jsonl or csv, not \(format.rawValue)")
            }
            let client = try connection.makeClient()
            let now = Date()
            var query = LeadQuery(limit: 100, since: since?.date(now: now), until: until?.date(now: now),
                                  minScore: minScore, emailStatus: try emailStatuses(), hasFeedback: unrated ? false : nil)
            if let campaign { query.campaignID = try await CampaignReference.id(for: campaign, client: client) }
            if let since = query.since, let until = query.until, since >= until {
                // LeadOS would say the same with a 422; saying it here names the flags.
                throw ValidationError("--since must be before --until")
            }
            let writer = RecordWriter(format: format, kind: .lead, fields: fields)
            if follow {
                var push: FollowPush?
                if let options = try receiverOptions() {
                    push = try await startPush(options, client: client)
                }
                defer { push?.receiver.stop() }
                let pushing = push != nil && push?.unavailable == nil
                try await LeadFollower(client: client, query: query, interval: pollInterval(pushing: pushing), writer: writer,
                                       limit: limit, pushed: pushing ? push?.leads : nil).run()
                try writer.finish()
            } else {
                try await walk(client: client, query: query, writer: writer)
                try writer.finish()
            }
        }
    }

    /// The receiver, registered with the profile's saved registration (shared with the dashboard).
    /// A registration LeadOS does not take is said on stderr, and following goes on by polling.
    private func startPush(_ options: WebhookReceiverOptions, client: LeadOSClient) async throws -> FollowPush {
        let environment = ProcessInfo.processInfo.environment
        let resolved = try connection.resolve(environment: environment)
        let store = try LocalStore(path: LocalStore.path(profile: resolved.profile, environment: environment))
        for warning in store.warnings { StandardStreams.error("warning: \(warning)") }
        let push = try await FollowPush.start(
            options: options, client: client, store: store, account: resolved.account)
        if let reason = push.unavailable {
            StandardStreams.error("leads --follow: push unavailable: \(reason); following by polling every "
                + LeadFollower.seconds(pollInterval(pushing: false)))
        }
        return push
    }

    /// Every page of `query`, newest first as LeadOS sorts them, printed as they come.
    private func walk(client: LeadOSClient, query: LeadQuery, writer: RecordWriter) async throws {
        var query = query
        var printed = 0
        var seenCursors = Set<String>()
        let progress = Progress()
        defer { progress.clear() }
        while true {
            if let limit { query.limit = min(100, limit - printed) }
            let page = try await client.listLeads(query)
            for lead in page.data {
                try writer.write(lead)
                printed += 1
            }
            for item in page.unreadable {
                StandardStreams.error("warning: skipped a lead LeadOS sent that could not be read (\(item.id ?? "no id"): \(item.reason))")
            }
            progress.show("\(printed) leads…")
            if let limit, printed >= limit { return }
            guard page.hasMore, let next = page.nextCursor else { return }
            guard seenCursors.insert(next).inserted else {
                throw LeadOSError.undecodable(status: 200, reason: "pagination cursor \(next) repeated", excerpt: "")
            }
            query.startingAfter = next
        }
    }
}

/// A progress line on stderr while a long walk runs, only when stderr is a terminal.
final class Progress {
    private let enabled = StandardStreams.stderrIsTerminal
    private var shown = false

    func show(_ text: String) {
        guard enabled else { return }
        StandardStreams.write("\r\u{1B}[K" + text, to: STDERR_FILENO)
        shown = true
    }

    func clear() {
        guard shown else { return }
        StandardStreams.write("\r\u{1B}[K", to: STDERR_FILENO)
    }
}
