import Foundation
import Testing
@testable import LeadOSAPI

/// Plain-http refusal, key redaction, proxy settings.
@Suite struct ClientSecurityTests {
    static let key = "ldo_live_sk_" + String(repeating: "k", count: 28) + "SECR"

    @Test func plainHTTPOnlyForLoopbackUnlessAllowed() throws {
        let refusal = #expect(throws: LeadOSError.self) {
            try LeadOSClient(options: LeadOSClientOptions(baseURL: URL(string: "http://api.example.com")!, apiKey: Self.key))
        }
        #expect(refusal.map(String.init(describing:))?.contains("refusing plain http to api.example.com") == true)
        _ = try LeadOSClient(options: LeadOSClientOptions(baseURL: URL(string: "http://127.0.0.1:8787")!, apiKey: Self.key))
        _ = try LeadOSClient(options: LeadOSClientOptions(baseURL: URL(string: "http://localhost:1")!, apiKey: Self.key))
        _ = try LeadOSClient(options: LeadOSClientOptions(baseURL: URL(string: "http://[::1]:1")!, apiKey: Self.key))
        _ = try LeadOSClient(options: LeadOSClientOptions(baseURL: URL(string: "http://10.0.0.5")!, apiKey: Self.key, allowInsecureHTTP: true))
        _ = try LeadOSClient(options: LeadOSClientOptions(baseURL: URL(string: "https://api.leados.net")!, apiKey: Self.key))
        #expect(throws: LeadOSError.self) {
            try LeadOSClient(options: LeadOSClientOptions(baseURL: URL(string: "ftp://api.leados.net")!, apiKey: Self.key))
        }
    }

    @Test func keyNeverInDescriptions() throws {
        let options = LeadOSClientOptions(apiKey: Self.key)
        #expect(!String(describing: options).contains(Self.key))
        #expect(String(describing: options).contains("ldo_live_sk_…SECR"))
        let client = try LeadOSClient(options: options)
        #expect(client.scrub("echo: \(Self.key)!") == "echo: ldo_live_sk_…SECR!")
    }

    @Test func proxyFromEnvironmentButNeverForLoopback() {
        let env = ["HTTPS_PROXY": "http://proxy.internal:3128"]
        let proxy = ProxySettings.proxy(environment: env, targetHost: "api.leados.net")
        #expect(proxy?.host == "proxy.internal" && proxy?.port == 3128)
        #expect(ProxySettings.proxy(environment: env, targetHost: "127.0.0.1") == nil)
        #expect(ProxySettings.proxy(environment: [:], targetHost: "api.leados.net") == nil)
        let lower = ProxySettings.proxyURL(environment: ["https_proxy": "proxy:8080"])
        #expect(lower?.host == "proxy" && lower?.port == 8080)
        #expect(ProxySettings.isLoopback(host: "127.3.4.5"))
        #expect(!ProxySettings.isLoopback(host: "127.example.com"))
        #expect(!ProxySettings.isLoopback(host: "10.0.0.1"))
    }
}
