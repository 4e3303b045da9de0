import Foundation

/// `GET /v1/feedback/summary`: all-time feedback counts and personalisation progress (API.md §7.12).
public struct FeedbackSummary: Codable, Sendable, Hashable {
    public var totalDelivered: Int
    public var totalFeedback: Int
    public var feedbackRate: Double
    public var good: Int
    public var bad: Int
    public var badReasons: BadReasonCounts
    public var personalisation: Personalisation

    public init(totalDelivered: Int, totalFeedback: Int, feedbackRate: Double, good: Int, bad: Int,
                badReasons: BadReasonCounts, personalisation: Personalisation) {
        self.totalDelivered = totalDelivered; self.totalFeedback = totalFeedback; self.feedbackRate = feedbackRate
        self.good = good; self.bad = bad; self.badReasons = badReasons; self.personalisation = personalisation
    }

    /// Decodes a summary, refusing a negative count or a rate outside 0–1 (`ContractRange`).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        totalDelivered = try c.decode(Int.self, forKey: .totalDelivered, in: ContractRange.count)
        totalFeedback = try c.decode(Int.self, forKey: .totalFeedback, in: ContractRange.count)
        feedbackRate = try c.decode(Double.self, forKey: .feedbackRate, in: ContractRange.fraction)
        good = try c.decode(Int.self, forKey: .good, in: ContractRange.count)
        bad = try c.decode(Int.self, forKey: .bad, in: ContractRange.count)
        badReasons = try c.decode(BadReasonCounts.self, forKey: .badReasons)
        personalisation = try c.decode(Personalisation.self, forKey: .personalisation)
    }

    enum CodingKeys: String, CodingKey {
        case totalDelivered = "total_delivered", totalFeedback = "total_feedback", feedbackRate = "feedback_rate"
        case good, bad, badReasons = "bad_reasons", personalisation
    }

    /// Counts of bad ratings per reason; always all six keys on the wire.
    public struct BadReasonCounts: Codable, Sendable, Hashable {
        public var invalidEmail = 0, wrongPerson = 0, notICP = 0, noIntent = 0, duplicate = 0, other = 0

        public init() {}

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            invalidEmail = try c.decode(Int.self, forKey: .invalidEmail, in: ContractRange.count)
            wrongPerson = try c.decode(Int.self, forKey: .wrongPerson, in: ContractRange.count)
            notICP = try c.decode(Int.self, forKey: .notICP, in: ContractRange.count)
            noIntent = try c.decode(Int.self, forKey: .noIntent, in: ContractRange.count)
            duplicate = try c.decode(Int.self, forKey: .duplicate, in: ContractRange.count)
            other = try c.decode(Int.self, forKey: .other, in: ContractRange.count)
        }

        enum CodingKeys: String, CodingKey {
            case invalidEmail = "invalid_email", wrongPerson = "wrong_person", notICP = "not_icp"
            case noIntent = "no_intent", duplicate, other
        }

        public subscript(reason: BadReason) -> Int {
            get {
                switch reason {
                case .invalidEmail: invalidEmail
                case .wrongPerson: wrongPerson
                case .notICP: notICP
                case .noIntent: noIntent
                case .duplicate: duplicate
                case .other: other
                }
            }
            set {
                switch reason {
                case .invalidEmail: invalidEmail = newValue
                case .wrongPerson: wrongPerson = newValue
                case .notICP: notICP = newValue
                case .noIntent: noIntent = newValue
                case .duplicate: duplicate = newValue
                case .other: other = newValue
                }
            }
        }
    }

    public struct Personalisation: Codable, Sendable, Hashable {
        public var status: PersonalisationStatus
        public var feedbackCount: Int
        public var threshold: Int
        public var progress: Double
        public var activatedAt: Date?

        public init(status: PersonalisationStatus, feedbackCount: Int, threshold: Int, progress: Double, activatedAt: Date?) {
            self.status = status; self.feedbackCount = feedbackCount; self.threshold = threshold
            self.progress = progress; self.activatedAt = activatedAt
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            status = try c.decode(PersonalisationStatus.self, forKey: .status)
            feedbackCount = try c.decode(Int.self, forKey: .feedbackCount, in: ContractRange.count)
            threshold = try c.decode(Int.self, forKey: .threshold, in: ContractRange.positive)
            progress = try c.decode(Double.self, forKey: .progress, in: ContractRange.fraction)
            activatedAt = try c.decodeIfPresent(Date.self, forKey: .activatedAt)
        }

        enum CodingKeys: String, CodingKey {
            case status, feedbackCount = "feedback_count", threshold, progress, activatedAt = "activated_at"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(status, forKey: .status)
            try c.encode(feedbackCount, forKey: .feedbackCount)
            try c.encode(threshold, forKey: .threshold)
            try c.encode(progress, forKey: .progress)
            try c.encode(activatedAt, forKey: .activatedAt)
        }
    }
}
