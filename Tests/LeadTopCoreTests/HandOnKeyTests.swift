import Foundation
import Testing
import LeadOSContract
@testable import LeadTopCore
import LeadTopTestSupport

/// `y`, `Y`, `o`, `S` and `:suppress FILE`: each key's exact effects and what the state shows.
@Suite struct HandOnKeyTests {
    typealias F = DashboardFixtures

    func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        keys.flatMap { reduce(&state, .key($0)) }
    }

    func type(_ state: inout AppState, _ text: String) {
        for c in text { reduce(&state, .key(.char(c))) }
    }

    func message(_ text: String, _ kind: StatusMessage.Kind = .info) -> StatusMessage {
        StatusMessage(text, kind: kind, expiresAt: F.now.addingTimeInterval(5))
    }

    /// The feed filtered to `text`, its pages answered from the fixtures.
    func filtered(_ text: String, readOnly: Bool = false) -> AppState {
        var state = F.state(readOnly: readOnly)
        reduce(&state, .key(.char("/")))
        type(&state, text)
        MemoryFeed().send(.key(.enter), to: &state)
        return state
    }

    // MARK: - y and Y

    @Test func yCopiesTheSelectedEmailAndTheOutcomeIsShown() {
        var state = F.state()
        #expect(press(&state, .char("y")) == [.copyToClipboard(ClipboardCopy(text: "a01@example.com", what: "a01@example.com"))])
        #expect(state.modal == nil)
        let cases: [(ClipboardSupport, StatusMessage)] = [
            (.supported, message("Copied a01@example.com to the clipboard")),
            (.tmux, message("Copied a01@example.com via OSC 52 (tmux passes it on with set-clipboard on)")),
            (.unknown, message("Copied a01@example.com via OSC 52 (if your terminal allows it)")),
            (.absent(terminal: "The Linux console"),
             message("The Linux console has no OSC 52 clipboard: nothing was copied", .error)),
        ]
        for (support, expected) in cases {
            #expect(reduce(&state, .handOn(.copied(what: "a01@example.com", support))) == [])
            #expect(state.message == expected)
        }
    }

    @Test func yOnALeadWithoutEmailSaysSoAndCopiesNothing() {
        var state = F.state()
        for _ in 0..<5 { _ = press(&state, .char("j")) }
        #expect(state.selectedLeadID == "del_a06")
        #expect(press(&state, .char("y")) == [])
        #expect(state.message == message("\(F.Hostile.oscTitle) has no email", .error))
    }

    @Test func copyMenuOffersEveryFieldAndCopiesTheOneChosen() {
        var state = F.state()
        #expect(press(&state, .char("Y")) == [])
        #expect(state.modal == .copyMenu(leadID: "del_a01", fromCard: false))
        // Keys that choose nothing leave the menu open.
        #expect(press(&state, .char("x"), .down, .enter) == [])
        #expect(state.modal == .copyMenu(leadID: "del_a01", fromCard: false))
        #expect(press(&state, .char("l")) == [.copyToClipboard(ClipboardCopy(
            text: "https://linkedin.com/in/del_a01", what: "the LinkedIn URL of Raj Sharma"))])
        #expect(state.modal == nil)
        #expect(press(&state, .char("Y"), .char("2")) == [])
        #expect(state.message == message("Raj Sharma has no phone number", .error))
        #expect(press(&state, .char("Y"), .char("1")) == [.copyToClipboard(ClipboardCopy(text: "a01@example.com", what: "a01@example.com"))])
        #expect(press(&state, .char("Y"), .esc) == [])
        #expect(state.modal == nil)
    }

    @Test func copyMenuCopiesTheWholeLeadAsJSON() throws {
        var state = F.state()
        let effects = press(&state, .char("Y"), .char("j"))
        let copy = try #require(effects.first.flatMap { if case .copyToClipboard(let c) = $0 { c } else { nil } })
        #expect(effects.count == 1)
        #expect(copy.what == "Raj Sharma as JSON")
        #expect(copy.text == """
            {
              "campaign_id" : "camp_solar01",
              "company_domain" : "example.com",
              "company_industry" : "SaaS",
              "company_name" : "TechCorp Pvt Ltd",
              "company_size" : "11-50",
              "credits_consumed" : 2,
              "delivered_at" : "2026-05-07T14:29:00Z",
              "email" : "a01@example.com",
              "email_status" : "valid",
              "enrichment_level" : "email",
              "feedback" : null,
              "full_name" : "Raj Sharma",
              "geography" : "Kathmandu, Nepal",
              "id" : "del_a01",
              "intent_summary" : "Evaluating CRM solutions for a growing sales team",
              "job_title" : "Founder",
              "linkedin_url" : "https://linkedin.com/in/del_a01",
              "phone" : null,
              "score" : 92
            }
            """)
        // It is the lead, field for field.
        #expect(try LeadOSJSON.decode(Lead.self, from: Data(copy.text.utf8)) == F.leads[0])
    }

    @Test func copyMenuCopiesAVCard() {
        var state = F.state()
        let text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Raj Sharma\r\nN:Sharma;Raj;;;\r\nEMAIL;TYPE=INTERNET:a01@example.com\r\n"
            + "ORG:TechCorp Pvt Ltd\r\nTITLE:Founder\r\nURL:https://linkedin.com/in/del_a01\r\nEND:VCARD\r\n"
        #expect(press(&state, .char("Y"), .char("v")) == [.copyToClipboard(ClipboardCopy(text: text, what: "Raj Sharma as a vCard"))])
    }

    @Test func fromTheLeadCardTheMenuGoesBackToTheCard() {
        var state = F.state()
        _ = press(&state, .char("j"), .enter)
        #expect(state.modal == .leadCard)
        #expect(press(&state, .char("Y")) == [])
        #expect(state.modal == .copyMenu(leadID: "del_a02", fromCard: true))
        #expect(press(&state, .char("e")) == [.copyToClipboard(ClipboardCopy(text: "a02@example.com", what: "a02@example.com"))])
        #expect(state.modal == .leadCard)
        _ = press(&state, .char("Y"), .esc)
        #expect(state.modal == .leadCard)
        // y and o work on the card too, and leave it open.
        #expect(press(&state, .char("y")) == [.copyToClipboard(ClipboardCopy(text: "a02@example.com", what: "a02@example.com"))])
        #expect(press(&state, .char("o")) == [.openURL("https://linkedin.com/in/del_a02")])
        #expect(state.modal == .leadCard)
    }

    @Test func hostileTextIsSanitizedBeforeItReachesTheClipboard() {
        var state = F.state()
        var lead = F.lead("del_x01", name: "Eve\u{1B}]52;c;cm0gLXJmIH4=\u{07}Smith", minutesAgo: 0)
        lead.phone = "+1 555\u{1B}[201~; rm -rf ~\n0100"
        reduce(&state, .sync(.newLeads([lead])))
        _ = press(&state, .char("g"))
        #expect(state.selectedLeadID == "del_x01")
        #expect(press(&state, .char("Y"), .char("p")) == [.copyToClipboard(ClipboardCopy(
            text: "+1 555; rm -rf ~ 0100", what: "+1 555; rm -rf ~ 0100"))])
        let card = press(&state, .char("Y"), .char("v"))
        #expect(card == [.copyToClipboard(ClipboardCopy(
            text: "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:EveSmith\r\nN:EveSmith;;;;\r\nEMAIL;TYPE=INTERNET:x01@example.com\r\n"
                + "TEL;TYPE=WORK:+1 555\\; rm -rf ~ 0100\r\nORG:Acme GmbH\r\nTITLE:Founder\r\n"
                + "URL:https://linkedin.com/in/del_x01\r\nEND:VCARD\r\n",
            what: "Eve\u{1B}]52;c;cm0gLXJmIH4=\u{07}Smith as a vCard"))])
    }

    // MARK: - o

    @Test func oOpensOnlyPlainHTTPLinks() {
        var state = F.state()
        #expect(press(&state, .char("o")) == [.openURL("https://linkedin.com/in/del_a01")])
        #expect(state.message == message("Opening https://linkedin.com/in/del_a01…"))
        #expect(reduce(&state, .handOn(.openFailed(url: "https://linkedin.com/in/del_a01", reason: "xdg-open exited with status 3"))) == [])
        #expect(state.message == message("Could not open https://linkedin.com/in/del_a01: xdg-open exited with status 3", .error))

        for (url, expected) in [("javascript:alert(1)", "is not a plain http(s) link: not opened"),
                                ("https://evil.example/\u{1B}]8;;x\u{07}", "is not a plain http(s) link: not opened"),
                                ("", nil)] as [(String, String?)] {
            var lead = F.lead("del_x02", name: "Ann Lee", minutesAgo: 0)
            lead.linkedinURL = url
            var state = F.state()
            reduce(&state, .sync(.newLeads([lead])))
            _ = press(&state, .char("g"))
            #expect(press(&state, .char("o")) == [])
            #expect(state.message == message(expected.map { "The LinkedIn URL of Ann Lee \($0)" } ?? "Ann Lee has no LinkedIn URL", .error))
        }
    }

    @Test func webLinksAreHTTPAndPrintableASCIIOnly() {
        #expect(WebLink.validated("https://www.linkedin.com/in/raj-sharma-1a2b3c") == "https://www.linkedin.com/in/raj-sharma-1a2b3c")
        #expect(WebLink.validated("HTTP://Example.com/x?a=1&b=%20") == "HTTP://Example.com/x?a=1&b=%20")
        for bad in ["https://", "ftp://x", "file:///etc/passwd", "javascript:alert(1)", "https://a b", "https://a\u{7}",
                    "https://é.example", "https://x/\u{202E}", " https://x", "https://x/" + String(repeating: "a", count: 2_048)] {
            #expect(WebLink.validated(bad) == nil, "\(bad.debugDescription)")
        }
    }

    // MARK: - S

    @Test func sAsksTheCacheForTheFilteredAddressesThenConfirmsWithTheCount() {
        var state = filtered("score>80")
        let filter = state.leads.filter
        #expect(press(&state, .char("S")) == [.collectEmails(filter)])
        #expect(state.message == message("Collecting the filtered feed's addresses…"))
        #expect(state.modal == nil)
        // An answer for another filter (stale) is dropped.
        #expect(reduce(&state, .sync(.viewEmails(.all, ["x@y.z"]))) == [])
        #expect(state.modal == nil)
        let emails = ["a01@example.com", "a07@example.com", "A01@Example.com", "a09@example.com", "a11@example.com"]
        #expect(reduce(&state, .sync(.viewEmails(filter, emails))) == [])
        let bulk = BulkSuppression(source: .view("“score>80”"),
                                   emails: ["a01@example.com", "a07@example.com", "a09@example.com", "a11@example.com"])
        #expect(state.modal == .confirm(.suppressMany(bulk)))

        #expect(press(&state, .char("y")) == [.write(.suppress(emails: bulk.emails))])
        #expect(state.message == message("Suppressing 4 addresses…"))
        #expect(state.bulkSuppression?.waiting == [bulk.emails])
        // The outbox settles the batch, then reports LeadOS's counts.
        reduce(&state, .sync(.writeSettled(.applied(.suppress(emails: bulk.emails)))))
        #expect(state.message == message("Suppressing 4 addresses…"))
        reduce(&state, .sync(.suppressionApplied(emails: bulk.emails, SuppressionResult(
            added: 3, alreadyPresent: 1, invalid: [], totalSuppressed: 40))))
        #expect(state.bulkSuppression == nil)
        #expect(state.message == message(
            "Suppressed 4 addresses: 3 added, 1 already suppressed, 0 invalid"))
    }

    @Test func sInBatchesOfAThousandWithARefusedBatchReported() {
        var state = F.state()
        _ = press(&state, .char("1"), .enter, .char("2"))
        #expect(state.scopeCampaignID == "camp_solar01")
        let filter = state.leads.filter
        #expect(press(&state, .char("S")) == [.collectEmails(filter)])
        let emails = (0..<2_500).map { "lead\($0)@example.com" }
        reduce(&state, .sync(.viewEmails(filter, emails)))
        let batches = [Array(emails[0..<1_000]), Array(emails[1_000..<2_000]), Array(emails[2_000...])]
        #expect(press(&state, .char("y")) == batches.map { .write(.suppress(emails: $0)) })
        #expect(state.message == message("Suppressing 2,500 addresses in 3 batches…"))
        reduce(&state, .sync(.writeSettled(.applied(.suppress(emails: batches[0])))))
        reduce(&state, .sync(.suppressionApplied(emails: batches[0], SuppressionResult(
            added: 990, alreadyPresent: 8, invalid: ["lead7@example.com", "lead9@example.com"], totalSuppressed: 990))))
        #expect(state.bulkSuppression?.waiting == Array(batches[1...]))
        // Another S meanwhile is refused: one bulk suppression at a time.
        #expect(press(&state, .char("S")) == [])
        #expect(state.message == message("A bulk suppression is still being sent (2 batches left)", .error))
        reduce(&state, .sync(.writeSettled(.refused(.suppress(emails: batches[1]), status: 422, code: "validation_error",
                                                    message: "emails: too many"))))
        reduce(&state, .sync(.writeSettled(.applied(.suppress(emails: batches[2])))))
        reduce(&state, .sync(.suppressionApplied(emails: batches[2], SuppressionResult(
            added: 500, alreadyPresent: 0, invalid: [], totalSuppressed: 1_490))))
        #expect(state.bulkSuppression == nil)
        #expect(state.message == message(
            "Suppressed 2,500 addresses: 1,490 added, 8 already suppressed, "
                + "2 invalid; 1,000 not suppressed: LeadOS refused (422): emails: too many", .error))
    }

    @Test func sNeedsAFilterAnAnswerWithAddressesAndWritesAllowed() {
        var state = F.state()
        #expect(press(&state, .char("S")) == [])
        #expect(state.message == message(
            "S suppresses the filtered feed: filter (/) or scope it first; :suppress FILE takes a list", .error))

        state = filtered("nobody-matches-this")
        let filter = state.leads.filter
        #expect(press(&state, .char("S")) == [.collectEmails(filter)])
        reduce(&state, .sync(.viewEmails(filter, [])))
        #expect(state.modal == nil)
        #expect(state.message == message("No lead of the filtered feed has an email", .error))

        #expect(press(&state, .char("S")) == [.collectEmails(filter)])
        reduce(&state, .sync(.viewEmailsFailed(filter, message: "disk I/O error")))
        #expect(state.message == message("Could not read the filtered feed's addresses from the local cache: disk I/O error", .error))

        state = filtered("score>80", readOnly: true)
        #expect(press(&state, .char("S")) == [])
        #expect(state.message == message("Read-only mode: suppression is disabled", .error))
    }

    @Test func theConfirmationCanBeDeclined() {
        var state = filtered("score>80")
        let filter = state.leads.filter
        _ = press(&state, .char("S"))
        reduce(&state, .sync(.viewEmails(filter, ["a01@example.com"])))
        #expect(press(&state, .char("n")) == [])
        #expect(state.modal == nil)
        #expect(state.bulkSuppression == nil)
        #expect(state.message == message("Cancelled"))
    }

    // MARK: - :suppress FILE

    @Test func suppressFileReadsThenConfirmsAndCountsBadLinesAsInvalid() {
        var state = F.state()
        reduce(&state, .key(.char(":")))
        type(&state, "suppress ~/bounces.txt")
        #expect(reduce(&state, .key(.enter)) == [.readSuppressionFile(path: "~/bounces.txt"),
                                                   .saveCommandHistory(["suppress ~/bounces.txt"])])
        #expect(state.message == message("Reading ~/bounces.txt…"))
        reduce(&state, .handOn(.suppressionFileRead(path: "~/bounces.txt", addresses: ["a@x.io", "b@x.io"], badLines: 3)))
        let bulk = BulkSuppression(source: .file("~/bounces.txt"), emails: ["a@x.io", "b@x.io"], badLines: 3)
        #expect(state.modal == .confirm(.suppressMany(bulk)))
        #expect(press(&state, .char("y")) == [.write(.suppress(emails: ["a@x.io", "b@x.io"]))])
        reduce(&state, .sync(.writeSettled(.applied(.suppress(emails: ["a@x.io", "b@x.io"])))))
        reduce(&state, .sync(.suppressionApplied(emails: ["a@x.io", "b@x.io"], SuppressionResult(
            added: 2, alreadyPresent: 0, invalid: [], totalSuppressed: 2))))
        #expect(state.message == message("Suppressed 2 addresses: 2 added, 0 already suppressed, 3 invalid"))
    }

    @Test func suppressFileFailuresAndEmptyFilesAreSaid() {
        var state = F.state()
        reduce(&state, .handOn(.suppressionFileFailed(path: "nope.txt", reason: "no such file")))
        #expect(state.message == message("Cannot read nope.txt: no such file", .error))
        reduce(&state, .handOn(.suppressionFileRead(path: "junk.txt", addresses: [], badLines: 4)))
        #expect(state.modal == nil)
        #expect(state.message == message("No addresses in junk.txt (4 lines are not addresses)", .error))
        // Without a path, :suppress is the s key.
        #expect(Command.parse("suppress") == .success(.action(.suppress)))
        #expect(Command.parse("suppress  my list.txt ") == .success(.suppressFile("my list.txt")))
        var readOnly = F.state(readOnly: true)
        reduce(&readOnly, .key(.char(":")))
        type(&readOnly, "suppress x.txt")
        #expect(reduce(&readOnly, .key(.enter)) == [.saveCommandHistory(["suppress x.txt"])])
        #expect(readOnly.message == message("Read-only mode: suppression is disabled", .error))
    }

    @Test func oneAddressSuppressedByLeadOSButFoundInvalidIsSaid() {
        var state = F.state()
        reduce(&state, .sync(.writeSettled(.applied(.suppress(emails: ["not-an-email"])))))
        #expect(state.message == message("Suppressed not-an-email"))
        reduce(&state, .sync(.suppressionApplied(emails: ["not-an-email"], SuppressionResult(
            added: 0, alreadyPresent: 0, invalid: ["not-an-email"], totalSuppressed: 0))))
        #expect(state.message == message("LeadOS did not suppress not-an-email: not a valid address", .error))
    }

    // MARK: - Pieces

    @Test func fileLinesThatCannotBeAddressesAreCountedNotSent() {
        let text = "a@x.io\n  B@X.io  \r\n\nnot an address\nno-at-sign\na@X.IO\nc@x.io\u{1B}[2J\n"
            + String(repeating: "l", count: 250) + "@x.io\n\u{FFFD}@x.io\nd@x.io"
        let parsed = BulkSuppression.addresses(in: Data(text.utf8))
        #expect(parsed.addresses == ["a@x.io", "B@X.io", "d@x.io"])
        #expect(parsed.badLines == 5)
    }

    @Test func vCardValuesAreEscapedAndLongLinesFolded() {
        #expect(VCard.escape(#"a\b,c;d"#) == #"a\\b\,c\;d"#)
        #expect(VCard.structuredName("Anna Maria Müller") == "Müller;Anna Maria;;;")
        #expect(VCard.structuredName("") == ";;;;")
        let long = "TITLE:" + String(repeating: "é", count: 50)
        let folded = VCard.fold(long)
        let pieces = folded.components(separatedBy: "\r\n ")
        #expect(pieces.joined() == long)
        #expect(pieces.allSatisfy { $0.utf8.count <= 75 })
        #expect(pieces.count == 2)
    }

    @Test func theNewKeysAreInTheTable() {
        let keys = KeyTable.standard
        #expect(keys.action(for: .char("S")) == .suppressView)
        #expect(keys.action(for: .char("y")) == .copyEmail)
        #expect(keys.action(for: .char("Y")) == .copyMenu)
        #expect(keys.action(for: .char("o")) == .openLink)
        #expect(keys.binding(.suppressView)?.writes == true)
        #expect(keys.binding(.suppressView)?.onLeadCard == false)
        for action in [KeyAction.copyEmail, .copyMenu, .openLink] {
            #expect(keys.binding(action)?.writes == false)
            #expect(keys.binding(action)?.onLeadCard == true)
        }
    }
}

extension HandOnKeyTests {
    /// A batch settling with no bulk suppression waiting for it (sent after a restart or a profile
    /// switch) is named by its count.
    @Test func aBatchNobodyWaitsForIsCountedNotListed() {
        var state = F.state()
        let batch = (0..<1_000).map { "lead\($0)@example.com" }
        reduce(&state, .sync(.writeSettled(.applied(.suppress(emails: batch)))))
        #expect(state.message == message("Suppressed 1,000 addresses"))
        reduce(&state, .sync(.writeSettled(.refused(.suppress(emails: batch), status: 422, code: "validation_error", message: "no"))))
        #expect(state.message == message("Suppression of 1,000 addresses refused (422): no", .error))
    }
}
