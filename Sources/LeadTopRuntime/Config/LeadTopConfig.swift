import Foundation
import LeadOSAPI
import LeadTopCore

/// The settings leadtop runs with, resolved from flags, environment and the config file
/// (in that order of precedence).
public struct LeadTopConfig: Sendable, Hashable {
    /// Where the API key came from, for `--help`-style diagnostics (never the key itself).
    public enum KeySource: Sendable, Hashable {
        case flag, environment, configFile(path: String), command(String)
    }

    public var apiURL: URL
    public var apiKey: String
    public var keySource: KeySource
    public var profile: String?
    public var theme: String?
    public var allowInsecureHTTP: Bool
    public var pollIntervals: PollIntervals
    public var webhookPort: Int?
    public var webhookPublicURL: URL?
    /// Capture the mouse at start.
    public var mouse: Bool
    /// The key bindings with the file's `[keys]` applied.
    public var keys: KeyTable
    /// `[notify]`: which live events notify, and how.
    public var notify = NotifyRules()
    /// Every profile the file defines, sorted: what `:profile` can switch to.
    public var profileNames: [String] = []
    /// `[rating] advance`: after a rating, select the next unrated lead.
    public var ratingAdvance = true
    /// Problems worth telling the user about that do not stop the program (e.g. file permissions).
    public var warnings: [String]

    public static let defaultAPIURL = URL(string: "https://api.leados.net")!
}

extension LeadTopConfig.KeySource {
    /// Where the key came from, as a user would look for it: `the --api-key flag`,
    /// `LEADOS_API_KEY`, `api_key in profile "work" of ~/.config/leadtop/config.toml`.
    public func words(profile: String?) -> String {
        let inProfile = profile.map { " in profile \"\($0)\"" } ?? ""
        switch self {
        case .flag: return "the --api-key flag"
        case .environment: return "LEADOS_API_KEY"
        case .configFile(let path): return "api_key\(inProfile) of \(path)"
        case .command(let command): return "api_key_command `\(command)`\(inProfile)"
        }
    }
}

extension LeadTopConfig: CustomStringConvertible {
    public var description: String {
        "LeadTopConfig(apiURL: \(apiURL.absoluteString), apiKey: \(APIKey.redacted(apiKey)), profile: \(profile ?? "-"))"
    }
}

/// What the resolver reads: flag values as given on the command line, the environment, and where
/// the config file is (normally derived from the environment).
public struct ConfigInputs: Sendable {
    public var apiKeyFlag: String?
    public var apiURLFlag: String?
    public var profileFlag: String?
    public var environment: [String: String]
    public var configFile: URL?
    /// Runs `api_key_command`; injectable so tests need no shell, but the default uses /bin/sh.
    public var runCommand: @Sendable (String) throws(ConfigError) -> String

    public init(apiKeyFlag: String? = nil, apiURLFlag: String? = nil, profileFlag: String? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment, configFile: URL? = nil,
                runCommand: @escaping @Sendable (String) throws(ConfigError) -> String = KeyCommand.run) {
        self.apiKeyFlag = apiKeyFlag; self.apiURLFlag = apiURLFlag; self.profileFlag = profileFlag
        self.environment = environment; self.configFile = configFile; self.runCommand = runCommand
    }
}

extension ConfigInputs: CustomStringConvertible {
    /// Shows the key flag only in redacted form.
    public var description: String {
        "ConfigInputs(apiKeyFlag: \(apiKeyFlag.map(APIKey.redacted) ?? "-"), apiURLFlag: \(apiURLFlag ?? "-"), profile: \(profileFlag ?? "-"))"
    }
}

extension LeadTopConfig {
    /// Resolves the configuration. Precedence: flags > `LEADOS_API_KEY`/`LEADOS_API_URL` > the
    /// selected profile > the file's top level > defaults. A missing config file is fine.
    public static func resolve(_ inputs: ConfigInputs) throws(ConfigError) -> LeadTopConfig {
        let env = inputs.environment
        let fileURL = inputs.configFile ?? XDGPaths.configFile(environment: env)
        var warnings: [String] = []
        var file: ConfigFile?
        if FileManager.default.fileExists(atPath: fileURL.path) {
            let text: String
            do { text = try String(contentsOf: fileURL, encoding: .utf8) } catch {
                throw .unreadable(path: fileURL.path, reason: "not readable as UTF-8 text")
            }
            file = try ConfigFile(text: text, path: fileURL.path)
            warnings += file?.warnings ?? []
            if let warning = permissionWarning(for: fileURL.path) { warnings.append(warning) }
        }

        let profileName = inputs.profileFlag ?? env["LEADTOP_PROFILE"].flatMap { $0.isEmpty ? nil : $0 } ?? file?.defaultProfile
        var profile = ConfigFile.Settings()
        if let profileName {
            guard let found = file?.profiles[profileName] else {
                throw .unknownProfile(name: profileName, path: fileURL.path)
            }
            profile = found
        }
        let base = file?.base ?? ConfigFile.Settings()

        // API key: flag > env > profile (key, then command) > top level (key, then command).
        let apiKey: String
        let source: KeySource
        if let flag = nonEmpty(inputs.apiKeyFlag) {
            (apiKey, source) = (flag, .flag)
        } else if let fromEnv = nonEmpty(env["LEADOS_API_KEY"]) {
            (apiKey, source) = (fromEnv, .environment)
        } else if let key = nonEmpty(profile.apiKey) ?? (profile.apiKeyCommand == nil ? nonEmpty(base.apiKey) : nil) {
            (apiKey, source) = (key, .configFile(path: fileURL.path))
        } else if let command = nonEmpty(profile.apiKeyCommand) ?? nonEmpty(base.apiKeyCommand) {
            (apiKey, source) = (try inputs.runCommand(command), .command(command))
        } else {
            throw .missingAPIKey
        }

        let urlText = nonEmpty(inputs.apiURLFlag) ?? nonEmpty(env["LEADOS_API_URL"]) ?? profile.apiURL ?? base.apiURL
        var apiURL = defaultAPIURL
        if let urlText {
            guard let url = URL(string: urlText), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
                  let host = url.host, !host.isEmpty else { throw .invalidAPIURL(urlText) }
            apiURL = url
        }

        var intervals = PollIntervals.standard
        for resource in [Resource.feed, .campaigns, .balance, .stats, .feedbackSummary] {
            let key = resource.name
            if let seconds = profile.poll[key] ?? base.poll[key] { intervals[resource] = seconds }
        }

        var publicURL: URL?
        if let text = profile.webhookPublicURL ?? base.webhookPublicURL {
            guard let url = URL(string: text), url.scheme != nil, url.host != nil else {
                throw .invalidValue(path: fileURL.path, line: nil, key: "webhook_public_url", expected: "an absolute URL")
            }
            publicURL = url
        }

        var keys = KeyTable.standard
        if let overrides = file?.keys, !overrides.isEmpty {
            do {
                keys = try KeyTable.standard.overriding(overrides.map { ($0.action, $0.keys) })
            } catch {
                let line: Int?
                switch error {
                case .unknownAction(let name, _), .unknownKey(let name, _), .noKeys(let name):
                    line = overrides.first { $0.action == name }?.line
                case .conflict(_, let actions):
                    line = overrides.filter { actions.contains($0.action) }.compactMap(\.line).max()
                }
                throw .invalidKeys(path: fileURL.path, line: line, message: error.description)
            }
        }

        if !APIKey.isWellFormed(apiKey) {
            throw .malformedAPIKey(redacted: APIKey.redacted(apiKey), source: source.words(profile: profileName))
        }

        var config = LeadTopConfig(
            apiURL: apiURL, apiKey: apiKey, keySource: source, profile: profileName,
            theme: profile.theme ?? base.theme,
            allowInsecureHTTP: profile.allowInsecureHTTP ?? base.allowInsecureHTTP ?? false,
            pollIntervals: intervals, webhookPort: profile.webhookPort ?? base.webhookPort,
            webhookPublicURL: publicURL, mouse: profile.mouse ?? base.mouse ?? true, keys: keys,
            notify: file?.notify ?? NotifyRules(), profileNames: (file?.profiles.keys).map { $0.sorted() } ?? [],
            warnings: warnings)
        config.ratingAdvance = file?.ratingAdvance ?? true
        return config
    }

    /// A warning when the file can be read by group or others: it may hold an API key.
    static func permissionWarning(for path: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue, mode & 0o077 != 0 else { return nil }
        return "\(path) is readable by group or others (mode \(String(mode & 0o777, radix: 8))); it may hold an API key: chmod 600 \(path)"
    }

    private static func nonEmpty(_ s: String?) -> String? {
        guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        return t
    }
}
