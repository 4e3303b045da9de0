import LeadOSContract

/// Keys while a dialog or overlay is open.
extension AppState {
    static let maxNoteLength = 500
    static let maxFilterLength = 200

    mutating func handleModalKey(_ key: Key, modal current: Modal) -> [Effect] {
        switch current {
        case .help, .notifications:
            modal = nil
            return []
        case .connectionDetails:
            modal = nil
            // R from the details is what a user reaches for after reading them.
            return settings.keys.action(for: key) == .refresh ? perform(.refresh) : []
        case .confirm(let confirmation):
            modal = nil
            if key == .char("y") || key == .char("Y") { return confirm(confirmation) }
            show("Cancelled")
            return []
        case .reasonPicker(let leadID, let note):
            return handleReasonPickerKey(key, leadID: leadID, note: note)
        case .noteInput(let leadID, let text, let purpose):
            return handleNoteKey(key, leadID: leadID, text: text, purpose: purpose)
        case .filterInput(let text):
            handleFilterKey(key, text: text)
            return []
        case .commandPrompt(let prompt):
            return handleCommandKey(key, prompt: prompt)
        case .campaignForm(let form):
            return handleCampaignFormKey(key, form: form)
        case .copyMenu(let leadID, let fromCard):
            return handleCopyMenuKey(key, leadID: leadID, fromCard: fromCard)
        case .campaignCard(let campaignID):
            return handleCampaignCardKey(key, campaignID: campaignID)
        case .profilePicker(let selected):
            return handleProfilePickerKey(key, selected: selected)
        case .exportPath(let text):
            return handleExportPathKey(key, text: text)
        case .leadCard:
            switch key {
            case .esc, .enter, .char("q"):
                modal = nil
                return []
            default:
                // The card shows the selected lead: j/k browse and the rating keys act on it.
                guard let action = settings.keys.action(for: key), settings.keys.binding(action)?.onLeadCard == true else {
                    return []
                }
                focus = .feed
                return perform(action)
            }
        }
    }

    private mutating func handleReasonPickerKey(_ key: Key, leadID: String, note: String?) -> [Effect] {
        switch key {
        case .char(let c) where (1...BadReason.allCases.count).contains(Key.digit(c) ?? 0):
            modal = nil
            let reason = BadReason.allCases[Key.digit(c)! - 1]
            guard let lead = leads.entry(id: leadID)?.lead else {
                show("That lead is no longer in the feed", kind: .error)
                return []
            }
            show("Rated \(lead.fullName) bad: \(reason.label)")
            return rate(FeedbackSubmission(rating: .bad, reason: reason, note: note), for: lead)
        case .char("n"):
            modal = .noteInput(leadID: leadID, text: note ?? "", purpose: .badRating)
        case .esc, .char("q"):
            modal = nil
            show("Cancelled")
        default:
            break
        }
        return []
    }

    private mutating func handleNoteKey(_ key: Key, leadID: String, text: String, purpose: NotePurpose) -> [Effect] {
        switch key {
        case .enter:
            let note = text.trimmingCharacters(in: .whitespaces)
            switch purpose {
            case .badRating:
                modal = .reasonPicker(leadID: leadID, note: note.isEmpty ? nil : note)
                return []
            case .amendRating:
                modal = nil
                guard let lead = leads.entry(id: leadID)?.lead, let feedback = lead.feedback else { return [] }
                show("Note saved for \(lead.fullName)")
                let submission = FeedbackSubmission(rating: feedback.rating, reason: feedback.reason,
                                                    note: note.isEmpty ? nil : note)
                return submitFeedback(submission, for: lead)
            }
        case .esc:
            modal = purpose == .badRating ? .reasonPicker(leadID: leadID, note: nil) : nil
        default:
            if let edited = Self.edit(text, with: key, limit: Self.maxNoteLength) {
                modal = .noteInput(leadID: leadID, text: edited, purpose: purpose)
            }
        }
        return []
    }

    private mutating func handleFilterKey(_ key: Key, text: String) {
        switch key {
        case .enter:
            if applyFilter(text) { modal = nil }
        case .esc:
            modal = nil
        default:
            if let edited = Self.edit(text, with: key, limit: Self.maxFilterLength) {
                modal = .filterInput(text: edited)
            }
        }
    }

    /// Applies a feed filter (`/` or `:filter`); false, with the error shown, when it does not parse.
    @discardableResult
    mutating func applyFilter(_ text: String) -> Bool {
        switch FeedFilter.parse(text, campaignID: scopeCampaignID, unratedOnly: leads.filter.unratedOnly) {
        case .success(let filter):
            filterText = text.trimmingCharacters(in: .whitespaces)
            leads.setFilter(filter)
            reselectLeadAfterFilterChange()
            if filterText.isEmpty {
                show("Filter cleared")
            } else if leads.isSettled {
                show("\(leads.visibleCount) leads match \(filterText)")
            }
            return true
        case .failure(let error):
            show("Filter \(error)", kind: .error)
            return false
        }
    }

    /// One-line editing: printable characters append, Backspace deletes; nil for other keys.
    static func edit(_ text: String, with key: Key, limit: Int) -> String? {
        switch key {
        case .backspace, .delete:
            return String(text.dropLast())
        case .char(let c):
            let printable = c.unicodeScalars.allSatisfy { scalar in
                switch scalar.properties.generalCategory {
                case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned: false
                default: true
                }
            }
            guard printable, text.count < limit else { return text }
            return text + String(c)
        default:
            return nil
        }
    }
}

extension BadReason {
    /// How the reason picker and the feedback pane name a reason.
    public var label: String {
        switch self {
        case .invalidEmail: "invalid email (bounced)"
        case .wrongPerson: "wrong person"
        case .notICP: "not ICP"
        case .noIntent: "no intent"
        case .duplicate: "duplicate"
        case .other: "other"
        }
    }
}
