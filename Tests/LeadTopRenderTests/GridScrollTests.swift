import Foundation
import LeadOSAPI
import LeadTopCore
import LeadTopRender
import LeadTopTestSupport
import Testing

@Suite("Grid diff with band scrolls")
struct GridScrollTests {
    func grid(_ rows: [String]) -> CellGrid {
        var grid = CellGrid(width: rows[0].count, height: rows.count)
        for (y, row) in rows.enumerated() {
            for (x, character) in row.enumerated() { grid[x, y] = Cell(text: String(character)) }
        }
        return grid
    }

    /// What the terminal shows after `diff`: the previous frame scrolled, then the runs drawn.
    func apply(_ diff: FrameDiff, to previous: CellGrid, drawing new: CellGrid) -> CellGrid {
        var screen = diff.scroll.map { previous.scrolled($0) } ?? previous
        for run in diff.runs {
            for x in run.x..<run.endX { screen[x, run.y] = new[x, run.y] }
        }
        return screen
    }

    /// Distinct row texts, like leads of different people.
    static func names(_ count: Int) -> [String] {
        let words = ["Ada Okafor", "Bo Lindqvist", "Chen Wei", "Dara Singh", "Emil Novak", "Farah Haddad", "Gus Moreau",
                     "Hana Sato", "Ivo Petrov", "Jun Park", "Kai Mendes", "Lea Hoffmann", "Mo Adeyemi", "Nia Brooks"]
        return Array(words.prefix(count))
    }

    /// A left pane of distinct rows beside a right pane that stays put, as the feed sits beside
    /// the credits and feedback panes.
    func paneRows(_ items: [String]) -> [String] {
        ["+----------------+---------+"] + items.enumerated().map { i, item in
            "|" + item.padding(toLength: 16, withPad: " ", startingAt: 0) + "|right \(i % 10)  |"
        } + ["+----------------+---------+"]
    }

    @Test("rows pushed down by a new first row become one scroll and the repairs beside it")
    func newFirstRow() {
        let items = Self.names(12)
        let old = grid(paneRows(items)), new = grid(paneRows(["a brand new lead"] + items.dropLast()))
        let diff = new.frameDiff(since: old)
        #expect(diff.scroll == RowScroll(top: 1, bottom: 13, count: 1))
        #expect(apply(diff, to: old, drawing: new) == new)
        let sent = diff.runs.reduce(0) { $0 + $1.count }
        let plain = new.changedRuns(since: old).reduce(0) { $0 + $1.count }
        #expect(sent < plain / 2, "scrolled \(sent) cells, plain \(plain)")
    }

    @Test("rows moving up (scrolling down a list) become a scroll the other way")
    func rowsMoveUp() {
        let items = Self.names(14)
        let old = grid(paneRows(Array(items.prefix(12)))), new = grid(paneRows(Array(items.dropFirst(2))))
        let diff = new.frameDiff(since: old)
        #expect(diff.scroll == RowScroll(top: 1, bottom: 13, count: -2))
        #expect(apply(diff, to: old, drawing: new) == new)
    }

    @Test("a change on a row or two is never a scroll")
    func smallChange() {
        let items = Self.names(12)
        let old = grid(paneRows(items))
        var moved = items
        moved[3] = "selected row"
        let new = grid(paneRows(moved))
        let diff = new.frameDiff(since: old)
        #expect(diff == FrameDiff(runs: new.changedRuns(since: old)))
    }

    @Test("a clock tick moving one age on every row is not looked at for a scroll")
    func agesTick() {
        let items = Self.names(12)
        let old = grid(paneRows(items))
        var new = old
        for y in 1...12 { new[15, y] = Cell(text: "9") }
        #expect(new.frameDiff(since: old) == FrameDiff(runs: new.changedRuns(since: old)))
    }

    @Test("no scroll without a previous frame, or when scrolling is not allowed")
    func notAllowed() {
        let items = Self.names(12)
        let old = grid(paneRows(items)), new = grid(paneRows(["a brand new lead"] + items.dropLast()))
        #expect(new.frameDiff(since: nil).scroll == nil)
        #expect(new.frameDiff(since: old, allowScroll: false) == FrameDiff(runs: new.changedRuns(since: old)))
    }

    @Test("a scroll brings in blank rows and drops the rows pushed out of its band")
    func scrolledGrid() {
        let old = grid(["aaaa", "bbbb", "cccc", "dddd", "eeee"])
        #expect(old.scrolled(RowScroll(top: 1, bottom: 4, count: 1)) == grid(["aaaa", "    ", "bbbb", "cccc", "eeee"]))
        #expect(old.scrolled(RowScroll(top: 0, bottom: 5, count: -2)) == grid(["cccc", "dddd", "eeee", "    ", "    "]))
    }

    @Test("unrelated frames: whatever the diff chooses, applying it gives the new frame")
    func arbitraryFramesApply() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let rows = Int.random(in: 4...12, using: &generator)
            let alphabet = Array("ab ")
            func randomGrid() -> CellGrid {
                grid((0..<rows).map { _ in String((0..<8).map { _ in alphabet.randomElement(using: &generator)! }) })
            }
            let old = randomGrid()
            var new = randomGrid()
            if Bool.random(using: &generator) {
                let scroll = RowScroll(top: Int.random(in: 0..<2), bottom: rows - Int.random(in: 0..<2),
                                       count: Int.random(in: -2...2))
                new = old.scrolled(scroll)
                new[Int.random(in: 0..<8), Int.random(in: 0..<rows)] = Cell(text: "z")
            }
            let diff = new.frameDiff(since: old)
            #expect(apply(diff, to: old, drawing: new) == new)
        }
    }

    @Test("a new lead on the 200×50 dashboard scrolls the feed's lead rows by one and sends fewer cells")
    func dashboardNewLead() throws {
        var state = DashboardFixtures.state(width: 200, height: 50)
        var many: [Lead] = []
        for i in 0..<40 {
            many.append(DashboardFixtures.lead("lead_\(1000 + i)", name: "Person \(i)", company: "Company \(i % 7)",
                                               score: 50 + i, minutesAgo: 200 - i))
        }
        reduce(&state, .sync(.newLeads(many)))
        let before = DashboardView.render(state: state, theme: .default, width: 200, height: 50)
        reduce(&state, .sync(.newLeads([DashboardFixtures.lead("lead_2000", name: "Newest Person", minutesAgo: 0)])))
        let after = DashboardView.render(state: state, theme: .default, width: 200, height: 50)
        let diff = after.frameDiff(since: before)
        let feed = state.layout.feed.inner
        // From the first lead row (below the column headers), by one, and not past the feed's last
        // row; where it ends depends on what the panes beside it would need repainted.
        let scroll = try #require(diff.scroll)
        #expect(scroll.top == feed.y + 1 && scroll.count == 1)
        #expect(scroll.bottom > scroll.top + 4 && scroll.bottom <= feed.y + feed.height)
        #expect(apply(diff, to: before, drawing: after) == after)
        let sent = diff.runs.reduce(0) { $0 + $1.count }
        let plain = after.changedRuns(since: before).reduce(0) { $0 + $1.count }
        #expect(sent < plain, "scrolled \(sent) cells, plain \(plain)")
    }
}
