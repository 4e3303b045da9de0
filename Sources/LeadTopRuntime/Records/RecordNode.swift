import Foundation
import LeadOSAPI

/// A contract object as an ordered tree: the fields in the order the model encodes them (the
/// contract's order), so table and CSV columns read like API.md and not alphabetically.
public indirect enum RecordNode: Hashable, Sendable {
    case null
    case bool(Bool)
    /// A number as the JSON output writes it.
    case number(String)
    case string(String)
    case array([RecordNode])
    case object([Field])

    public struct Field: Hashable, Sendable {
        public var name: String
        public var value: RecordNode

        public init(name: String, value: RecordNode) { self.name = name; self.value = value }
    }

    /// Encodes any contract value the way `LeadOSJSON` does (timestamps as `Timestamp` strings),
    /// keeping the field order.
    public static func of(_ value: some Encodable) throws -> RecordNode {
        let storage = NodeStorage()
        try NodeStorage.encode(value, into: storage, codingPath: [])
        return storage.node
    }

    /// The leaves of the tree under dotted names (`feedback.rating`); arrays are leaves, written
    /// as JSON text, so one record is always one row.
    public var flattened: [(name: String, value: RecordNode)] {
        var out: [(String, RecordNode)] = []
        func walk(_ node: RecordNode, _ prefix: String) {
            if case .object(let fields) = node, !(fields.isEmpty && !prefix.isEmpty) {
                for field in fields { walk(field.value, prefix.isEmpty ? field.name : "\(prefix).\(field.name)") }
            } else {
                out.append((prefix, node))
            }
        }
        walk(self, "")
        return out
    }

    /// The value at a dotted path; `.null` when the path runs through a null (an unrated lead's
    /// `feedback.rating`) or does not exist.
    public func value(at path: String) -> RecordNode {
        var node = self
        for part in path.split(separator: ".", omittingEmptySubsequences: false) {
            guard case .object(let fields) = node, let next = fields.first(where: { $0.name == part }) else { return .null }
            node = next.value
        }
        return node
    }

    /// The text of a cell: strings as they are, numbers and booleans as in JSON, null as nothing,
    /// arrays and objects as compact JSON.
    public var cellText: String {
        switch self {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n
        case .string(let s): return s
        case .array, .object: return jsonText
        }
    }

    /// Compact JSON, keys in field order.
    public var jsonText: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n
        case .string(let s): return Self.quoted(s)
        case .array(let items): return "[" + items.map(\.jsonText).joined(separator: ",") + "]"
        case .object(let fields): return "{" + fields.map { Self.quoted($0.name) + ":" + $0.value.jsonText }.joined(separator: ",") + "}"
        }
    }

    public static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A double as JSON writes it: whole numbers without `.0`.
    public static func number(_ d: Double) -> RecordNode {
        guard d.isFinite else { return .null }
        if d == d.rounded(), abs(d) < 1e15 { return .number(String(Int64(d))) }
        return .number(String(d))
    }
}

/// The mutable tree an encoding builds up, turned into a `RecordNode` at the end.
final class NodeStorage {
    enum Kind {
        case unset
        case value(RecordNode)
        case object([(String, NodeStorage)])
        case array([NodeStorage])
    }

    var kind: Kind = .unset

    var node: RecordNode {
        switch kind {
        case .unset: return .null
        case .value(let node): return node
        case .object(let entries): return .object(entries.map { RecordNode.Field(name: $0.0, value: $0.1.node) })
        case .array(let items): return .array(items.map(\.node))
        }
    }

    func child(forKey key: String) -> NodeStorage {
        let child = NodeStorage()
        var entries: [(String, NodeStorage)] = []
        if case .object(let existing) = kind { entries = existing.filter { $0.0 != key } }
        entries.append((key, child))
        kind = .object(entries)
        return child
    }

    func appendChild() -> NodeStorage {
        let child = NodeStorage()
        var items: [NodeStorage] = []
        if case .array(let existing) = kind { items = existing }
        items.append(child)
        kind = .array(items)
        return child
    }

    static func encode<T: Encodable>(_ value: T, into storage: NodeStorage, codingPath: [any CodingKey]) throws {
        switch value {
        case let date as Date: storage.kind = .value(.string(Timestamp.format(date)))
        case let string as String: storage.kind = .value(.string(string))
        case let bool as Bool: storage.kind = .value(.bool(bool))
        case let double as Double: storage.kind = .value(RecordNode.number(double))
        case let float as Float: storage.kind = .value(RecordNode.number(Double(float)))
        case let int as any BinaryInteger: storage.kind = .value(.number(String(describing: int)))
        default: try value.encode(to: NodeEncoder(storage: storage, codingPath: codingPath))
        }
    }
}

struct NodeEncoder: Encoder {
    let storage: NodeStorage
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = storage.kind {} else { storage.kind = .object([]) }
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(storage: storage, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = storage.kind {} else { storage.kind = .array([]) }
        return UnkeyedNodeContainer(storage: storage, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleNodeContainer(storage: storage, codingPath: codingPath)
    }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let storage: NodeStorage
    var codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { storage.child(forKey: key.stringValue).kind = .value(.null) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try NodeStorage.encode(value, into: storage.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(storage: storage.child(forKey: key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        NodeEncoder(storage: storage.child(forKey: key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { NodeEncoder(storage: storage.child(forKey: "super"), codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NodeEncoder(storage: storage.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let storage: NodeStorage
    var codingPath: [any CodingKey]
    var count: Int {
        if case .array(let items) = storage.kind { return items.count }
        return 0
    }

    mutating func encodeNil() throws { storage.appendChild().kind = .value(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try NodeStorage.encode(value, into: storage.appendChild(), codingPath: codingPath)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(storage: storage.appendChild(), codingPath: codingPath).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        NodeEncoder(storage: storage.appendChild(), codingPath: codingPath).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { NodeEncoder(storage: storage.appendChild(), codingPath: codingPath) }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let storage: NodeStorage
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { storage.kind = .value(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try NodeStorage.encode(value, into: storage, codingPath: codingPath)
    }
}
