/// "Did you mean …?" for names a user types into config and theme files: the known name with the
/// smallest edit distance, when it is close enough to be a typo rather than a different word.
public enum NearestName {
    public static func suggest(_ typed: String, among known: [String]) -> String? {
        let target = Array(typed.lowercased().unicodeScalars)
        guard !target.isEmpty, target.count <= 64 else { return nil }
        var best: (name: String, distance: Int)?
        for name in known {
            let distance = editDistance(target, Array(name.lowercased().unicodeScalars))
            if distance < (best?.distance ?? Int.max) { best = (name, distance) }
        }
        guard let best else { return nil }
        // One typo in a short word, a third of the letters in a long one.
        return best.distance <= max(1, min(3, target.count / 3)) ? best.name : nil
    }

    /// Levenshtein distance with transpositions counted as one edit (`thme`/`them` → `theme`).
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
