import Foundation
import Testing
@testable import LeadOSSimulator

/// The webhook URL rule (API.md §7.9) as the simulator enforces it and as its OpenAPI document
/// states it: the two must agree, or property-based clients find requests one accepts and the
/// other forbids.
@Suite struct WebhookURLTests {
    @Test func theOpenAPIDocumentStatesTheSamePattern() throws {
        let url = try #require(Bundle.module.url(forResource: "openapi", withExtension: "json"))
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let schemas = (doc["components"] as? [String: Any])?["schemas"] as? [String: Any]
        let registration = schemas?["WebhookRegistration"] as? [String: Any]
        let urlField = (registration?["properties"] as? [String: Any])?["url"] as? [String: Any]
        #expect(urlField?["pattern"] as? String == RequestBodies.webhookURLPattern)
    }

    @Test(arguments: [
        "https://example.com/hooks/leados", "https://crm.example.co.uk:8443/in?token=abc&x=1",
        "https://10.0.0.5/hook", "http://localhost:9740/hook", "http://127.0.0.1/x", "http://[::1]:80/",
    ])
    func accepted(_ url: String) {
        #expect(RequestBodies.isAcceptableWebhookURL(url))
    }

    @Test(arguments: [
        "https://Q*", "http://example.com/hook", "ftp://example.com", "https://", "https://user@example.com/",
        "https://example.com/#frag", "https://exa mple.com", "https://.example.com", "https://a..b/",
        "HTTP://localhost/", "https://example.com/<script>",
    ])
    func refused(_ url: String) {
        #expect(!RequestBodies.isAcceptableWebhookURL(url))
    }
}
