/// Module `LeadTopCore`; see DECISIONS.md for what lives here.
