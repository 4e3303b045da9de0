import Foundation
import LeadOSAPI
import LeadTopCore
import LeadTopRender

/// SwiftPM links an executable's entry point under its own name, so libFuzzer's `main` is not the
/// one that runs; this one hands the arguments to libFuzzer's driver instead.
@main
enum ReplyFuzzerMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// One fuzz input: the first byte picks the kind of reply (its top bit: onto an empty dashboard
/// rather than one already holding one of everything), the rest is what LeadOS sent. Whatever
/// decodes is fed to the real reducer as the sync engine would, and frames are drawn at a few
/// sizes with every overlay that shows reply data. Decode errors are fine; a trap is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let bytes = UnsafeBufferPointer(start: start, count: count)
    let kind = ReplyKind.allCases[Int(bytes[0]) % ReplyKind.allCases.count]
    let body = Data(bytes[1...])
    var state = bytes[0] & 0x80 == 0 ? ReplyFuzzer.healthyState : ReplyFuzzer.emptyState
    for update in kind.updates(from: body) { _ = reduce(&state, .sync(update)) }
    ReplyFuzzer.drawEveryView(of: state)
    return 0
}

/// The replies the dashboard reads, in the order of the seed files' first byte.
enum ReplyKind: CaseIterable {
    case leadsPage, campaignsPage, campaign, balance, stats, feedbackSummary, webhookEvent, errorReply

    /// What the sync engine would hand the reducer for this reply; nothing when it does not decode.
    func updates(from body: Data) -> [SyncUpdate] {
        switch self {
        case .leadsPage:
            guard let page = try? LeadOSJSON.decode(ListEnvelope<Lead>.self, from: body) else { return [] }
            return [.newLeads(page.data)]
        case .campaignsPage:
            guard let page = try? LeadOSJSON.decode(ListEnvelope<Campaign>.self, from: body) else { return [] }
            return [.campaigns(page.data)]
        case .campaign:
            guard let campaign = try? LeadOSJSON.decode(Campaign.self, from: body) else { return [] }
            return [.campaign(campaign)]
        case .balance:
            guard let balance = try? LeadOSJSON.decode(Balance.self, from: body) else { return [] }
            return [.balance(balance)]
        case .stats:
            guard let stats = try? LeadOSJSON.decode(DeliveryStats.self, from: body) else { return [] }
            return [.stats(stats)]
        case .feedbackSummary:
            guard let summary = try? LeadOSJSON.decode(FeedbackSummary.self, from: body) else { return [] }
            return [.feedbackSummary(summary)]
        case .webhookEvent:
            guard let event = try? LeadOSJSON.decode(WebhookEvent.self, from: body) else { return [] }
            switch event {
            case .leadDelivered(_, _, let lead): return [.newLeads([lead])]
            case .campaignPaused(_, _, let campaign): return [.campaign(campaign)]
            case .balanceLow(_, _, let balance): return [.balance(balance)]
            }
        case .errorReply:
            return ErrorReply(body).updates(now: ReplyFuzzer.now)
        }
    }
}

/// An error reply written as header lines, a blank line, then the JSON body, so the fuzzer can
/// reach `Retry-After` and the rate-limit headers as well as the error object.
struct ErrorReply {
    var meta: ResponseMeta
    var body: Data

    init(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        let parts = text.components(separatedBy: "\n\n")
        var headers: [String: String] = [:]
        for line in (parts.count > 1 ? parts[0] : "").split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[String(line[..<colon])] = String(line[line.index(after: colon)...])
        }
        meta = ResponseMeta(status: 429, headers: headers)
        body = Data((parts.count > 1 ? parts.dropFirst().joined(separator: "\n\n") : text).utf8)
    }

    func updates(now: Date) -> [SyncUpdate] {
        let reason = (try? LeadOSJSON.decode(APIErrorBody.self, from: body))?.error.message ?? "unreadable reply"
        var updates: [SyncUpdate] = [.connection(.degraded(reason: reason, nextRetry: meta.retryAfter.map(now.addingTimeInterval)))]
        if let limit = meta.rateLimit { updates.append(.rateLimit(remaining: limit.remaining, limit: limit.limit)) }
        return updates
    }
}

enum ReplyFuzzer {
    /// 2026-05-07T14:30:00Z, as in the test fixtures.
    static let now = Date(timeIntervalSince1970: 1_778_164_200)
    static let theme = Theme.default

    /// A dashboard with nothing received yet, at the default size.
    static let emptyState = AppState(width: 120, height: 40, now: now)

    /// A dashboard holding a campaign, a lead, a week of stats, a balance and a feedback summary,
    /// so that a fuzzed reply is drawn beside the others (the burn rate needs stats and a balance).
    static let healthyState: AppState = {
        let day: TimeInterval = 86_400
        let campaign = Campaign(
            id: "camp_base01", name: "Base", status: .active, pausedReason: nil, dailyLeadCap: 25, totalLeadCap: 500,
            jobTitles: ["Founder"], industries: [], companySizes: [], geographies: [], minScore: 60,
            enrichmentLevel: .email, leadsDelivered: 40, leadsDeliveredToday: 3, creditsSpent: 80,
            createdAt: now.addingTimeInterval(-30 * day), updatedAt: now)
        let lead = Lead(
            id: "del_base01", campaignID: campaign.id, fullName: "Raj Sharma", jobTitle: "Founder", companyName: "TechCorp",
            companyDomain: "techcorp.io", companySize: .s11_50, companyIndustry: "SaaS", geography: "Kathmandu, Nepal",
            email: "raj@techcorp.io", emailStatus: .valid, phone: nil, linkedinURL: nil, score: 84,
            intentSummary: "Evaluating CRM", enrichmentLevel: .email, creditsConsumed: 2,
            deliveredAt: now.addingTimeInterval(-60), feedback: nil)
        let days = (0..<7).map { i in
            DeliveryStats.Day(date: Timestamp.formatDay(now.addingTimeInterval(Double(i - 6) * day)), delivered: 5,
                              creditsConsumed: 10, avgScore: 80,
                              byCampaign: [.init(campaignID: campaign.id, delivered: 5, creditsConsumed: 10, avgScore: 80)])
        }
        let stats = DeliveryStats(startDate: days[0].date, endDate: days[6].date, campaignID: nil,
                                  totals: .init(delivered: 35, creditsConsumed: 70, avgScore: 80), data: days)
        let balance = Balance(creditsRemaining: 1_240, creditsUsedThisPeriod: 760, planCredits: 2_000,
                              periodStart: Timestamp.startOfMonth(now), periodEnd: Timestamp.startOfMonth(now, addingMonths: 1),
                              lowBalanceThreshold: 200, lowBalance: false)
        let summary = FeedbackSummary(totalDelivered: 40, totalFeedback: 4, feedbackRate: 0.1, good: 3, bad: 1,
                                      badReasons: .init(),
                                      personalisation: .init(status: .collecting, feedbackCount: 4, threshold: 50,
                                                             progress: 0.08, activatedAt: nil))
        var state = emptyState
        for update: SyncUpdate in [.campaigns([campaign]), .newLeads([lead]), .stats(stats), .balance(balance),
                                   .feedbackSummary(summary), .connection(.live), .refreshed(.feed, at: now)] {
            _ = reduce(&state, .sync(update))
        }
        return state
    }()

    /// Frames at a tiny, the smallest full, a common and a large size, then the lead card and help.
    static func drawEveryView(of state: AppState) {
        for (width, height) in [(20, 6), (60, 18), (80, 24), (200, 50)] {
            var sized = state
            _ = reduce(&sized, .resize(width: width, height: height))
            _ = DashboardView.render(state: sized, theme: theme, width: width, height: height)
        }
        var card = state
        _ = reduce(&card, .key(.enter))
        _ = DashboardView.render(state: card, theme: theme, width: 120, height: 40)
    }
}
