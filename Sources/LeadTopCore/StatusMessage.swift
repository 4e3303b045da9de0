import Foundation

/// A transient line in the status bar (a confirmation, a refusal, a hint), gone after `expiresAt`.
public struct StatusMessage: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case info, error }

    public var text: String
    public var kind: Kind
    public var expiresAt: Date

    public init(_ text: String, kind: Kind = .info, expiresAt: Date) {
        self.text = text; self.kind = kind; self.expiresAt = expiresAt
    }
}
