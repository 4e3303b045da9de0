import LeadTopRender

/// The standard xterm 256-colour palette, used to compare colours when mapping them down.
enum XtermPalette {
    typealias RGB = (r: Int, g: Int, b: Int)

    /// xterm's defaults for the 16 ANSI colours (terminals let users change these; they are the
    /// usual reference point).
    static let ansi: [RGB] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// Channel levels of the 6×6×6 cube at indices 16…231.
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The RGB value of palette entry `index`.
    static func rgb(_ index: UInt8) -> RGB {
        let i = Int(index)
        switch i {
        case 0..<16: return ansi[i]
        case 16..<232:
            let n = i - 16
            return (cubeLevels[n / 36], cubeLevels[(n / 6) % 6], cubeLevels[n % 6])
        default:
            let level = 8 + 10 * (i - 232)
            return (level, level, level)
        }
    }

    static func distance(_ a: RGB, _ b: RGB) -> Int {
        let dr = a.r - b.r, dg = a.g - b.g, db = a.b - b.b
        return dr * dr + dg * dg + db * db
    }

    /// The nearest entry among 16…255 (the cube and the grey ramp); the first 16 are left out
    /// because users retheme them.
    static func nearest256(_ c: RGB) -> UInt8 {
        func nearestLevel(_ v: Int) -> Int {
            cubeLevels.indices.min(by: { abs(cubeLevels[$0] - v) < abs(cubeLevels[$1] - v) })!
        }
        let ri = nearestLevel(c.r), gi = nearestLevel(c.g), bi = nearestLevel(c.b)
        let cubeIndex = 16 + 36 * ri + 6 * gi + bi
        let average = (c.r + c.g + c.b) / 3
        let greyStep = min(23, max(0, (average - 8 + 5) / 10))
        let greyIndex = 232 + greyStep
        let cubeDistance = distance(c, rgb(UInt8(cubeIndex)))
        let greyDistance = distance(c, rgb(UInt8(greyIndex)))
        return UInt8(greyDistance < cubeDistance ? greyIndex : cubeIndex)
    }

    /// The nearest of the first `count` ANSI colours (8 or 16).
    static func nearestANSI(_ c: RGB, count: Int) -> UInt8 {
        UInt8((0..<count).min(by: { distance(c, ansi[$0]) < distance(c, ansi[$1]) })!)
    }
}
