import Foundation
import Testing
import LeadTopApp
import LeadTopCore
import LeadTopRuntime

/// Opening another profile for `:profile`: the key and URL come from that profile, never from the
/// flags or variables the dashboard started with; its state lives in its own directory; a profile
/// still sending its queue cannot be opened twice.
@Suite struct ConfigProfileOpenerTests {
    static let flagKey = "ldo_live_sk_" + String(repeating: "f", count: 32)
    static let otherKey = "ldo_live_sk_" + String(repeating: "b", count: 32)

    @Test func theProfileKeyWinsOverTheStartFlagsAndItsStateIsItsOwn() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("leadtop-opener-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("config.toml")
        try """
            [profiles.other]
            api_url = "http://127.0.0.1:1"
            api_key = "\(Self.otherKey)"
            [profiles.work]
            api_key = "\(Self.otherKey)"
            """.write(to: config, atomically: true, encoding: .utf8)
        let environment = ["XDG_STATE_HOME": directory.appendingPathComponent("state").path,
                           "LEADOS_API_KEY": Self.flagKey, "LEADOS_API_URL": "https://wrong.example"]
        let opener = ConfigProfileOpener(
            inputs: ConfigInputs(apiKeyFlag: Self.flagKey, apiURLFlag: "https://flag.example", profileFlag: "work",
                                 environment: environment, configFile: config),
            listen: nil, allowInsecureHTTP: true, syncTemplate: SyncOptions(), onExchange: nil)

        let opened = try opener.open(profile: "other", sink: { _ in })
        #expect(opened.account == ProfileAccount(name: "other", keySource: "api_key in profile \"other\" of \(config.path)",
                                                 apiURL: "http://127.0.0.1:1", refreshAgeShownAfter: 6))
        let database = directory.appendingPathComponent("state/leadtop/profiles/other/leadtop.sqlite").path
        #expect(FileManager.default.fileExists(atPath: database))

        #expect(throws: ProfileOpenError.stillSending(profile: "other")) {
            _ = try opener.open(profile: "other", sink: { _ in })
        }
        #expect(throws: ConfigError.unknownProfile(name: "nope", path: config.path)) {
            _ = try opener.open(profile: "nope", sink: { _ in })
        }
        withExtendedLifetime(opened) {}
    }
}
