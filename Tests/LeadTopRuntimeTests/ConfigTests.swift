import Foundation
import LeadTopCore
import Testing
@testable import LeadTopRuntime

/// Real files in a temp directory: the resolver reads them as it would in use.
@Suite struct ConfigTests {
    static let fileKey = "ldo_live_sk_" + String(repeating: "f", count: 32)
    static let envKey = "ldo_live_sk_" + String(repeating: "e", count: 32)
    static let flagKey = "ldo_live_sk_" + String(repeating: "g", count: 32)

    static func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("leadtop-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("leadtop"), withIntermediateDirectories: true)
        return dir
    }

    /// Writes `config.toml` under `$XDG_CONFIG_HOME/leadtop/` with the given mode; returns the environment.
    static func write(_ text: String, mode: Int = 0o600) throws -> (env: [String: String], path: String) {
        let dir = try tempDir()
        let path = dir.appendingPathComponent("leadtop/config.toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return (["XDG_CONFIG_HOME": dir.path, "HOME": "/nonexistent"], path)
    }

    @Test func precedenceFlagsThenEnvThenFile() throws {
        let (env, _) = try Self.write("""
            api_key = "\(Self.fileKey)"
            api_url = "https://file.example.com"
            """)
        let fromFile = try LeadTopConfig.resolve(ConfigInputs(environment: env))
        #expect(fromFile.apiKey == Self.fileKey)
        #expect(fromFile.apiURL.absoluteString == "https://file.example.com")
        #expect(fromFile.warnings.isEmpty)

        var withEnv = env
        withEnv["LEADOS_API_KEY"] = Self.envKey
        withEnv["LEADOS_API_URL"] = "https://env.example.com"
        let fromEnv = try LeadTopConfig.resolve(ConfigInputs(environment: withEnv))
        #expect(fromEnv.apiKey == Self.envKey && fromEnv.keySource == .environment)
        #expect(fromEnv.apiURL.absoluteString == "https://env.example.com")

        let fromFlags = try LeadTopConfig.resolve(ConfigInputs(apiKeyFlag: Self.flagKey, apiURLFlag: "http://127.0.0.1:8787",
                                                              environment: withEnv))
        #expect(fromFlags.apiKey == Self.flagKey && fromFlags.keySource == .flag)
        #expect(fromFlags.apiURL.absoluteString == "http://127.0.0.1:8787")
    }

    /// A misspelt key is a warning naming the file, the line and the key meant; a wrong type of a
    /// known key stays an error.
    @Test func unknownKeysAreWarnedWithTheirLineAndTheNearestKey() throws {
        let (env, path) = try Self.write("""
            thme = "dracula"
            api_key = "\(Self.fileKey)"
            colour_scheme = "x"
            [poll]
            feeed = 5
            [profiles.work]
            api_ulr = "https://x.example.com"
            mouse = false
            """)
        let config = try LeadTopConfig.resolve(ConfigInputs(environment: env))
        #expect(config.warnings == [
            "\(path):3: unknown key `colour_scheme` (ignored)",
            "\(path):1: unknown key `thme`: did you mean `theme`?",
            "\(path):5: unknown key `poll.feeed`: did you mean `feed`?",
            "\(path):7: unknown key `profiles.work.api_ulr`: did you mean `api_url`?",
        ])
        #expect(config.theme == nil && config.mouse == true)
        let (env2, path2) = try Self.write("api_key = \"\(Self.fileKey)\"\nmouse = \"no\"\n")
        #expect(throws: ConfigError.invalidValue(path: path2, line: 2, key: "mouse", expected: "true or false")) {
            try LeadTopConfig.resolve(ConfigInputs(environment: env2))
        }
    }

    /// A key that cannot be a LeadOS key is refused before anything is sent, naming its source.
    @Test func aMalformedKeyIsRefusedWithItsSource() throws {
        let (env, path) = try Self.write("""
            default_profile = "work"
            [profiles.work]
            api_key = "ldo_live_sk_short1234"
            """)
        #expect(throws: ConfigError.malformedAPIKey(redacted: "ldo_live_sk_…1234", source: "api_key in profile \"work\" of \(path)")) {
            try LeadTopConfig.resolve(ConfigInputs(environment: env))
        }
        #expect(throws: ConfigError.malformedAPIKey(redacted: "ldo_live_sk_…oops", source: "LEADOS_API_KEY")) {
            try LeadTopConfig.resolve(ConfigInputs(environment: ["XDG_CONFIG_HOME": "/nonexistent", "LEADOS_API_KEY": "sk_oops"]))
        }
        #expect(ConfigError.malformedAPIKey(redacted: "ldo_live_sk_…oops", source: "the --api-key flag").description
            == "the API key from the --api-key flag (ldo_live_sk_…oops) is not a LeadOS key: it must be ldo_live_sk_ "
            + "followed by 32 letters or digits. Copy it again from your LeadOS account settings")
    }

    /// `[keys]` remaps actions; a bad override names the file and line before anything starts.
    @Test func keysAreRemappedAndBadOverridesNamed() throws {
        let (env, _) = try Self.write("api_key = \"\(Self.fileKey)\"\n[keys]\npause = \"P\"\nrate_good = [\"+\", \"g\"]\n")
        let config = try LeadTopConfig.resolve(ConfigInputs(environment: env))
        #expect(config.keys.action(for: .char("P")) == .pause)
        let lowerP: KeyAction? = config.keys.action(for: .char("p"))
        #expect(lowerP == nil)
        #expect(config.keys.action(for: .char("g")) == .rateGood)
        let (env2, path2) = try Self.write("api_key = \"\(Self.fileKey)\"\n[keys]\nquit = \"x\"\npasue = \"P\"\n")
        #expect(throws: ConfigError.invalidKeys(path: path2, line: 4, message: "unknown action `pasue`: did you mean `pause`?")) {
            try LeadTopConfig.resolve(ConfigInputs(environment: env2))
        }
        let (env3, path3) = try Self.write("api_key = \"\(Self.fileKey)\"\n[keys]\nhelp = \"x\"\nquit = \"x\"\n")
        #expect(throws: ConfigError.invalidKeys(path: path3, line: 4, message: "key x is bound to both help and quit")) {
            try LeadTopConfig.resolve(ConfigInputs(environment: env3))
        }
        #expect(ConfigError.invalidKeys(path: "c.toml", line: 4, message: "m").description == "c.toml:4: [keys] m")
    }

    @Test func defaultsWithoutAFile() throws {
        let dir = try Self.tempDir()
        let config = try LeadTopConfig.resolve(ConfigInputs(environment: ["XDG_CONFIG_HOME": dir.path, "LEADOS_API_KEY": Self.envKey]))
        #expect(config.apiURL.absoluteString == "https://api.leados.net")
        #expect(config.pollIntervals == .standard)
        #expect(config.allowInsecureHTTP == false)
        #expect(throws: ConfigError.missingAPIKey) {
            try LeadTopConfig.resolve(ConfigInputs(environment: ["XDG_CONFIG_HOME": dir.path]))
        }
    }

    @Test func profilesThemeIntervalsAndInsecureFlag() throws {
        let (env, _) = try Self.write("""
            default_profile = "work"
            theme = "nord"
            allow_insecure_http = false

            [poll]
            feed = 5
            stats = 0

            [profiles.work]
            api_key = "\(Self.fileKey)"
            api_url = "http://10.1.2.3:8787"
            allow_insecure_http = true
            theme = "solarized"

            [profiles.work.poll]
            balance = 2.5

            [profiles.home]
            api_key = "\(Self.envKey)"
            """)
        let work = try LeadTopConfig.resolve(ConfigInputs(environment: env))
        #expect(work.profile == "work")
        #expect(work.apiKey == Self.fileKey)
        #expect(work.theme == "solarized")
        #expect(work.allowInsecureHTTP)
        #expect(work.pollIntervals == PollIntervals(feed: 5, campaigns: 10, balance: 2.5, stats: 0, feedbackSummary: 60))
        let home = try LeadTopConfig.resolve(ConfigInputs(profileFlag: "home", environment: env))
        #expect(home.apiKey == Self.envKey && home.theme == "nord" && !home.allowInsecureHTTP)
        #expect(throws: ConfigError.unknownProfile(name: "gym", path: env["XDG_CONFIG_HOME"]! + "/leadtop/config.toml")) {
            try LeadTopConfig.resolve(ConfigInputs(profileFlag: "gym", environment: env))
        }
    }

    @Test func apiKeyCommandRunsThroughTheShell() throws {
        let (env, _) = try Self.write("""
            [profiles.work]
            api_key_command = "printf '%s\\\\nsecond line\\\\n' \(Self.fileKey)"
            """)
        let config = try LeadTopConfig.resolve(ConfigInputs(profileFlag: "work", environment: env))
        #expect(config.apiKey == Self.fileKey)
        #expect(config.keySource == .command("printf '%s\\nsecond line\\n' \(Self.fileKey)"))

        // A chatty command (100 KB on stderr) neither hangs nor hides the key.
        let (chatty, _) = try Self.write("""
            api_key_command = "head -c 100000 /dev/zero | tr '\\\\0' x >&2; echo \(Self.fileKey)"
            """)
        #expect(try LeadTopConfig.resolve(ConfigInputs(environment: chatty)).apiKey == Self.fileKey)

        let (failing, _) = try Self.write("""
            api_key_command = "echo nope >&2; exit 3"
            """)
        #expect(throws: ConfigError.keyCommandFailed(command: "echo nope >&2; exit 3", reason: "exit status 3: nope")) {
            try LeadTopConfig.resolve(ConfigInputs(environment: failing))
        }
    }

    @Test func groupReadableFileGivesAWarning() throws {
        let (env, path) = try Self.write("api_key = \"\(Self.fileKey)\"\n", mode: 0o644)
        let config = try LeadTopConfig.resolve(ConfigInputs(environment: env))
        #expect(config.warnings == ["\(path) is readable by group or others (mode 644); it may hold an API key: chmod 600 \(path)"])
    }

    @Test func badTOMLNamesFileLineAndKey() throws {
        let (env, path) = try Self.write("""
            theme = "nord"
            api_key = "unterminated
            """)
        let error = Self.failure(ConfigInputs(environment: env))
        guard case .syntax(let p, let line, _, let key, _)? = error else { Issue.record("wrong error \(String(describing: error))"); return }
        #expect(p == path && line == 2 && key == "api_key")
        #expect(error!.description.hasPrefix("\(path):2:"))
    }

    static func failure(_ inputs: ConfigInputs) -> ConfigError? {
        do { _ = try LeadTopConfig.resolve(inputs) } catch { return error }
        return nil
    }

    @Test func wrongValueTypesNameLineAndKey() throws {
        let (env, path) = try Self.write("""
            theme = "nord"

            [profiles.work]
            api_key = "\(Self.fileKey)"

            [profiles.work.poll]
            feed = "fast"
            """)
        #expect(throws: ConfigError.invalidValue(path: path, line: 7, key: "profiles.work.poll.feed",
                                                 expected: "a number of seconds between 0 and 86400")) {
            try LeadTopConfig.resolve(ConfigInputs(profileFlag: "work", environment: env))
        }
        let (env2, path2) = try Self.write("allow_insecure_http = \"yes\"\n")
        #expect(throws: ConfigError.invalidValue(path: path2, line: 1, key: "allow_insecure_http", expected: "true or false")) {
            try LeadTopConfig.resolve(ConfigInputs(environment: env2))
        }
        #expect(ConfigError.invalidValue(path: path2, line: 1, key: "allow_insecure_http", expected: "true or false").description
                == "\(path2):1: key allow_insecure_http must be true or false")
    }

    @Test func configErrorsNeverShowTheKey() throws {
        let (env, _) = try Self.write("api_url = \"not a url\"\napi_key = \"\(Self.fileKey)\"\n")
        let error = Self.failure(ConfigInputs(environment: env))
        #expect(error == .invalidAPIURL("not a url"))
        #expect(!String(describing: error).contains(Self.fileKey))
        let config = try LeadTopConfig.resolve(ConfigInputs(apiKeyFlag: Self.flagKey, environment: env.merging(["LEADOS_API_URL": "https://x.io"]) { $1 }))
        #expect(!String(describing: config).contains(Self.flagKey))
        #expect(!String(describing: ConfigInputs(apiKeyFlag: Self.flagKey)).contains(Self.flagKey))
        #expect(!String(reflecting: config).contains(Self.flagKey))
    }

    @Test func stateDirectoryFollowsXDG() {
        #expect(XDGPaths.stateDirectory(environment: ["XDG_STATE_HOME": "/tmp/st", "HOME": "/home/u"]).path == "/tmp/st/leadtop")
        #expect(XDGPaths.stateDirectory(environment: ["HOME": "/home/u"]).path == "/home/u/.local/state/leadtop")
        #expect(XDGPaths.stateDirectory(environment: ["XDG_STATE_HOME": "relative", "HOME": "/home/u"]).path == "/home/u/.local/state/leadtop")
    }
    /// `[notify]` reads every rule; a wrong type names the key and line; a typo is a warning.
    @Test func notifyRulesAreReadAndCheckedExactly() throws {
        let (env, _) = try Self.write("""
            api_key = "\(Self.fileKey)"
            [notify]
            score_at_least = 90
            balance_below = 500
            campaign_paused = true
            campaign = ["EU fintech buyers", "東京"]
            bell = true
            desktop = true
            command = "notify-send leadtop"
            """)
        let config = try LeadTopConfig.resolve(ConfigInputs(environment: env))
        #expect(config.notify == NotifyRules(scoreAtLeast: 90, balanceBelow: 500, campaignPaused: true,
                                             campaigns: ["EU fintech buyers", "東京"], bell: true, desktop: true,
                                             command: "notify-send leadtop"))
        let (plain, _) = try Self.write("api_key = \"\(Self.fileKey)\"\n")
        #expect(try LeadTopConfig.resolve(ConfigInputs(environment: plain)).notify == NotifyRules())

        let (bad, badPath) = try Self.write("api_key = \"\(Self.fileKey)\"\n[notify]\nbell = true\nscore_at_least = 101\n")
        #expect(throws: ConfigError.invalidValue(path: badPath, line: 4, key: "notify.score_at_least", expected: "a score 0–100")) {
            try LeadTopConfig.resolve(ConfigInputs(environment: bad))
        }
        let (typo, typoPath) = try Self.write("api_key = \"\(Self.fileKey)\"\n[notify]\nbel = true\n")
        #expect(try LeadTopConfig.resolve(ConfigInputs(environment: typo)).warnings
            == ["\(typoPath):3: unknown key `notify.bel`: did you mean `bell`?"])
    }

    /// `[rating] advance` is on unless the file turns it off; a wrong type names the line.
    @Test func ratingAdvanceIsReadAndChecked() throws {
        let (plain, _) = try Self.write("api_key = \"\(Self.fileKey)\"\n")
        #expect(try LeadTopConfig.resolve(ConfigInputs(environment: plain)).ratingAdvance == true)
        let (off, _) = try Self.write("api_key = \"\(Self.fileKey)\"\n[rating]\nadvance = false\n")
        #expect(try LeadTopConfig.resolve(ConfigInputs(environment: off)).ratingAdvance == false)
        let (bad, badPath) = try Self.write("api_key = \"\(Self.fileKey)\"\n[rating]\nadvance = \"yes\"\n")
        #expect(throws: ConfigError.invalidValue(path: badPath, line: 3, key: "rating.advance", expected: "true or false")) {
            try LeadTopConfig.resolve(ConfigInputs(environment: bad))
        }
        let (typo, typoPath) = try Self.write("api_key = \"\(Self.fileKey)\"\n[rating]\nadvanse = true\n")
        #expect(try LeadTopConfig.resolve(ConfigInputs(environment: typo)).warnings
            == ["\(typoPath):3: unknown key `rating.advanse`: did you mean `advance`?"])
    }
}
