import Foundation
import LeadOSAPI
import NIOCore

/// The endpoint handlers: parse, check existence (404 before 422), validate, then ask the world.
struct APIRoutes {
    let world: SimulatedWorld
    let pages: PageCache
    let requestID: String

    func handle(_ endpoint: Endpoint, query: String?, body: BodyFields) -> Reply {
        do throws(APIFailure) {
            return try run(endpoint, query: query, body: body)
        } catch {
            return .error(error, requestID: requestID)
        }
    }

    private func run(_ endpoint: Endpoint, query: String?, body: BodyFields) throws(APIFailure) -> Reply {
        switch endpoint {
        case .listLeads:
            let key = query ?? ""
            if let cached = pages.page(for: key, version: world.leadsVersion()) { return Reply(status: 200, body: [], buffer: cached) }
            let q = try QueryParameters(query).leadQuery()
            let page = try world.mutate { s, _ throws(APIFailure) in try s.leadPage(q) }
            let buffer = ByteBuffer(bytes: Self.envelope(page.items, hasMore: page.hasMore, nextCursor: page.nextCursor))
            pages.store(buffer, for: key, version: page.version)
            return Reply(status: 200, body: [], buffer: buffer)
        case .leadStats:
            let q = try QueryParameters(query).statsQuery(today: world.now())
            return .json(200, try world.mutate { s, _ in s.stats(startDay: q.start, endDay: q.end, campaignID: q.campaignID) })
        case .submitFeedback(let leadID):
            guard world.lead(id: leadID) != nil else { throw .resourceMissing("lead", leadID) }
            let submission = try RequestBodies.feedback(body)
            let result = try world.mutate { s, now throws(APIFailure) in try s.submitFeedback(leadID: leadID, submission, now: now) }
            return .json(result.created ? 201 : 200, result.feedback)
        case .listCampaigns:
            let q = try QueryParameters(query).campaignQuery()
            return .json(200, try world.mutate { s, now throws(APIFailure) in
                try s.campaignPage(limit: q.limit, startingAfter: q.startingAfter, status: q.status, now: now)
            })
        case .createCampaign:
            let draft = try RequestBodies.campaignDraft(body)
            return .json(201, try world.mutate { s, now throws(APIFailure) in try s.createCampaign(draft, now: now) })
        case .updateCampaign(let id):
            try requireCampaign(id)
            let patch = try RequestBodies.campaignPatch(body)
            return .json(200, try world.mutate { s, now throws(APIFailure) in try s.updateCampaign(id, patch, now: now) })
        case .pauseCampaign(let id):
            try requireCampaign(id)
            try RequestBodies.empty(body)
            return .json(200, try world.mutate { s, now throws(APIFailure) in try s.pauseCampaign(id, now: now) })
        case .resumeCampaign(let id):
            try requireCampaign(id)
            try RequestBodies.empty(body)
            return .json(200, try world.mutate { s, now throws(APIFailure) in try s.resumeCampaign(id, now: now) })
        case .registerWebhook:
            let w = try RequestBodies.webhook(body)
            return .json(201, try world.mutate { s, now throws(APIFailure) in
                try s.registerWebhook(url: w.url, events: w.events, description: w.description, now: now)
            })
        case .suppress:
            let emails = try RequestBodies.suppression(body)
            return .json(200, try world.mutate { s, _ in s.suppress(emails) })
        case .balance:
            try QueryParameters(query).checkKnown([])
            return .json(200, world.balance())
        case .feedbackSummary:
            try QueryParameters(query).checkKnown([])
            return .json(200, world.feedbackSummary())
        }
    }

    private func requireCampaign(_ id: String) throws(APIFailure) {
        guard world.campaign(id: id) != nil else { throw .resourceMissing("campaign", id) }
    }

    /// `{"data":[…],"has_more":…,"next_cursor":…}` assembled from cached lead bytes.
    static func envelope(_ items: [[UInt8]], hasMore: Bool, nextCursor: String?) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(items.reduce(64) { $0 + $1.count + 1 })
        out.append(contentsOf: #"{"data":["#.utf8)
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: item)
        }
        out.append(contentsOf: #"],"has_more":"#.utf8)
        out.append(contentsOf: (hasMore ? "true" : "false").utf8)
        out.append(contentsOf: #","next_cursor":"#.utf8)
        if let nextCursor { out.append(contentsOf: "\"\(nextCursor)\"".utf8) } else { out.append(contentsOf: "null".utf8) }
        out.append(UInt8(ascii: "}"))
        return out
    }
}
