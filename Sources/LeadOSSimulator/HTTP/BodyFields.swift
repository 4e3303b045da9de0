import LeadOSAPI

/// Typed, named access to a JSON request body, producing the contract's 422 errors with the exact
/// `param` (e.g. `job_titles[2]`). Fields are checked in a fixed order so the first problem is stable.
struct BodyFields {
    let object: [String: JSONValue]

    /// The first unknown key (in sorted order) → `parameter_unknown`; read-only keys → `parameter_invalid`.
    func check(allowed: Set<String>, readOnly: Set<String> = []) throws(APIFailure) {
        for key in object.keys.sorted() where !allowed.contains(key) {
            if readOnly.contains(key) { throw .invalid(key, "\(key) is read-only and cannot be set.") }
            throw .unknown(key)
        }
    }

    func has(_ key: String) -> Bool { object[key] != nil }

    func string(_ key: String, required: Bool = false, nullable: Bool = false, length: ClosedRange<Int>) throws(APIFailure) -> String?? {
        guard let v = object[key] else {
            if required { throw .missing(key) }
            return nil
        }
        if case .null = v {
            if nullable { return .some(nil) }
            throw required ? .missing(key) : .invalid(key, "\(key) must be a string, not null.")
        }
        guard case .string(let s) = v else { throw .invalid(key, "\(key) must be a string, not \(v.typeName).") }
        try Self.checkLength(s, key, length)
        return .some(s)
    }

    func int(_ key: String, nullable: Bool = false, range: ClosedRange<Int>) throws(APIFailure) -> Int?? {
        guard let v = object[key] else { return nil }
        switch v {
        case .null:
            if nullable { return .some(nil) }
            throw .invalid(key, "\(key) must be an integer, not null.")
        case .int(let i):
            guard let n = Int(exactly: i), range.contains(n) else {
                throw .invalid(key, "\(key) must be an integer from \(range.lowerBound) to \(range.upperBound == Int.max ? "any size" : String(range.upperBound)).")
            }
            return .some(n)
        case .double(let d):
            guard d.rounded() == d, let n = Int(exactly: d), range.contains(n) else {
                throw .invalid(key, "\(key) must be an integer from \(range.lowerBound) to \(range.upperBound == Int.max ? "any size" : String(range.upperBound)).")
            }
            return .some(n)
        default:
            throw .invalid(key, "\(key) must be an integer, not \(v.typeName).")
        }
    }

    func stringArray(_ key: String, required: Bool = false, count: ClosedRange<Int>, itemLength: ClosedRange<Int>) throws(APIFailure) -> [String]? {
        guard let v = object[key] else {
            if required { throw .missing(key) }
            return nil
        }
        guard case .array(let items) = v else {
            if case .null = v, required { throw .missing(key) }
            throw .invalid(key, "\(key) must be an array of strings, not \(v.typeName).")
        }
        guard count.contains(items.count) else {
            throw .invalid(key, "\(key) must have \(count.lowerBound) to \(count.upperBound) items, not \(items.count).")
        }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            let name = "\(key)[\(i)]"
            guard case .string(let s) = item else { throw .invalid(name, "\(name) must be a string, not \(item.typeName).") }
            try Self.checkLength(s, name, itemLength)
            out.append(s)
        }
        return out
    }

    func enumValue<E: RawRepresentable>(_ key: String, _ type: E.Type) throws(APIFailure) -> E? where E.RawValue == String, E: CaseIterable {
        guard let v = object[key] else { return nil }
        guard case .string(let s) = v, let e = E(rawValue: s) else {
            throw .invalid(key, "\(key) must be one of: \(E.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return e
    }

    func enumArray<E: RawRepresentable>(_ key: String, _ type: E.Type, count: ClosedRange<Int>) throws(APIFailure) -> [E]? where E.RawValue == String, E: CaseIterable {
        guard let strings = try stringArray(key, count: count, itemLength: 0...Int.max) else { return nil }
        var out: [E] = []
        for (i, s) in strings.enumerated() {
            guard let e = E(rawValue: s) else {
                throw .invalid("\(key)[\(i)]", "\(key)[\(i)] must be one of: \(E.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            out.append(e)
        }
        return out
    }

    static func checkLength(_ s: String, _ key: String, _ length: ClosedRange<Int>) throws(APIFailure) {
        let n = s.unicodeScalars.count
        guard length.contains(n) else {
            if length.upperBound == Int.max { throw .invalid(key, "\(key) must have at least \(length.lowerBound) characters.") }
            throw .invalid(key, "\(key) must have \(length.lowerBound) to \(length.upperBound) characters, not \(n).")
        }
    }
}
