import Foundation
import Testing
import LeadTopRender
import LeadTopTestSupport

@Suite struct ThemeTests {
    static let themesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes")

    @Test func everyShippedThemeParsesAndSetsEveryRole() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.themesFolder.path).filter { $0.hasSuffix(".toml") }.sorted()
        #expect(files == ["default.toml", "dracula.toml", "gruvbox.toml", "high-contrast.toml", "light.toml", "mono.toml"])
        for file in files {
            let contents = try String(contentsOf: Self.themesFolder.appendingPathComponent(file), encoding: .utf8)
            let theme = try Theme.parse(path: "themes/" + file, contents: contents)
            #expect(theme.name == String(file.dropLast(5)))
            for role in ThemeRole.allCases {
                #expect(contents.contains("\n\(role.key)_fg = "), "\(file) leaves \(role.key) to the fallback")
            }
        }
    }

    @Test func everyThemeFileIsEmbeddedVerbatim() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.themesFolder.path).filter { $0.hasSuffix(".toml") }
        #expect(Theme.shippedNames == files.map { String($0.dropLast(5)) }.sorted())
        for file in files {
            let contents = try String(contentsOf: Self.themesFolder.appendingPathComponent(file), encoding: .utf8)
            #expect(Theme.shippedSources[String(file.dropLast(5))] == contents, "rerun scripts/embed-themes after editing \(file)")
            #expect(try Theme.shipped(named: String(file.dropLast(5))) != nil)
        }
        #expect(try Theme.shipped(named: "no-such-theme") == nil)
    }

    @Test func builtInThemesMatchTheShippedFiles() throws {
        let dflt = try String(contentsOf: Self.themesFolder.appendingPathComponent("default.toml"), encoding: .utf8)
        let mono = try String(contentsOf: Self.themesFolder.appendingPathComponent("mono.toml"), encoding: .utf8)
        #expect(Theme.defaultTOML == dflt)
        #expect(Theme.monoTOML == mono)
        #expect(Theme.default[.selected] == Style(fg: .ansi(0), bg: .ansi(6)))
        #expect(Theme.default[.borderFocused] == Style(fg: .ansi(14), attributes: .bold))
        #expect(Theme.default[.statusBar] == Style(fg: .ansi(7), bg: .indexed(236)))
    }

    @Test func monoShowsFocusAndSelectionThroughAttributes() {
        let mono = Theme.mono
        for role in ThemeRole.allCases {
            #expect(mono[role].fg == .default && mono[role].bg == .default)
        }
        #expect(mono[.selected].attributes == [.reverse, .bold])
        #expect(mono[.selectedUnfocused].attributes == [.underline])
        #expect(mono[.borderFocused].attributes == [.bold])
        #expect(mono[.border].attributes == [])
    }

    @Test func missingRolesFallBackToTheDefault() throws {
        let theme = try Theme.parse(path: "themes/mine.toml", contents: """
            text_bg = "#101010"
            selected_bg = 33
            selected_attrs = "bold, underline"
            """)
        #expect(theme.name == "mine")
        #expect(theme[.selected] == Style(fg: .ansi(0), bg: .indexed(33), attributes: [.bold, .underline]))
        #expect(theme[.border] == Style(fg: .ansi(8), bg: .rgb(16, 16, 16)))
    }

    @Test func aBadColourNamesFileLineAndKey() {
        let contents = "name = \"x\"\n# comment\nborder_fg = \"red\"\nselected_bg = \"#12345\"\n"
        #expect(throws: ThemeError(path: "themes/x.toml", line: 4,
                                   message: "key \"selected_bg\": \"#12345\" is not a colour (use a name, #rrggbb or 0–255)")) {
            try Theme.parse(path: "themes/x.toml", contents: contents)
        }
        let error = ThemeError(path: "themes/x.toml", line: 4, message: "m")
        #expect(error.description == "themes/x.toml:4: m")
        #expect(throws: ThemeError.self) { try Theme.parse(path: "t.toml", contents: "gauge_fg = 256") }
        #expect(throws: ThemeError.self) { try Theme.parse(path: "t.toml", contents: "gauge_fg = \"purple\"") }
    }

    /// A typo is a warning with its line and the nearest key; the rest of the theme still applies.
    @Test func unknownKeysAreWarningsWithTheNearestKey() throws {
        let (theme, warnings) = try Theme.parseReportingUnknownKeys(
            path: "themes/y.toml", contents: "text_fg = \"red\"\nborder_colour = \"red\"\nfoo_bg = 1\ngauge_fgg = 2\n")
        #expect(warnings == [
            "themes/y.toml:2: unknown key `border_colour` (ignored; keys are <role>_fg, <role>_bg or <role>_attrs)",
            "themes/y.toml:3: unknown key `foo_bg`: did you mean `good_bg`?",
            "themes/y.toml:4: unknown key `gauge_fgg`: did you mean `gauge_fg`?",
        ])
        #expect(theme[.text].fg == .ansi(1))
    }

    @Test func badAttributesAndSyntaxErrorsAreReported() {
        #expect(throws: ThemeError(path: "t.toml", line: 1, message:
            "key \"gauge_attrs\": \"blink\" is not an attribute (use bold, dim, reverse, underline, italic)")) {
            try Theme.parse(path: "t.toml", contents: "gauge_attrs = [\"bold\", \"blink\"]")
        }
        do {
            _ = try Theme.parse(path: "t.toml", contents: "text_fg = \"red\"\nborder_fg = = 3\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
            #expect(error.message.hasPrefix("not valid TOML"))
        }
    }

    @Test func colourNotations() {
        #expect(Color(parsing: "bright-blue") == .ansi(12))
        #expect(Color(parsing: "Grey") == .ansi(8))
        #expect(Color(parsing: "#FF8000") == .rgb(255, 128, 0))
        #expect(Color(parsing: "255") == .indexed(255))
        #expect(Color(parsing: "#12345") == nil)
        #expect(Color(parsing: "#12345g") == nil)
        #expect(Color(parsing: "256") == nil)
    }

    @Test func downsampling() {
        #expect(Color.rgb(255, 0, 0).downsampled(to: .truecolor) == .rgb(255, 0, 0))
        #expect(Color.rgb(255, 0, 0).downsampled(to: .palette256) == .indexed(196))
        #expect(Color.rgb(40, 42, 54).downsampled(to: .palette256) == .indexed(236))
        #expect(Color.rgb(255, 0, 0).downsampled(to: .ansi16) == .ansi(9))
        #expect(Color.rgb(0, 0, 0).downsampled(to: .ansi16) == .ansi(0))
        #expect(Color.indexed(196).downsampled(to: .ansi16) == .ansi(9))
        #expect(Color.indexed(3).downsampled(to: .ansi16) == .ansi(3))
        #expect(Color.indexed(244).downsampled(to: .ansi16) == .ansi(8))
        #expect(Color.ansi(12).downsampled(to: .palette256) == .ansi(12))
        for capability in ColorCapability.allCases where capability != .truecolor {
            #expect(Color.default.downsampled(to: capability) == .default)
        }
        #expect(Color.ansi(1).downsampled(to: .mono) == .default)
    }
}
