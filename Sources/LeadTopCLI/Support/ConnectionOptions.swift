import ArgumentParser
import Foundation
import LeadOSAPI
import LeadTopRuntime

/// Where to reach LeadOS and with which key: the dashboard's flags, resolved the dashboard's way
/// (flags, then `LEADOS_API_KEY`/`LEADOS_API_URL`, then the config file's profile, including
/// `api_key_command`), so a script and the dashboard always talk to the same account.
public struct ConnectionOptions: ParsableArguments {
    @Option(name: .customLong("api-key"), help: "LeadOS API key (else LEADOS_API_KEY, else the config file).")
    var apiKey: String?
    @Option(name: .customLong("api-url"), help: "LeadOS base URL (else LEADOS_API_URL, else the config file, else https://api.leados.net).")
    var apiURL: String?
    @Option(help: "Profile of the config file to use.") var profile: String?
    @Option(help: "Config file (default: $XDG_CONFIG_HOME/leadtop/config.toml).") var config: String?
    @Flag(name: .customLong("allow-insecure-http"), help: "Allow plain http to a non-loopback API host.")
    var allowInsecureHTTP = false

    public init() {}

    /// What these flags give `LeadTopConfig.resolve` (the dashboard resolves the same way).
    public func configInputs(environment: [String: String]) -> ConfigInputs {
        ConfigInputs(apiKeyFlag: apiKey, apiURLFlag: apiURL, profileFlag: profile, environment: environment,
                     configFile: config.map { URL(fileURLWithPath: $0) })
    }

    /// `--allow-insecure-http` was given.
    public var insecureHTTPAllowed: Bool { allowInsecureHTTP }

    /// The configuration, as the dashboard resolves it.
    func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigError) -> LeadTopConfig {
        try LeadTopConfig.resolve(configInputs(environment: environment))
    }

    /// A client with the contract's retry policy (5 tries, Retry-After honoured) and https rules.
    /// Config warnings (a world-readable config file) go to stderr.
    func makeClient(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> LeadOSClient {
        let resolved = try resolve(environment: environment)
        for warning in resolved.warnings { StandardStreams.error("warning: \(warning)") }
        return try LeadOSClient(options: LeadOSClientOptions(
            baseURL: resolved.apiURL, apiKey: resolved.apiKey,
            allowInsecureHTTP: allowInsecureHTTP || resolved.allowInsecureHTTP, environment: environment))
    }
}
