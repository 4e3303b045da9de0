/// Building blocks for company names, industries, titles and buying signals.
enum CompanyCatalog {
    static let roots = ["Nimbus", "Lattice", "Quanta", "Brightpath", "Tessellate", "Oakridge", "Veridian", "Kestrel",
                        "Halcyon", "Northwind", "Solace", "Juniper", "Meridian", "Cobalt", "Fjord", "Tamarind",
                        "Helix", "Lumen", "Corvid", "Saffron", "Basalt", "Zephyr", "Orchard", "Pinnacle"]
    static let trades = ["Labs", "Analytics", "Systems", "Cloud", "Health", "Logistics", "Pay", "Robotics", "Energy",
                         "Learning", "Commerce", "Security", "Foods", "Mobility", "Studio", "Works"]
    static let industries = ["SaaS", "Fintech", "Healthcare", "E-commerce", "Logistics", "Manufacturing", "EdTech",
                             "Cybersecurity", "Renewable Energy", "Real Estate", "Marketing Agency", "Biotech",
                             "Consulting", "Retail", "Telecommunications", "Gaming"]
    static let titles = ["Founder", "Co-Founder", "CEO", "CTO", "VP of Sales", "Head of Growth", "Head of Marketing",
                         "Chief Revenue Officer", "Director of Operations", "Sales Manager", "Procurement Lead",
                         "Head of Partnerships", "COO", "Marketing Director", "Engineering Manager"]
    static let products = ["CRM solutions", "data enrichment tools", "outbound automation", "a sales engagement platform",
                           "revenue intelligence software", "a customer data platform", "payroll software",
                           "cloud cost tooling", "a new ERP", "security awareness training", "marketing analytics",
                           "a help desk platform"]
    static let triggers = ["after closing a Series A", "while hiring five new SDRs", "ahead of expanding into a new region",
                           "after a new VP of Sales joined", "following a contract renewal deadline",
                           "after a spike in inbound demand", "as the current vendor sunsets its plan",
                           "while consolidating their tool stack", "after a board push for efficiency",
                           "before the next fiscal year"]
    static let signals = ["Visited the pricing page three times this week.", "Downloaded a comparison guide.",
                          "Posted a job ad mentioning the category.", "Engaged with two competitor webinars.",
                          "Asked peers for recommendations on a community forum.", "Requested a demo from a competitor.",
                          ""]
}
