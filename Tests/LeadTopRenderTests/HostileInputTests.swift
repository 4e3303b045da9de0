import Foundation
import Testing
import LeadOSContract
import LeadTopCore
import LeadTopRender
import LeadTopTestSupport

/// Untrusted text and sizes never crash the renderer and never put a control character in a cell.
@Suite(.serialized) struct HostileInputTests {
    typealias F = DashboardFixtures

    init() { #expect(TestLocale.ready) }

    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Strings biased towards the dangerous parts of Unicode: controls, ESC and sequence
    /// introducers, bidi and zero-width characters, combining marks, wide and emoji scalars.
    static func hostileString(_ rng: inout Seeded) -> String {
        let pools: [ClosedRange<UInt32>] = [0x00...0x1F, 0x1B...0x1B, 0x5B...0x5D, 0x7F...0x9F, 0x20...0x7E,
                                            0x300...0x36F, 0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069,
                                            0x4E00...0x4E20, 0x1F300...0x1F64F, 0x1F1E6...0x1F1FF, 0xFE00...0xFE0F,
                                            0xE000...0xE010, 0xE0020...0xE007F, 0x0600...0x06FF]
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...40, using: &rng) {
            let pool = pools[Int.random(in: 0..<pools.count, using: &rng)]
            if let s = Unicode.Scalar(UInt32.random(in: pool, using: &rng)) { scalars.append(s) }
        }
        return String(scalars)
    }

    @Test func randomHostileTextNeverReachesACell() {
        var rng = Seeded(state: 42)
        for round in 0..<60 {
            var state = F.state(width: [60, 80, 121, 200][round % 4], height: [18, 24, 40, 50][round % 4])
            let leads = (0..<8).map { i in
                F.lead("del_h\(round)x\(i)", name: Self.hostileString(&rng), title: Self.hostileString(&rng),
                       company: Self.hostileString(&rng), geography: Self.hostileString(&rng), score: i * 13 % 101,
                       minutesAgo: i, intent: Self.hostileString(&rng))
            }
            var campaign = F.campaigns[0]
            campaign.name = Self.hostileString(&rng)
            reduce(&state, .sync(.campaigns([campaign] + F.campaigns.dropFirst())))
            reduce(&state, .sync(.newLeads(leads)))
            reduce(&state, .sync(.connection(.degraded(reason: Self.hostileString(&rng), nextRetry: nil))))
            state.selectedLeadID = leads[round % leads.count].id
            state.modal = round % 3 == 0 ? .leadCard : (round % 3 == 1 ? .confirm(.pause(campaignID: "x", name: campaign.name)) : nil)
            let grid = DashboardView.render(state: state, theme: .default, width: state.width, height: state.height)
            let bad = forbiddenScalars(in: grid)
            #expect(bad.isEmpty, "round \(round): \(bad.prefix(3).map { String($0.scalar.value, radix: 16) })")
            for y in 0..<grid.height {
                var x = 0, columns = 0
                while x < grid.width {
                    let w = max(1, Int(grid[x, y].width))
                    columns += w; x += w
                }
                #expect(columns == grid.width, "round \(round) row \(y)")
            }
        }
    }

    @Test func oddSizesNeverCrash() {
        for (w, h) in [(-5, -5), (0, 10), (1, 1), (59, 100), (60, 18), (61, 19), (1000, 3), (400, 200)] {
            var state = F.state(width: 80, height: 24)
            reduce(&state, .resize(width: w, height: h))
            reduce(&state, .mouse(MouseEvent(.press(.left), x: -1, y: -1)))
            reduce(&state, .mouse(MouseEvent(.wheelDown, x: w + 5, y: h + 5)))
            for key in [Key.pageDown, .end, .tab, .enter, .esc] { reduce(&state, .key(key)) }
            let grid = DashboardView.render(state: state, theme: .default, width: max(0, w), height: max(0, h))
            #expect(grid.width == max(0, w))
        }
    }
}
