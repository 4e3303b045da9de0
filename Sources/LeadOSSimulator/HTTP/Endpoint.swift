/// The twelve endpoints of API.md §7, recognised from method and path.
enum Endpoint: Hashable {
    case listLeads, leadStats, submitFeedback(leadID: String)
    case listCampaigns, createCampaign, updateCampaign(id: String), pauseCampaign(id: String), resumeCampaign(id: String)
    case registerWebhook, suppress, balance, feedbackSummary

    static func isWriteMethod(_ method: String) -> Bool { method == "POST" || method == "PATCH" }

    var isWrite: Bool {
        switch self {
        case .listLeads, .leadStats, .listCampaigns, .balance, .feedbackSummary: false
        default: true
        }
    }

    init?(method: String, path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard parts.first == "v1", !parts.contains(where: \.isEmpty) else { return nil }
        let p = Array(parts.dropFirst()).map(String.init)
        switch (method, p.count) {
        case ("GET", 1) where p[0] == "leads": self = .listLeads
        case ("GET", 2) where p == ["leads", "stats"]: self = .leadStats
        case ("POST", 3) where p[0] == "leads" && p[2] == "feedback": self = .submitFeedback(leadID: p[1])
        case ("GET", 1) where p[0] == "campaigns": self = .listCampaigns
        case ("POST", 1) where p[0] == "campaigns": self = .createCampaign
        case ("PATCH", 2) where p[0] == "campaigns": self = .updateCampaign(id: p[1])
        case ("POST", 3) where p[0] == "campaigns" && p[2] == "pause": self = .pauseCampaign(id: p[1])
        case ("POST", 3) where p[0] == "campaigns" && p[2] == "resume": self = .resumeCampaign(id: p[1])
        case ("POST", 1) where p[0] == "webhooks": self = .registerWebhook
        case ("POST", 1) where p[0] == "suppression": self = .suppress
        case ("GET", 2) where p == ["usage", "balance"]: self = .balance
        case ("GET", 2) where p == ["feedback", "summary"]: self = .feedbackSummary
        default: return nil
        }
    }
}
