import Testing
@testable import LeadTopRender

/// The frame diff compares rows of cells as bytes; that is only right while a cell is its fields
/// with no padding and every colour has one encoding.
@Suite struct CellLayoutTests {
    @Test func aCellIsNineWordsWithNoPadding() {
        #expect(Cell.hasPlainLayout)
        #expect(MemoryLayout<Cell>.stride == 36)
    }

    @Test func everyColourSurvivesItsCodeAndCodesAreDistinct() {
        var colours: [Color] = [.default]
        for n in [0, 1, 7, 8, 15, 16, 255] as [UInt8] { colours += [.ansi(n), .indexed(n)] }
        for (r, g, b) in [(0, 0, 0), (255, 255, 255), (1, 2, 3), (255, 0, 128)] as [(UInt8, UInt8, UInt8)] {
            colours.append(.rgb(r, g, b))
        }
        for colour in colours { #expect(Color(code: colour.code) == colour) }
        #expect(Set(colours.map(\.code)).count == colours.count)
    }

    @Test func stylesThatReadAlikeAreEqualAndHashAlike() {
        var style = Style(fg: .ansi(3), bg: .rgb(1, 2, 3), attributes: [.bold])
        style.attributes.insert(.reverse)
        style.fg = .indexed(200)
        let direct = Style(fg: .indexed(200), bg: .rgb(1, 2, 3), attributes: [.bold, .reverse])
        #expect(style == direct)
        #expect(style.hashValue == direct.hashValue)
        #expect(style.fg == .indexed(200) && style.bg == .rgb(1, 2, 3) && style.attributes == [.bold, .reverse])
    }

    @Test func rowsThatDifferOnlyInTheLastCellAreFound() {
        var before = CellGrid(width: 7, height: 3)
        var after = before
        after[6, 1] = Cell(CellText(ascii: 0x41), style: Style(fg: .ansi(1)))
        #expect(after.changedRuns(since: before) == [CellRun(y: 1, x: 6, count: 1)])
        before = after
        after[6, 1] = Cell(CellText(ascii: 0x41), style: Style(fg: .ansi(1), attributes: [.bold]))
        #expect(after.changedRuns(since: before) == [CellRun(y: 1, x: 6, count: 1)])
    }
}
