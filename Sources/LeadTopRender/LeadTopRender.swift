/// Module `LeadTopRender`; see DECISIONS.md for what lives here.
