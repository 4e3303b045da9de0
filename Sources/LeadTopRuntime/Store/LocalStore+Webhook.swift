import Foundation
import GRDB
import LeadOSAPI

/// A webhook endpoint registered with LeadOS, kept so the next start reuses it: v1 returns the
/// secret only once and can neither list nor delete endpoints (API.md §7.9), so a registration
/// whose secret is lost can never be used again.
public struct SavedWebhook: Sendable, Hashable {
    /// The LeadOS account it belongs to (profile and API URL).
    public var account: String
    /// The receiver's own URL (`http://127.0.0.1:9740/leadtop/webhook`) it was made for.
    public var receiverURL: String
    public var endpointID: String
    /// The URL registered at LeadOS: the receiver's, or one path segment below it.
    public var url: String
    public var secret: String
    public var events: [String]
    public var createdAt: Date

    public init(account: String, receiverURL: String, endpointID: String, url: String, secret: String, events: [String],
                createdAt: Date) {
        self.account = account; self.receiverURL = receiverURL; self.endpointID = endpointID; self.url = url
        self.secret = secret; self.events = events; self.createdAt = createdAt
    }
}

extension LocalStore {
    public func saveWebhook(_ webhook: SavedWebhook) throws {
        try db.write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO webhook_registration
                    (account, receiver_url, endpoint_id, url, secret, events, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [webhook.account, webhook.receiverURL, webhook.endpointID, webhook.url, webhook.secret,
                                 webhook.events.joined(separator: ","), webhook.createdAt.timeIntervalSince1970])
        }
    }

    /// The registration made for this account and receiver URL, if any.
    public func savedWebhook(account: String, receiverURL: String) throws -> SavedWebhook? {
        try db.read { db in
            try Row.fetchOne(db, sql: """
                SELECT endpoint_id, url, secret, events, created_at FROM webhook_registration
                WHERE account = ? AND receiver_url = ?
                """, arguments: [account, receiverURL]).map { row in
                let events: String = row["events"]
                return SavedWebhook(account: account, receiverURL: receiverURL, endpointID: row["endpoint_id"], url: row["url"],
                                    secret: row["secret"], events: events.split(separator: ",").map(String.init),
                                    createdAt: Date(timeIntervalSince1970: row["created_at"]))
            }
        }
    }
}
