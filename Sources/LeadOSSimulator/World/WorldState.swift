import Foundation
import LeadOSAPI

/// The whole simulated LeadOS account as a plain value: campaigns, delivered leads, feedback,
/// suppression list, balance, webhook endpoints. Every operation takes `now` explicitly, so the
/// logic is pure and unit-testable; `SimulatedWorld` wraps it with a lock and a clock.
struct WorldState {
    /// A lead with its encoded JSON cached, because list pages are served far more often than
    /// leads change (the cache is dropped when feedback changes).
    struct StoredLead {
        var lead: Lead
        var personEmail: String
        var encoded: [UInt8]?
    }

    /// A campaign plus the UTC day its `leadsDeliveredToday` counter belongs to.
    struct CampaignRecord {
        var campaign: Campaign
        var countedDay: Int64
    }

    struct WebhookRecord {
        var endpoint: WebhookEndpoint
        var events: Set<String>
    }

    /// A signed-to-be webhook body and the endpoints that asked for it.
    struct OutgoingEvent: Sendable {
        var type: WebhookEventType
        var eventID: String
        var body: [UInt8]
        var targets: [WebhookTarget]
    }

    var rng: SeededRandom
    var hostile: Bool
    var leadSequence: UInt64 = 0
    var campaignSequence: UInt64 = 0

    var campaigns: [String: CampaignRecord] = [:]
    /// Campaign ids by `created_at` descending, then id descending (the list order).
    var campaignOrder: [String] = []

    /// Leads by (`delivered_at`, id) ascending: the list order reversed, so deliveries append.
    var leads: [StoredLead] = []
    /// Bumped whenever any lead is added or changes, so cached list pages know they are stale.
    var leadsVersion: UInt64 = 0
    var leadDates: [String: Date] = [:]
    var suppressed: Set<String> = []

    var planCredits = 2000
    var creditsRemaining = 2000
    var creditsUsedThisPeriod = 0
    var periodStart: Date
    var lowBalanceThreshold = 200
    /// Set once `balance.low` fired for the current crossing; cleared when the balance recovers.
    var lowBalanceNotified = false

    var goodCount = 0
    var badReasons = FeedbackSummary.BadReasonCounts()
    var feedbackCount = 0
    var personalisationStatus = PersonalisationStatus.collecting
    var trainingStartedAt: Date?
    var activatedAt: Date?
    var trainingDuration: TimeInterval
    static let personalisationThreshold = 50

    var webhooks: [WebhookRecord] = []
    var outbox: [OutgoingEvent] = []

    init(seed: UInt64, now: Date, hostile: Bool, trainingDuration: TimeInterval) {
        rng = SeededRandom(seed: seed)
        self.hostile = hostile
        self.trainingDuration = trainingDuration
        periodStart = Timestamp.startOfMonth(now)
    }

    var periodEnd: Date { Timestamp.startOfMonth(periodStart, addingMonths: 1) }

    static func day(_ date: Date) -> Int64 { Int64(floor(date.timeIntervalSince1970 / 86_400)) }

    // MARK: - Time

    /// Applies everything time alone changes: monthly credit resets and the end of training.
    /// Day counters reset lazily (`CampaignRecord.countedDay`).
    mutating func advance(to now: Date) {
        while now >= periodEnd {
            periodStart = periodEnd
            creditsRemaining = planCredits
            creditsUsedThisPeriod = 0
        }
        if creditsRemaining >= lowBalanceThreshold { lowBalanceNotified = false }
        if personalisationStatus == .training, let started = trainingStartedAt,
           now >= started.addingTimeInterval(trainingDuration) {
            personalisationStatus = .active
            activatedAt = Date(timeIntervalSince1970: floor(started.addingTimeInterval(trainingDuration).timeIntervalSince1970))
        }
    }

    // MARK: - Ids

    mutating func nextLeadID() -> String {
        leadSequence += 1
        return "del_" + Base62.encode(leadSequence, width: 6) + rng.alphanumerics(8)
    }

    mutating func nextCampaignID() -> String {
        campaignSequence += 1
        return "camp_" + Base62.encode(campaignSequence, width: 4) + rng.alphanumerics(8)
    }

    // MARK: - Snapshots

    func campaign(_ record: CampaignRecord, now: Date) -> Campaign {
        var c = record.campaign
        if record.countedDay != Self.day(now) { c.leadsDeliveredToday = 0 }
        return c
    }

    func balance() -> Balance {
        Balance(creditsRemaining: creditsRemaining, creditsUsedThisPeriod: creditsUsedThisPeriod,
                planCredits: planCredits, periodStart: periodStart, periodEnd: periodEnd,
                lowBalanceThreshold: lowBalanceThreshold, lowBalance: creditsRemaining < lowBalanceThreshold)
    }

    /// Position of a lead in `leads`, by binary search on its sort key.
    func leadIndex(_ id: String) -> Int? {
        guard let date = leadDates[id] else { return nil }
        let i = lowerBound(date: date, id: id)
        return i < leads.count && leads[i].lead.id == id ? i : nil
    }

    /// First index whose (delivered_at, id) is ≥ the given key.
    func lowerBound(date: Date, id: String) -> Int {
        var lo = 0, hi = leads.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let l = leads[mid].lead
            if l.deliveredAt < date || (l.deliveredAt == date && l.id < id) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// First index delivered at or after `date`.
    func lowerBound(date: Date) -> Int { lowerBound(date: date, id: "") }

    mutating func encodedLead(at index: Int) -> [UInt8] {
        if let bytes = leads[index].encoded { return bytes }
        let bytes = Array((try? LeadOSJSON.encode(leads[index].lead)) ?? Data("{}".utf8))
        leads[index].encoded = bytes
        return bytes
    }

    /// Inserts a lead keeping the order; new deliveries land at the end.
    mutating func insert(_ stored: StoredLead) {
        let l = stored.lead
        leadsVersion &+= 1
        leadDates[l.id] = l.deliveredAt
        if let last = leads.last?.lead, last.deliveredAt > l.deliveredAt || (last.deliveredAt == l.deliveredAt && last.id > l.id) {
            leads.insert(stored, at: lowerBound(date: l.deliveredAt, id: l.id))
        } else {
            leads.append(stored)
        }
    }

    mutating func sortCampaignOrder() {
        campaignOrder.sort { a, b in
            let ca = campaigns[a]!.campaign, cb = campaigns[b]!.campaign
            return ca.createdAt != cb.createdAt ? ca.createdAt > cb.createdAt : ca.id > cb.id
        }
    }
}
