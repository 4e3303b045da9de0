import LeadTopCore
import LeadTopRuntime

/// Opens another profile of the config for `:profile`: resolves its account, takes its state
/// directory's lock, opens its store and builds its engine around `sink`, without starting it.
/// The wiring provides the real one; a test provides engines it scripts.
public protocol ProfileOpener: Sendable {
    func open(profile: String, sink: @escaping @Sendable (SyncUpdate) -> Void) throws -> OpenedProfile
}

/// A profile ready to run.
public struct OpenedProfile: Sendable {
    public var engine: any SyncDriver
    public var account: ProfileAccount
    /// Kept as long as the profile's engine runs (its state directory's lock, its store).
    public var resources: [any Sendable]

    public init(engine: any SyncDriver, account: ProfileAccount, resources: [any Sendable] = []) {
        self.engine = engine; self.account = account; self.resources = resources
    }
}
