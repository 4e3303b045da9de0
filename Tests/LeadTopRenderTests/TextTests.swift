import Foundation
import PropertyBased
@testable import LeadOSContract
import Testing
@testable import LeadTopRender
import LeadTopTestSupport

@Suite(.serialized) struct TextTests {
    init() { #expect(TestLocale.ready) }

    @Test func plainASCIIPassesThrough() {
        #expect(TextSanitizer.sanitize("Raj Sharma, TechCorp") == "Raj Sharma, TechCorp")
    }

    @Test func escapeSequencesAreRemovedWithTheirPayload() {
        #expect(TextSanitizer.sanitize("Eve\u{1B}[31mRED\u{1B}[0m Smith") == "EveRED Smith")
        #expect(TextSanitizer.sanitize("\u{1B}]0;pwned title\u{07}Mallory") == "Mallory")
        #expect(TextSanitizer.sanitize("a\u{1B}]8;;http://x/\u{1B}\\link\u{1B}]8;;\u{1B}\\b") == "alinkb")
        #expect(TextSanitizer.sanitize("x\u{1B}P1$r\u{1B}\\y") == "xy")
        #expect(TextSanitizer.sanitize("x\u{1B}(By\u{1B}7z") == "xyz")
        #expect(TextSanitizer.sanitize("C1\u{9B}2Jcsi \u{9D}0;t\u{9C}osc") == "C1csi osc")
        #expect(TextSanitizer.sanitize("open\u{1B}]2;never ends") == "open")
        #expect(TextSanitizer.sanitize("\u{1B}[?1049h\u{1B}[2J") == "")
    }

    /// Messages (errors, excerpts of bodies) pass the same gate as cell text, then are bounded.
    @Test func oneLineDropsSequencesWithTheirPayloadAndIsBounded() {
        #expect(TextSanitizer.oneLine("Bad gateway \u{1b}[2J\u{1b}]0;title\u{7}done\nnext") == "Bad gateway done next")
        #expect(TextSanitizer.oneLine(String(repeating: "é", count: 10), max: 4) == "éééé…")
        #expect(TextSanitizer.oneLine("abcd", max: 4) == "abcd")
        #expect(TextSanitizer.oneLine(Data()) == "(empty body)")
        #expect(TextSanitizer.oneLine(Data("x\u{9b}31mred".utf8)) == "xred")
    }

    @Test func controlsBecomeSpacesOrVanish() {
        #expect(TextSanitizer.sanitize("Line\nBreak\tTab\r\u{7}Bell\u{0}\u{7F}\u{85}") == "Line Break Tab Bell")
    }

    @Test func bidiAndZeroWidthFormatCharactersAreRemoved() {
        #expect(TextSanitizer.sanitize("Bob \u{202E}gnp.exe\u{202C} Ltd") == "Bob gnp.exe Ltd")
        #expect(TextSanitizer.sanitize("Zero\u{200B}Width\u{FEFF}\u{2066}Iso\u{2069}\u{200E}\u{AD}") == "ZeroWidthIso")
        // The joiner inside emoji sequences stays.
        #expect(TextSanitizer.sanitize("👩‍💻") == "👩‍💻")
    }

    @Test func widthsFollowWcwidthPerCluster() {
        #expect(DisplayText.width("abc") == 3)
        #expect(DisplayText.width("山田 太郎") == 9)
        #expect(DisplayText.width("👩‍💻") == 4)
        #expect(DisplayText.width("र्न") == 2)
        #expect(DisplayText.clusters("र्न").map(\.text) == ["र्", "न"])
        #expect(DisplayText.width("🇩🇪") == 2)
        #expect(DisplayText.width("☺\u{FE0F}") == 1)
        #expect(DisplayText.width("e\u{301}") == 1)
        #expect(DisplayText.width("\u{301}x") == 1)
        #expect(DisplayText.width("محمد") == 4)
        #expect(DisplayText.width("Café Déjà Vu") == 12)
        #expect(DisplayText.clusters("\u{E000}") == [DisplayCluster(text: "\u{FFFD}", width: 1)])
    }

    @Test func truncationNeverSplitsACharacter() {
        #expect(DisplayText.truncate("Solar installers DE", maxWidth: 10) == "Solar ins…")
        #expect(DisplayText.truncate("Solar", maxWidth: 5) == "Solar")
        #expect(DisplayText.truncate("山田太郎", maxWidth: 6) == "山田…")
        #expect(DisplayText.truncate("山田太郎", maxWidth: 5) == "山田…")
        #expect(DisplayText.truncate("a👩‍💻b", maxWidth: 4) == "a👩…")
        #expect(DisplayText.truncate("abc", maxWidth: 0) == "")
        #expect(DisplayText.truncate("abc", maxWidth: 1) == "…")
    }

    @Test func drawingKeepsColumnsAligned() {
        var grid = prefilledGrid(width: 8, height: 3)
        grid.draw("山田太郎", in: .init(x: 0, y: 0, width: 5, height: 1), style: .plain)
        grid.draw("👩‍💻ok", in: .init(x: 0, y: 1, width: 6, height: 1), alignRight: true, style: .plain)
        grid.draw("ab", x: 6, y: 2, maxWidth: 10, style: .plain)
        assertGrid(grid, lines: ["山田…xxx", "👩💻okxx", "xxxxxxab"])
        #expect(grid[0, 0].width == 2)
        #expect(grid[1, 0].width == 0)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = prefilledGrid(width: 4, height: 1)
        grid.draw("山田", x: 0, y: 0, maxWidth: 4, style: .plain)
        grid.draw("a", x: 1, y: 0, maxWidth: 1, style: .plain)
        grid.draw("b", x: 2, y: 0, maxWidth: 1, style: .plain)
        assertGrid(grid, lines: [" ab "])
    }
}

@Suite struct SanitizerTableTests {
    /// The hand-written list of BMP format characters matches Unicode's general category.
    @Test func bmpFormatListMatchesTheUnicodeProperty() {
        var mismatches: [String] = []
        for v in UInt32(0xA0)..<0x10000 {
            guard let scalar = Unicode.Scalar(v), v != 0x200D else { continue }
            if TextSanitizer.isBMPFormat(v) != (scalar.properties.generalCategory == .format) {
                mismatches.append("U+" + String(v, radix: 16))
            }
        }
        #expect(mismatches == [])
    }
}

/// The sanitizer's shortcuts (plain ASCII, text with nothing to remove) never change its answer.
@Suite struct SanitizerShortcutPropertyTests {
    /// Scalars from every class the sanitizer treats differently.
    static let alphabet: [Unicode.Scalar] = [
        "a", "Z", " ", "~", "\u{0}", "\u{7}", "\t", "\n", "\r", "\u{1B}", "[", "]", "\\", "P", "(", "m", "1", ";",
        "\u{7F}", "\u{85}", "\u{90}", "\u{9B}", "\u{9C}", "\u{9D}", "\u{A0}", "\u{AD}", "é", "ö", "\u{301}", "\u{600}",
        "\u{200B}", "\u{200D}", "\u{202E}", "\u{2028}", "\u{2066}", "東", "\u{E000}", "\u{F8FF}", "\u{FE0F}",
        "\u{FEFF}", "\u{FFFD}", "😀", "\u{1F3FD}", "\u{E0041}", "\u{F0000}", "\u{10FFFF}", "\u{1D173}", "\u{E0001}",
    ]

    @Test func sanitizeEqualsTheFullRebuildForAnyText() async {
        await propertyCheck(count: 2_000, input: Gen<Int>.int(in: 0...(Self.alphabet.count - 1)).array(of: 0...24)) { indexes in
            var scalars = String.UnicodeScalarView()
            for index in indexes { scalars.append(Self.alphabet[index]) }
            let text = String(scalars)
            #expect(TextSanitizer.sanitize(text) == TextSanitizer.rebuilt(text))
            if TextSanitizer.isAlreadyClean(text) { #expect(TextSanitizer.rebuilt(text) == text) }
        }
    }
}
