import ArgumentParser
import Foundation
import LeadOSAPI

/// `leadtop rate LEAD good|bad`: feedback on one lead, which trains LeadOS's personalisation.
public struct RateCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "rate",
        abstract: "Rate a lead good or bad (rating again overwrites the rating).",
        discussion: """
            A bad rating needs a reason: \(BadReason.allCases.map(\.rawValue).joined(separator: ", ")).

            Example:
              leadtop rate del_abc123 bad --reason invalid_email --note "Hard bounce"
            """
    )

    @Argument(help: ArgumentHelp("The lead's id.", valueName: "lead")) var lead: String
    @Argument(help: ArgumentHelp("good or bad.", valueName: "good|bad")) var rating: FeedbackRating
    @Option(help: "Why it is bad.") var reason: BadReason?
    @Option(help: "A note (up to 500 characters).") var note: String?
    @OptionGroup(title: "Write") var write: WriteOptions
    @OptionGroup(title: "Output") var output: OutputOptions
    @OptionGroup(title: "Connection") var connection: ConnectionOptions

    public init() {}

    public func run() async throws {
        Interrupts.exitOnSignals()
        try await runReportingFailure("cannot rate lead \(lead)") {
            let writer = RecordWriter(format: output.resolvedFormat, kind: .feedback,
                                      fields: try output.selectedFields(of: .feedback), isList: false)
            let client = try connection.makeClient()
            let feedback = try await client.submitFeedback(
                leadID: lead, FeedbackSubmission(rating: rating, reason: reason, note: note), idempotencyKey: write.key())
            try writer.write(feedback)
            try writer.finish()
        }
    }
}

extension FeedbackRating: ExpressibleByArgument {}
extension BadReason: ExpressibleByArgument {}
