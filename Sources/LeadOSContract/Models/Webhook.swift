import Foundation

/// `POST /v1/webhooks` request body.
public struct WebhookRegistration: Codable, Sendable, Hashable {
    public var url: String
    public var events: [String]?
    public var description: String?

    public init(url: String, events: [String]? = nil, description: String? = nil) {
        self.url = url; self.events = events; self.description = description
    }
}

/// A registered webhook endpoint. `secret` is returned only when it is created (API.md §7.9).
public struct WebhookEndpoint: Codable, Sendable, Hashable {
    public var id: String
    public var url: String
    public var events: [String]
    public var description: String?
    public var status: String
    public var secret: String
    public var createdAt: Date

    public init(id: String, url: String, events: [String], description: String?, status: String, secret: String, createdAt: Date) {
        self.id = id; self.url = url; self.events = events; self.description = description
        self.status = status; self.secret = secret; self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id, url, events, description, status, secret, createdAt = "created_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(url, forKey: .url)
        try c.encode(events, forKey: .events)
        try c.encode(description, forKey: .description)
        try c.encode(status, forKey: .status)
        try c.encode(secret, forKey: .secret)
        try c.encode(createdAt, forKey: .createdAt)
    }
}

/// A webhook payload (API.md §8.4). Decoding reads `event` first and then the matching body.
public enum WebhookEvent: Codable, Sendable, Hashable {
    case leadDelivered(eventID: String, createdAt: Date, lead: Lead)
    case campaignPaused(eventID: String, createdAt: Date, campaign: Campaign)
    case balanceLow(eventID: String, createdAt: Date, balance: Balance)

    public var eventID: String {
        switch self {
        case .leadDelivered(let id, _, _), .campaignPaused(let id, _, _), .balanceLow(let id, _, _): id
        }
    }

    public var type: WebhookEventType {
        switch self {
        case .leadDelivered: .leadDelivered
        case .campaignPaused: .campaignPaused
        case .balanceLow: .balanceLow
        }
    }

    enum CodingKeys: String, CodingKey {
        case event, eventID = "event_id", createdAt = "created_at", deliveryID = "delivery_id"
        case campaignID = "campaign_id", lead, campaign, balance
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(WebhookEventType.self, forKey: .event)
        let id = try c.decode(String.self, forKey: .eventID)
        let at = try c.decode(Date.self, forKey: .createdAt)
        switch type {
        case .leadDelivered: self = .leadDelivered(eventID: id, createdAt: at, lead: try c.decode(Lead.self, forKey: .lead))
        case .campaignPaused: self = .campaignPaused(eventID: id, createdAt: at, campaign: try c.decode(Campaign.self, forKey: .campaign))
        case .balanceLow: self = .balanceLow(eventID: id, createdAt: at, balance: try c.decode(Balance.self, forKey: .balance))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .event)
        try c.encode(eventID, forKey: .eventID)
        switch self {
        case .leadDelivered(_, let at, let lead):
            try c.encode(at, forKey: .createdAt)
            try c.encode(lead.id, forKey: .deliveryID)
            try c.encode(lead.campaignID, forKey: .campaignID)
            try c.encode(lead, forKey: .lead)
        case .campaignPaused(_, let at, let campaign):
            try c.encode(at, forKey: .createdAt)
            try c.encode(campaign.id, forKey: .campaignID)
            try c.encode(campaign, forKey: .campaign)
        case .balanceLow(_, let at, let balance):
            try c.encode(at, forKey: .createdAt)
            try c.encode(balance, forKey: .balance)
        }
    }
}
