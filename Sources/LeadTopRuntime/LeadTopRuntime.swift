/// Module `LeadTopRuntime`; see DECISIONS.md for what lives here.
