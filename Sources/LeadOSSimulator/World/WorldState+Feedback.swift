import Foundation
import LeadOSAPI

extension WorldState {
    /// Creates (201) or overwrites (200) the one feedback of a lead; `created` tells which.
    mutating func submitFeedback(leadID: String, _ submission: FeedbackSubmission, now: Date) throws(APIFailure)
        -> (feedback: Feedback, created: Bool)
    {
        advance(to: now)
        guard let i = leadIndex(leadID) else { throw .resourceMissing("lead", leadID) }
        let at = Date(timeIntervalSince1970: floor(now.timeIntervalSince1970))
        let previous = leads[i].lead.feedback
        if let previous { count(previous, sign: -1) }
        let feedback = Feedback(leadID: leadID, rating: submission.rating, reason: submission.reason, note: submission.note,
                                createdAt: previous?.createdAt ?? at, updatedAt: at)
        leads[i].lead.feedback = feedback
        leads[i].encoded = nil
        leadsVersion &+= 1
        count(feedback, sign: 1)
        if previous == nil {
            feedbackCount += 1
            if personalisationStatus == .collecting, feedbackCount >= Self.personalisationThreshold {
                personalisationStatus = .training
                trainingStartedAt = at
            }
        }
        advance(to: now)
        return (feedback, previous == nil)
    }

    mutating func count(_ feedback: Feedback, sign: Int) {
        switch feedback.rating {
        case .good: goodCount += sign
        case .bad: badReasons[feedback.reason ?? .other] += sign
        }
    }

    func feedbackSummary() -> FeedbackSummary {
        let bad = BadReason.allCases.reduce(0) { $0 + badReasons[$1] }
        let delivered = leads.count
        let rate = delivered == 0 ? 0 : (Double(feedbackCount) / Double(delivered) * 1000).rounded() / 1000
        let threshold = Self.personalisationThreshold
        let progress = (min(Double(feedbackCount) / Double(threshold), 1) * 100).rounded() / 100
        return FeedbackSummary(
            totalDelivered: delivered, totalFeedback: feedbackCount, feedbackRate: rate, good: goodCount, bad: bad,
            badReasons: badReasons,
            personalisation: .init(status: personalisationStatus, feedbackCount: feedbackCount, threshold: threshold,
                                   progress: progress, activatedAt: activatedAt))
    }

    mutating func registerWebhook(url: String, events: [String], description: String?, now: Date) throws(APIFailure) -> WebhookEndpoint {
        guard !webhooks.contains(where: { $0.endpoint.url == url }) else {
            throw APIFailure(status: 409, type: "invalid_request_error", code: "webhook_url_exists",
                             message: "A webhook endpoint with this URL is already registered.", param: "url")
        }
        let endpoint = WebhookEndpoint(id: "wh_" + rng.alphanumerics(14), url: url, events: events, description: description,
                                       status: "enabled", secret: "ldo_whsec_" + rng.alphanumerics(32),
                                       createdAt: Date(timeIntervalSince1970: floor(now.timeIntervalSince1970)))
        webhooks.append(WebhookRecord(endpoint: endpoint, events: Set(events)))
        return endpoint
    }
}
