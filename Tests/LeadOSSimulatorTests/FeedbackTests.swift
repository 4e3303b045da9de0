import Foundation
import LeadOSAPI
import Testing
@testable import LeadOSSimulator

/// Feedback create/overwrite, its validation, the summary and personalisation (API.md §6.2, §7.3, §7.12).
@Suite struct FeedbackTests {
    @Test func firstSubmissionCreatesThenResubmissionOverwrites() async throws {
        try await withSimulator { sim in
            let lead = sim.world.leads().first { $0.feedback == nil }!
            let created = try await sim.post("/v1/leads/\(lead.id)/feedback", #"{"rating":"bad","reason":"invalid_email","note":"Hard bounce"}"#)
            #expect(created.status == 201)
            let fb = try created.decode(Feedback.self)
            #expect(fb == Feedback(leadID: lead.id, rating: .bad, reason: .invalidEmail, note: "Hard bounce",
                                   createdAt: SimulatorHarness.start, updatedAt: SimulatorHarness.start))
            sim.world.advanceClock(by: 90)
            let overwritten = try await sim.post("/v1/leads/\(lead.id)/feedback", #"{"rating":"good"}"#)
            #expect(overwritten.status == 200)
            let fb2 = try overwritten.decode(Feedback.self)
            #expect(fb2.rating == .good && fb2.reason == nil && fb2.note == nil)
            #expect(fb2.createdAt == SimulatorHarness.start && fb2.updatedAt == SimulatorHarness.start.addingTimeInterval(90))
            // The lead reflects it, in the world and on the wire.
            #expect(sim.world.lead(id: lead.id)?.feedback == fb2)
            let page = try await sim.get("/v1/leads?has_feedback=true&limit=100").decode(ListEnvelope<Lead>.self)
            #expect(page.data.first { $0.id == lead.id }?.feedback == fb2)
        }
    }

    @Test func validationAndMissingLeads() async throws {
        try await withSimulator { sim in
            let lead = sim.world.leads()[0]
            let path = "/v1/leads/\(lead.id)/feedback"
            let cases: [(String, String, String)] = [
                ("{}", "parameter_missing", "rating"),
                (#"{"rating":"meh"}"#, "parameter_invalid", "rating"),
                (#"{"rating":"bad"}"#, "parameter_missing", "reason"),
                (#"{"rating":"bad","reason":null}"#, "parameter_missing", "reason"),
                (#"{"rating":"bad","reason":"ugly"}"#, "parameter_invalid", "reason"),
                (#"{"rating":"good","reason":"other"}"#, "parameter_invalid", "reason"),
                (#"{"rating":"good","note":"\#(String(repeating: "n", count: 501))"}"#, "parameter_invalid", "note"),
                (#"{"rating":"good","note":5}"#, "parameter_invalid", "note"),
                (#"{"rating":"good","stars":5}"#, "parameter_unknown", "stars"),
            ]
            for (body, code, param) in cases {
                let r = try await sim.post(path, body)
                #expect(r.status == 422 && r.error.code == code && r.error.param == param, "\(body)")
            }
            #expect(sim.world.lead(id: lead.id) == lead)
            let ok = try await sim.post(path, #"{"rating":"good","note":"\#(String(repeating: "n", count: 500))"}"#)
            #expect(ok.status == 201)
            // 404 before 422.
            let missing = try await sim.post("/v1/leads/del_nope12345/feedback", #"{"rating":"meh"}"#)
            #expect(missing.status == 404 && missing.error.code == "resource_missing")
        }
    }

    @Test func summaryCountsAndPersonalisationMovesForward() async throws {
        try await withSimulator { sim in
            let start = try await sim.get("/v1/feedback/summary").decode(FeedbackSummary.self)
            let leads = sim.world.leads()
            let withFeedback = leads.filter { $0.feedback != nil }
            #expect(start.totalDelivered == leads.count)
            #expect(start.totalFeedback == withFeedback.count)
            #expect(start.good == withFeedback.filter { $0.feedback?.rating == .good }.count)
            #expect(start.bad == withFeedback.count - start.good)
            for reason in BadReason.allCases {
                #expect(start.badReasons[reason] == withFeedback.filter { $0.feedback?.reason == reason }.count)
            }
            #expect(start.feedbackRate == (Double(withFeedback.count) / Double(leads.count) * 1000).rounded() / 1000)
            #expect(start.personalisation.status == .collecting && start.personalisation.threshold == 50)
            #expect(start.personalisation.progress == (Double(withFeedback.count) / 50 * 100).rounded() / 100)
            #expect(start.personalisation.activatedAt == nil)
            // Keys on the wire: all six reasons always present.
            let raw = try await sim.get("/v1/feedback/summary").json["bad_reasons"] as? [String: Int]
            #expect(Set(raw?.keys ?? [:].keys) == Set(BadReason.allCases.map(\.rawValue)))

            let fresh = leads.filter { $0.feedback == nil }
            let needed = 50 - start.personalisation.feedbackCount
            for lead in fresh.prefix(needed) {
                #expect(try await sim.post("/v1/leads/\(lead.id)/feedback", #"{"rating":"bad","reason":"not_icp"}"#).status == 201)
            }
            // Overwrites do not count twice.
            _ = try await sim.post("/v1/leads/\(fresh[0].id)/feedback", #"{"rating":"good"}"#)
            let training = try await sim.get("/v1/feedback/summary").decode(FeedbackSummary.self)
            #expect(training.personalisation.status == .training)
            #expect(training.personalisation.feedbackCount == 50 && training.personalisation.progress == 1)
            #expect(training.badReasons.notICP == start.badReasons.notICP + needed - 1)
            sim.world.advanceClock(by: 59)
            #expect(try await sim.get("/v1/feedback/summary").decode(FeedbackSummary.self).personalisation.status == .training)
            sim.world.advanceClock(by: 1)
            let active = try await sim.get("/v1/feedback/summary").decode(FeedbackSummary.self)
            #expect(active.personalisation.status == .active)
            #expect(active.personalisation.activatedAt == SimulatorHarness.start.addingTimeInterval(60))
        }
    }
}
