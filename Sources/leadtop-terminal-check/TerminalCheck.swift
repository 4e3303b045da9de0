import Foundation
import LeadTopCore
import CWidth
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LeadTopRender
import LeadTopTerminal

/// Draws a fixed test screen (wide characters, styles, the size), echoes each decoded event and
/// quits on `q`. `w` fires 50 render requests from another thread at once (they coalesce),
/// `f` asks for a full repaint, `e` writes a line to standard error, `!` crashes (a Swift trap) to exercise the last-resort restore. After the terminal is restored it prints how it ended.
enum TerminalCheck {
    static func main() -> Int32 {
        let app: TerminalApp
        do { app = try TerminalApp() } catch {
            printError("leadtop-terminal-check: \(error)")
            return 1
        }
        var eventCount = 0
        var wakeCount = 0
        var lastEvent = "none"
        do {
            let reason = try app.run(
                render: { width, height in
                    screen(width: width, height: height, eventCount: eventCount, lastEvent: lastEvent, wakes: wakeCount)
                },
                handle: { event in
                    eventCount += 1
                    lastEvent = describe(event)
                    switch event {
                    case .key(.char("q")): return false
                    case .key(.char("w")):
                        DispatchQueue.global().async { @Sendable in
                            DispatchQueue.concurrentPerform(iterations: 50) { _ in app.requestRender() }
                        }
                    case .key(.char("f")): app.requestRender(fullRedraw: true)
                    case .key(.char("e")): printError("leadtop-terminal-check: written to standard error while the screen was up")
                    case .key(.char("!")): fatalError("crash requested")
                    case .wake: wakeCount += 1
                    default: break
                    }
                    return true
                })
            print("leadtop-terminal-check: exit \(reason)")
            return 0
        } catch {
            printError("leadtop-terminal-check: \(error)")
            return 1
        }
    }

    static func describe(_ event: TerminalEvent) -> String {
        switch event {
        case .key(let key): return "key \(key)"
        case .mouse(let mouse):
            let kind: String
            switch mouse.kind {
            case .press(let button): kind = "press \(button)"
            case .release(let button): kind = "release \(button)"
            case .wheelUp: kind = "wheel up"
            case .wheelDown: kind = "wheel down"
            }
            return "mouse \(kind) at \(mouse.x),\(mouse.y)"
        case .resize(let width, let height): return "resize \(width)x\(height)"
        case .wake: return "wake"
        case .signal(let number): return "signal \(number)"
        case .clock: return "clock"
        }
    }

    static func printError(_ message: String) {
        var bytes = Array((message + "\n").utf8)
        FileHandle.standardError.write(Data(bytes))
    }

    static func screen(width: Int, height: Int, eventCount: Int, lastEvent: String, wakes: Int) -> CellGrid {
        var grid = CellGrid(width: width, height: height)
        let red = Style(fg: .ansi(1), attributes: [.bold])
        let selected = Style(fg: .rgb(255, 255, 255), bg: .rgb(40, 90, 200))
        write("size \(width)x\(height)", into: &grid, x: 0, y: 0)
        write("wide:漢字テスト😀|end", into: &grid, x: 0, y: 1)
        write("bold-red", into: &grid, x: 0, y: 2, style: red)
        write(" selected ", into: &grid, x: 9, y: 2, style: selected)
        write("underline", into: &grid, x: 20, y: 2, style: Style(attributes: [.underline]))
        write("event #\(eventCount): \(lastEvent)", into: &grid, x: 0, y: 3)
        write("wakes \(wakes)", into: &grid, x: 0, y: 4)
        write("indic:र्न|", into: &grid, x: 0, y: 5)
        write("q quits", into: &grid, x: 0, y: height - 1)
        write("#", into: &grid, x: width - 1, y: height - 1)
        return grid
    }

    /// Writes `text` left to right, clipped at the right edge. A cluster takes the columns of its
    /// spacing characters (two for a wide character or a conjunct such as "र्न").
    static func write(_ text: String, into grid: inout CellGrid, x: Int, y: Int, style: Style = .plain) {
        var column = x
        for character in text {
            let spacing = character.unicodeScalars.reduce(0) { $0 + max(0, Int(leadtop_wcwidth($1.value))) }
            let width = min(2, max(1, spacing))
            guard column + width <= grid.width else { return }
            grid[column, y] = Cell(text: String(character), width: UInt8(width), style: style)
            if width == 2 { grid[column + 1, y] = Cell(text: "", width: 0, style: style) }
            column += width
        }
    }
}
