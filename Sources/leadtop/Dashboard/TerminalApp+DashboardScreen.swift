import LeadTopApp
import LeadTopTerminal

/// The terminal is the screen the dashboard session draws on.
extension TerminalApp: DashboardScreen {}
