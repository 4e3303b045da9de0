import LeadTopRender
import Testing
@testable import LeadTopTerminal

@Suite("Colour depth and mapping")
struct ColorTests {
    @Test("depth from environment and terminfo")
    func detection() {
        func depth(_ env: [String: String], colors: Int = 256, hasColors: Bool = true, rgb: Bool = false) -> ColorDepth {
            ColorDepth.detect(environment: env, hasColors: hasColors, colorCount: colors, hasRGBFlag: rgb)
        }
        #expect(depth([:]) == .palette256)
        #expect(depth(["COLORTERM": "truecolor"]) == .palette256, "a palette terminfo entry cannot take 24-bit colours")
        #expect(depth(["COLORTERM": "truecolor"], colors: 1 << 24, rgb: true) == .trueColor)
        #expect(depth(["COLORTERM": "24bit"], colors: 1 << 24) == .trueColor)
        #expect(depth([:], colors: 1 << 24, rgb: true) == .palette256)
        #expect(depth([:], colors: 16) == .ansi16)
        #expect(depth([:], colors: 88) == .ansi16)
        #expect(depth([:], colors: 8) == .ansi8)
        #expect(depth([:], colors: 2) == .monochrome)
        #expect(depth([:], hasColors: false) == .monochrome)
        #expect(depth(["NO_COLOR": "1", "COLORTERM": "truecolor"], colors: 1 << 24, rgb: true) == .monochrome)
        #expect(depth(["NO_COLOR": ""]) == .palette256, "an empty NO_COLOR does not count")
    }

    @Test("rgb to the nearest of the 256 palette: cube or grey ramp")
    func to256() {
        let map = ColorMapper(depth: .palette256, directColor: false)
        #expect(map.downsample(.rgb(255, 0, 0)) == .indexed(196))
        #expect(map.downsample(.rgb(0, 0, 0)) == .indexed(16))
        #expect(map.downsample(.rgb(255, 255, 255)) == .indexed(231))
        #expect(map.downsample(.rgb(128, 128, 128)) == .indexed(244))
        #expect(map.downsample(.rgb(40, 90, 200)) == .indexed(26))
        #expect(map.downsample(.rgb(95, 135, 175)) == .indexed(67))
        #expect(map.downsample(.rgb(18, 18, 20)) == .indexed(233))
        #expect(map.downsample(.indexed(200)) == .indexed(200))
        #expect(map.downsample(.ansi(9)) == .ansi(9))
        #expect(map.colorNumber(.rgb(255, 0, 0)) == 196)
        #expect(map.colorNumber(.ansi(3)) == 3)
        #expect(map.colorNumber(.default) == -1)
    }

    @Test("down to 16 and 8 ANSI colours")
    func toANSI() {
        let sixteen = ColorMapper(depth: .ansi16, directColor: false)
        #expect(sixteen.downsample(.rgb(250, 10, 10)) == .ansi(9))
        #expect(sixteen.downsample(.rgb(200, 0, 0)) == .ansi(1))
        #expect(sixteen.downsample(.rgb(120, 120, 120)) == .ansi(8))
        #expect(sixteen.downsample(.indexed(196)) == .ansi(9))
        #expect(sixteen.downsample(.indexed(21)) == .ansi(4))
        #expect(sixteen.downsample(.indexed(4)) == .ansi(4))
        #expect(sixteen.downsample(.indexed(255)) == .ansi(7))
        #expect(sixteen.downsample(.ansi(13)) == .ansi(13))

        let eight = ColorMapper(depth: .ansi8, directColor: false)
        #expect(eight.downsample(.ansi(9)) == .ansi(1))
        #expect(eight.downsample(.ansi(6)) == .ansi(6))
        #expect(eight.downsample(.indexed(12)) == .ansi(4))
        #expect(eight.downsample(.rgb(250, 10, 10)) == .ansi(1))
        #expect(eight.downsample(.rgb(240, 240, 240)) == .ansi(7))
        #expect(eight.colorNumber(.rgb(0, 0, 0)) == 0)
    }

    @Test("no colours at all: everything is the terminal default")
    func monochrome() {
        let mono = ColorMapper(depth: .monochrome, directColor: false)
        for color in [Color.rgb(1, 2, 3), .indexed(100), .ansi(1), .default] {
            #expect(mono.downsample(color) == .default)
            #expect(mono.colorNumber(color) == -1)
        }
    }

    @Test("direct colour sends RGB values, keeping numbers below 8 for the ANSI colours")
    func direct() {
        let direct = ColorMapper(depth: .trueColor, directColor: true)
        #expect(direct.colorNumber(.rgb(0x12, 0x34, 0x56)) == 0x123456)
        #expect(direct.colorNumber(.rgb(0, 0, 3)) == 8)
        #expect(direct.colorNumber(.ansi(2)) == 2)
        #expect(direct.colorNumber(.ansi(9)) == 0xFF0000)
        #expect(direct.colorNumber(.indexed(196)) == 0xFF0000)
        #expect(direct.colorNumber(.default) == -1)
        let direct256 = ColorMapper(depth: .palette256, directColor: true)
        #expect(direct256.colorNumber(.rgb(250, 5, 5)) == 0xFF0000)
    }

    @Test("colour pairs are allocated once and reused; a full table says so")
    func pairCache() {
        var cache = ColorPairCache(capacity: 2)
        #expect(cache.pair(fg: -1, bg: -1) == .existing(0))
        #expect(cache.pair(fg: 1, bg: -1) == .allocate(1))
        #expect(cache.pair(fg: 2, bg: 4) == .allocate(2))
        #expect(cache.pair(fg: 1, bg: -1) == .existing(1))
        #expect(cache.pair(fg: 3, bg: 3) == .full)
        #expect(cache.count == 2)
        cache.reset()
        #expect(cache.pair(fg: 3, bg: 3) == .allocate(1))
        var none = ColorPairCache(capacity: 0)
        #expect(none.pair(fg: 1, bg: 2) == .full)
    }
}
