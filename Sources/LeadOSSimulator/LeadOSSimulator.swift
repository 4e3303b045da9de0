/// Module `LeadOSSimulator`; see DECISIONS.md for what lives here.
