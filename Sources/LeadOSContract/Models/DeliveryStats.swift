import Foundation

/// `GET /v1/leads/stats`: per-day delivery counts over an inclusive date range (API.md §7.2).
public struct DeliveryStats: Codable, Sendable, Hashable {
    public var startDate: String
    public var endDate: String
    public var campaignID: String?
    public var totals: Totals
    public var data: [Day]

    public init(startDate: String, endDate: String, campaignID: String?, totals: Totals, data: [Day]) {
        self.startDate = startDate; self.endDate = endDate; self.campaignID = campaignID
        self.totals = totals; self.data = data
    }

    enum CodingKeys: String, CodingKey {
        case startDate = "start_date", endDate = "end_date", campaignID = "campaign_id", totals, data
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(startDate, forKey: .startDate)
        try c.encode(endDate, forKey: .endDate)
        try c.encode(campaignID, forKey: .campaignID)
        try c.encode(totals, forKey: .totals)
        try c.encode(data, forKey: .data)
    }

    /// Sums over the whole range; `avgScore` is the mean over all leads, null when there are none.
    public struct Totals: Codable, Sendable, Hashable {
        public var delivered: Int
        public var creditsConsumed: Int
        public var avgScore: Double?

        public init(delivered: Int, creditsConsumed: Int, avgScore: Double?) {
            self.delivered = delivered; self.creditsConsumed = creditsConsumed; self.avgScore = avgScore
        }

        /// Decodes totals, refusing negative counts and an average score outside 0–100.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            delivered = try c.decode(Int.self, forKey: .delivered, in: ContractRange.count)
            creditsConsumed = try c.decode(Int.self, forKey: .creditsConsumed, in: ContractRange.count)
            avgScore = try c.decode(Double?.self, forKey: .avgScore, in: ContractRange.averageScore)
        }

        enum CodingKeys: String, CodingKey {
            case delivered, creditsConsumed = "credits_consumed", avgScore = "avg_score"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(delivered, forKey: .delivered)
            try c.encode(creditsConsumed, forKey: .creditsConsumed)
            try c.encode(avgScore, forKey: .avgScore)
        }
    }

    /// One UTC day; zero-filled days have `avgScore == nil` and no campaigns.
    public struct Day: Codable, Sendable, Hashable {
        public var date: String
        public var delivered: Int
        public var creditsConsumed: Int
        public var avgScore: Double?
        public var byCampaign: [CampaignDay]

        public init(date: String, delivered: Int, creditsConsumed: Int, avgScore: Double?, byCampaign: [CampaignDay]) {
            self.date = date; self.delivered = delivered; self.creditsConsumed = creditsConsumed
            self.avgScore = avgScore; self.byCampaign = byCampaign
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            date = try c.decode(String.self, forKey: .date)
            delivered = try c.decode(Int.self, forKey: .delivered, in: ContractRange.count)
            creditsConsumed = try c.decode(Int.self, forKey: .creditsConsumed, in: ContractRange.count)
            avgScore = try c.decode(Double?.self, forKey: .avgScore, in: ContractRange.averageScore)
            byCampaign = try c.decode([CampaignDay].self, forKey: .byCampaign)
        }

        enum CodingKeys: String, CodingKey {
            case date, delivered, creditsConsumed = "credits_consumed", avgScore = "avg_score", byCampaign = "by_campaign"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(date, forKey: .date)
            try c.encode(delivered, forKey: .delivered)
            try c.encode(creditsConsumed, forKey: .creditsConsumed)
            try c.encode(avgScore, forKey: .avgScore)
            try c.encode(byCampaign, forKey: .byCampaign)
        }
    }

    /// One campaign's share of a day.
    public struct CampaignDay: Codable, Sendable, Hashable {
        public var campaignID: String
        public var delivered: Int
        public var creditsConsumed: Int
        public var avgScore: Double?

        public init(campaignID: String, delivered: Int, creditsConsumed: Int, avgScore: Double?) {
            self.campaignID = campaignID; self.delivered = delivered; self.creditsConsumed = creditsConsumed
            self.avgScore = avgScore
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            campaignID = try c.decode(String.self, forKey: .campaignID)
            delivered = try c.decode(Int.self, forKey: .delivered, in: ContractRange.count)
            creditsConsumed = try c.decode(Int.self, forKey: .creditsConsumed, in: ContractRange.count)
            avgScore = try c.decode(Double?.self, forKey: .avgScore, in: ContractRange.averageScore)
        }

        enum CodingKeys: String, CodingKey {
            case campaignID = "campaign_id", delivered, creditsConsumed = "credits_consumed", avgScore = "avg_score"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(campaignID, forKey: .campaignID)
            try c.encode(delivered, forKey: .delivered)
            try c.encode(creditsConsumed, forKey: .creditsConsumed)
            try c.encode(avgScore, forKey: .avgScore)
        }
    }
}
