/// Module `LeadTopTestSupport`; see DECISIONS.md for what lives here.
