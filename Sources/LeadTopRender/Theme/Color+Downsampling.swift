/// What the terminal can show. The terminal module picks one; the mapping itself is pure.
public enum ColorCapability: Sendable, Hashable, CaseIterable {
    case truecolor, palette256, ansi16, mono
}

extension Color {
    /// The nearest colour the terminal can show.
    public func downsampled(to capability: ColorCapability) -> Color {
        switch (self, capability) {
        case (.default, _), (_, .truecolor): return self
        case (_, .mono): return .default
        case (.ansi, _): return self
        case (.indexed(let n), .palette256): return .indexed(n)
        case (.indexed(let n), .ansi16): return n < 16 ? .ansi(n) : Color.nearestANSI(Color.rgb(ofIndex: n))
        case (.rgb(let r, let g, let b), .palette256): return .indexed(Color.nearestIndex(r, g, b))
        case (.rgb(let r, let g, let b), .ansi16): return Color.nearestANSI((r, g, b))
        }
    }

    /// xterm's default RGB values for the 16 ANSI colours.
    static let ansiRGB: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    static func rgb(ofIndex n: UInt8) -> (UInt8, UInt8, UInt8) {
        switch n {
        case 0..<16: return ansiRGB[Int(n)]
        case 16..<232:
            let i = Int(n) - 16
            return (UInt8(cubeLevels[i / 36]), UInt8(cubeLevels[(i / 6) % 6]), UInt8(cubeLevels[i % 6]))
        default:
            let v = UInt8(8 + (Int(n) - 232) * 10)
            return (v, v, v)
        }
    }

    /// The closest entry of the 6×6×6 cube or the grey ramp (never 0–15, whose RGB varies by terminal).
    static func nearestIndex(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        func level(_ v: UInt8) -> Int {
            var best = 0
            for (i, l) in cubeLevels.enumerated() where abs(l - Int(v)) < abs(cubeLevels[best] - Int(v)) { best = i }
            return best
        }
        let cube = 16 + 36 * level(r) + 6 * level(g) + level(b)
        let avg = (Int(r) + Int(g) + Int(b)) / 3
        let grey = 232 + min(23, max(0, (avg - 3) / 10))
        return distance(rgb(ofIndex: UInt8(cube)), (r, g, b)) <= distance(rgb(ofIndex: UInt8(grey)), (r, g, b))
            ? UInt8(cube) : UInt8(grey)
    }

    static func nearestANSI(_ c: (UInt8, UInt8, UInt8)) -> Color {
        var best = 0
        for i in 1..<16 where distance(ansiRGB[i], c) < distance(ansiRGB[best], c) { best = i }
        return .ansi(UInt8(best))
    }

    static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        return dr * dr + dg * dg + db * db
    }
}
