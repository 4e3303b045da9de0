import LeadTopRender
import Testing

@Suite struct CellTextTests {
    @Test func holdsACharacterAndItsMarksInline() {
        let text = CellText("e\u{301}\u{302}")
        #expect(text.count == 3)
        #expect(text.scalars == [0x65, 0x301, 0x302])
        #expect(text.string == "e\u{301}\u{302}")
        #expect(CellText("漢").string == "漢")
        #expect(CellText.space.string == " ")
        #expect(CellText.empty.string == "")
        #expect(CellText.empty.isEmpty && CellText.empty.count == 0)
    }

    @Test func keepsAtMostFiveScalars() {
        var text = CellText("e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}")
        #expect(text.scalars == [0x65, 0x301, 0x302, 0x303, 0x304])
        #expect(text.append("\u{307}") == false)
        #expect(text.count == CellText.capacity)
    }

    @Test func nulEndsTheText() {
        var text = CellText("a\u{0}b")
        #expect(text.string == "a")
        #expect(text.append("\u{0}") == false)
        #expect(text.count == 1)
    }

    @Test func cellsAreEqualByContentWidthAndStyle() {
        #expect(Cell(text: "a") == Cell(CellText(ascii: 0x61)))
        #expect(Cell(text: "a") != Cell(text: "b"))
        #expect(Cell(text: "a") != Cell(text: "a", style: Style(attributes: .bold)))
        #expect(Cell(text: "漢", width: 2) != Cell(text: "漢", width: 1))
    }

    /// A grid must be plain memory so that copying and comparing frames touches no reference count.
    @Test func aCellHoldsNoReference() {
        #expect(_isPOD(Cell.self))
        #expect(MemoryLayout<Cell>.stride <= 36)
    }
}
