import LeadTopCore
import LeadTopTerminal

/// Translates the terminal module's decoded input into the core's input vocabulary.
enum TerminalInput {
    static func key(_ key: LeadTopTerminal.Key) -> LeadTopCore.Key? {
        switch key {
        case .char(let c): .char(c)
        case .ctrl(let c): .ctrl(c)
        case .enter: .enter
        case .escape: .esc
        case .tab: .tab
        case .backtab: .backtab
        case .backspace: .backspace
        case .delete: .delete
        case .up: .up
        case .down: .down
        case .left: .left
        case .right: .right
        case .pageUp: .pageUp
        case .pageDown: .pageDown
        case .home: .home
        case .end: .end
        case .insert, .function: nil
        }
    }

    static func mouse(_ event: LeadTopTerminal.MouseEvent) -> LeadTopCore.MouseEvent {
        LeadTopCore.MouseEvent(kind(event.kind), x: event.x, y: event.y)
    }

    private static func kind(_ kind: LeadTopTerminal.MouseEvent.Kind) -> LeadTopCore.MouseEvent.Kind {
        switch kind {
        case .press(let b): .press(button(b))
        case .release(let b): .release(button(b))
        case .wheelUp: .wheelUp
        case .wheelDown: .wheelDown
        }
    }

    private static func button(_ button: LeadTopTerminal.MouseButton) -> LeadTopCore.MouseButton {
        switch button {
        case .left: .left
        case .middle: .middle
        case .right: .right
        }
    }
}
