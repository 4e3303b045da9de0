import Testing
@testable import LeadTopCore

/// Every layout, narrow or wide, covers the screen with its panes and status bar exactly once.
@Suite struct DashboardLayoutTilingTests {
    @Test func panesAndStatusBarTileEveryScreenExactlyOnce() {
        for width in stride(from: DashboardLayout.minWidth, through: 320, by: 7) {
            for height in stride(from: DashboardLayout.minHeight, through: 90, by: 5) {
                let layout = DashboardLayout(width: width, height: height)
                var covered = [Int](repeating: 0, count: width * height)
                for rect in Pane.allCases.map(layout.rect(for:)) + [layout.statusBar] {
                    for y in rect.y..<rect.maxY { for x in rect.x..<rect.maxX { covered[y * width + x] += 1 } }
                }
                #expect(covered.allSatisfy { $0 == 1 }, "\(width)x\(height)")
            }
        }
    }

    @Test func fromTheWideWidthTheFeedSpansTheScreen() {
        let narrow = DashboardLayout(width: DashboardLayout.wideWidth - 1, height: 50)
        let wide = DashboardLayout(width: DashboardLayout.wideWidth, height: 50)
        #expect(narrow.feed.width == (DashboardLayout.wideWidth - 1) * 3 / 5)
        #expect(wide.feed == Rect(x: 0, y: 19, width: DashboardLayout.wideWidth, height: 30))
        #expect(wide.credits.y == 0 && wide.feedback.maxY == wide.campaigns.maxY)
        #expect(wide.pane(atX: 179, y: 30) == .feed)
        #expect(wide.pane(atX: 179, y: 2) == .credits)
        #expect(wide.pane(atX: 179, y: 10) == .feedback)
    }
}
