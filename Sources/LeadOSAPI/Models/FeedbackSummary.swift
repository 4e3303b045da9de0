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


    enum CodingKeys: String, CodingKey {
        case totalDelivered = "total_delivered", totalFeedback = "total_feedback", feedbackRate = "feedback_rate"
        case good, bad, badReasons = "bad_reasons", personalisation
    }

    /// Counts of bad ratings per reason; always all six keys on the wire.
    public struct BadReasonCounts: Codable, Sendable, Hashable {
        public var invalidEmail = 0, wrongPerson = 0, notICP = 0, noIntent = 0, duplicate = 0, other = 0

        public init() {}

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
