/// The client speaks the contract's types, so whoever imports the client gets them too.
@_exported import LeadOSContract
