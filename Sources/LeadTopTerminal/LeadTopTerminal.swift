/// Module `LeadTopTerminal`; see DECISIONS.md for what lives here.
