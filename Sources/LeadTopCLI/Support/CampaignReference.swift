import Foundation
import LeadOSAPI

/// A campaign named on the command line by id (`camp_…`) or by its name, as people remember it.
enum CampaignReference {
    /// The id for `reference`: ids pass as they are; a name is looked up among every campaign
    /// (exact first, then ignoring case) and must match exactly one.
    static func id(for reference: String, client: LeadOSClient) async throws -> String {
        if reference.hasPrefix("camp_") { return reference }
        return try await campaign(for: reference, client: client).id
    }

    /// The campaign itself (LeadOS has no single-campaign GET, so this walks the list).
    static func campaign(for reference: String, client: LeadOSClient) async throws -> Campaign {
        let all = try await client.campaignPages(CampaignQuery(limit: 100)).collect()
        if reference.hasPrefix("camp_") {
            guard let found = all.first(where: { $0.id == reference }) else {
                throw CommandFailure(status: .refused, description: "LeadOS has no campaign \(reference)")
            }
            return found
        }
        var matches = all.filter { $0.name == reference }
        if matches.isEmpty { matches = all.filter { $0.name.lowercased() == reference.lowercased() } }
        switch matches.count {
        case 1: return matches[0]
        case 0: throw CommandFailure(status: .refused, description: "no campaign is named '\(reference)' (leadtop campaigns list shows them)")
        default:
            throw CommandFailure(status: .refused, description: "\(matches.count) campaigns are named '\(reference)': "
                                 + matches.map(\.id).joined(separator: ", ") + "; give the id")
        }
    }
}
