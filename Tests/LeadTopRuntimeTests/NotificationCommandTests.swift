import Foundation
import Testing
import LeadTopCore
@testable import LeadTopRuntime

/// `[notify] command`: the event reaches the command as JSON on stdin, never on its command line.
@Suite struct NotificationCommandTests {
    @Test func theCommandReadsTheEventAsJSONOnStdin() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("leadtop-notify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("event.json").path
        let runner = NotificationCommand(command: "cat > '\(out)'; echo \"$#\" > '\(out).args'")
        // Lead text that would be dangerous in a shell string.
        let notification = DashboardNotification(
            kind: .leads, at: Date(timeIntervalSince1970: 1_800_000_000), text: "Lead 95: $(touch /tmp/pwned) `id` in X",
            campaignID: "camp_x", leadIDs: ["del_1"])
        let status = await withCheckedContinuation { continuation in
            #expect(runner.run(notification) { continuation.resume(returning: $0) })
        }
        #expect(status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any]
        #expect(json?["type"] as? String == "leads")
        #expect(json?["text"] as? String == "Lead 95: $(touch /tmp/pwned) `id` in X")
        #expect(json?["campaign_id"] as? String == "camp_x")
        #expect(json?["lead_ids"] as? [String] == ["del_1"])
        #expect(json?["at"] as? String == "2027-01-15T08:00:00Z")
        #expect(try String(contentsOfFile: out + ".args", encoding: .utf8) == "0\n")
    }
}
