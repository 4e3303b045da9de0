import Foundation
import LeadOSContract
import LeadTopCore
import Testing
@testable import LeadTopRuntime

/// The TOML document `E` opens: written and read back to the same values, hostile names kept
/// inert, every wrong key or type named; and the real editor run through /bin/sh on it.
@Suite struct CampaignDocumentTests {
    static let values: CampaignForm.Values = {
        var v = CampaignForm.Values()
        v.name = "Nordic \"CFOs\" \u{1b}[2J"
        v.jobTitles = "CFO, Head of Finance"
        v.industries = "Fintech"
        v.companySizes = [.s51_200, .s201_500]
        v.geographies = ""
        v.minScore = "75"
        v.enrichment = .emailPhone
        v.dailyCap = "30"
        v.totalCap = "500"
        return v
    }()
    static let request = CampaignEditorRequest(campaignID: "camp_x", name: "Nordic", values: values, leadsDelivered: 12)

    @Test func aDocumentReadsBackToItsValues() throws {
        let text = CampaignDocument.text(for: Self.request)
        #expect(text.contains("name = \"Nordic \\\"CFOs\\\" \\u001B[2J\""))
        #expect(!text.contains("\u{1b}"))
        #expect(try CampaignDocument.values(from: text, base: CampaignForm.Values()) == Self.values)
        var none = Self.request
        none.values.totalCap = ""
        #expect(try CampaignDocument.values(from: CampaignDocument.text(for: none), base: CampaignForm.Values())?.totalCap == "")
    }

    @Test func emptyIsCancelAndEveryMistakeIsNamed() throws {
        #expect(try CampaignDocument.values(from: "# only comments\n\n", base: Self.values) == nil)
        let cases: [(String, String)] = [
            ("min_scor = 3", "unknown key min_scor (did you mean min_score?)"),
            ("min_score = \"high\"", "min_score must be a whole number"),
            ("job_titles = \"CFO\"", "job_titles must be a list of quoted strings, like [\"a\", \"b\"]"),
            ("company_sizes = [\"2-5\"]", "company_sizes: 2-5 is not one of 1-10, 11-50, 51-200, 201-500, 501-1000, 1001-5000, 5001-10000, 10001+"),
            ("enrichment_level = \"gold\"", "enrichment_level must be basic, email or email_phone, not gold"),
            ("total_lead_cap = true", "total_lead_cap must be a whole number or \"none\""),
        ]
        for (text, expected) in cases {
            #expect(throws: CampaignDocument.Problem(description: expected)) {
                _ = try CampaignDocument.values(from: text, base: Self.values)
            }
        }
        #expect(throws: CampaignDocument.Problem.self) { _ = try CampaignDocument.values(from: "name = ", base: Self.values) }
    }

    /// A scripted editor: the first run breaks the file, the second (seeing the error on top)
    /// writes a good value; the editor opened twice and the result is the second file's.
    @Test func aBrokenDocumentIsOpenedAgainWithTheReasonOnTop() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("leadtop-editor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = directory.appendingPathComponent("edit.sh")
        try """
            #!/bin/sh
            if grep -q '^# ERROR: min_score must be a whole number' "$1"; then
              sed -i 's/^min_score = .*/min_score = 90/' "$1"
            else
              sed -i 's/^min_score = .*/min_score = "x"/' "$1"
            fi
            echo run >> "\(directory.path)/runs"
            """.write(to: script, atomically: true, encoding: .utf8)
        chmod(script.path, 0o755)
        let editor = ExternalEditor(environment: ["EDITOR": script.path, "PATH": "/usr/bin:/bin"])
        var expected = Self.values
        expected.minScore = "90"
        #expect(editor.edit(Self.request) == .saved(expected))
        #expect(try String(contentsOf: directory.appendingPathComponent("runs"), encoding: .utf8) == "run\nrun\n")

        let failing = ExternalEditor(environment: ["VISUAL": "false", "EDITOR": script.path, "PATH": "/usr/bin:/bin"])
        #expect(failing.edit(Self.request) == .failed("false exited with status 1"))
    }
}
