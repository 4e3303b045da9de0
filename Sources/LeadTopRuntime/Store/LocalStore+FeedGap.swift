import Foundation
import GRDB
import LeadOSAPI

extension LocalStore {
    /// Saves the part of the feed still to fetch after a long absence (nil once it is closed), so
    /// a dashboard quit while filling it carries on at the next start.
    public func saveFeedGap(_ gap: FeedGap?) throws {
        try db.write { db in
            if let gap {
                try db.execute(sql: "INSERT OR REPLACE INTO feed_gap (id, since, resume_after) VALUES (1, ?, ?)",
                               arguments: [gap.since.timeIntervalSince1970, gap.resumeAfter])
            } else {
                try db.execute(sql: "DELETE FROM feed_gap")
            }
        }
    }

    /// The saved gap, if the last session left one open.
    public func feedGap() throws -> FeedGap? {
        try db.read { db in
            try Row.fetchOne(db, sql: "SELECT since, resume_after FROM feed_gap WHERE id = 1").map {
                FeedGap(since: Date(timeIntervalSince1970: $0["since"]), resumeAfter: $0["resume_after"])
            }
        }
    }
}
