import AccordCore
import AccordDemo
import AccordDocuments
import AccordTestSupport
import Foundation
import Testing

@Suite("National reports and the compilation of a cycle as documents")
struct ReportDocumentTests {
    static let canada: ReportID = "SANTIAGO-1998-REPORTS/SANTIAGO-1998-MW-IACHR/CAN"

    /// The demo with the coordinator's report of the United States filed on the seed's mandate (test data,
    /// not the demo's), and a second mandate nobody reported on.
    static func withCoordinatorReport() throws -> ProcessState {
        var state = try DocumentFixture.demo()
        let filing = ReportFiling(
            cycle: Demo.santiagoCycle.id, mandate: Demo.iachrMandate.id, participant: "USA", kind: .coordinator,
            language: .en, sections: ReportSections(summary: .en("The coordination met twice.")),
            indicators: [
                Indicator(
                    name: .en("Officials trained"), kind: .quantitative, unit: "persons", baseline: "0", target: "40",
                    actual: "25")
            ], status: .submitted)
        state = try DocumentFixture.applying(
            .fileReport(filing), to: state, authority: .participant("USA"),
            actor: Actor(name: "usa.delegate", role: .delegate, participant: "USA"))
        let other = Mandate(
            id: "SANTIAGO-1998-MW-ZZ", plan: Demo.santiagoPlan.id, paragraph: "9", text: .en("A second mandate."))
        return try DocumentFixture.applying(
            .addMandate(other), to: state, authority: .editorial(reason: "test"))
    }

    @Test("Canada's report in French: the mandate's text first, then what Canada did, then the events it cites")
    func canadaInFrench() throws {
        let state = try DocumentFixture.demo()
        let report = try #require(state.reports[Self.canada])
        let document = ReportDocument(
            state: state, report: report, languages: DocumentLanguages(.fr), generatedOn: DocumentFixture.generatedOn)
        let markdown = document.markdown()
        let order = [
            "# Rapport national : Canada", "Plan d'action de Santiago", "Mandat SANTIAGO-1998-MW-IACHR — Travailleurs",
            "Soutenir les activités de la Commission interaméricaine", "Coordonnateur*: États-Unis",
            "Ce que le pays a fait", "publié, révision 1", "Mesures prises", "L'atelier sur les pratiques exemplaires",
            "Événements cités", "Atelier: Atelier sur les pratiques exemplaires", "Santiago, Chili, juin 2000",
            "Organisé par Organisation internationale des migrations",
            "; sous les auspices de gouvernement des États-Unis", "Symposium: Symposium sur les migrations",
        ]
        var rest = Substring(markdown)
        for piece in order {
            let found = try #require(rest.range(of: piece), "\(piece) missing or out of order")
            rest = rest[found.upperBound...]
        }
        #expect(!markdown.contains("Indicateurs"), "the seed gives no indicator, so there is no empty table")
        try assertSnapshot(markdown, named: "report-canada-fr.md")
        // The same content in Word: the title, the sections as headings, the text in French.
        let xml = try DocumentFixture.part("word/document.xml", of: try document.docx())
        #expect(xml.contains("Rapport national : Canada") && xml.contains("<w:pStyle w:val=\"Heading2\"/>"))
        #expect(xml.contains("<w:lang w:val=\"fr\"/>") && xml.contains("Commission interaméricaine"))
        #expect(document.html().contains("Ce que le pays a fait"))
    }

    @Test("in English, the French original stands in and is marked as untranslated")
    func missingTranslation() throws {
        let state = try DocumentFixture.demo()
        let report = try #require(state.reports[Self.canada])
        let markdown = ReportDocument(
            state: state, report: report, languages: DocumentLanguages(.en), generatedOn: DocumentFixture.generatedOn
        ).markdown()
        #expect(markdown.contains("# National report: Canada") && markdown.contains("What the country did"))
        #expect(markdown.contains("translation missing; original in French"))
    }

    @Test("the compilation: each mandate, the coordinator's report first, then each country's; empty mandates say so")
    func compilation() throws {
        let state = try Self.withCoordinatorReport()
        let cycle = try #require(state.cycles[Demo.santiagoCycle.id])
        let document = CompilationDocument(
            state: state, cycle: cycle, languages: DocumentLanguages(.en), generatedOn: DocumentFixture.generatedOn)
        let markdown = document.markdown()
        let order = [
            "# Compilation of reports:", "## Mandate SANTIAGO-1998-MW-IACHR", "### Coordinator's report: United States",
            "Officials trained | persons | 0 | 40 | 25", "### National report: Canada", "L'atelier",
            "## Mandate 9", "No report on this mandate has been filed.",
        ]
        var rest = Substring(markdown)
        for piece in order {
            let found = try #require(rest.range(of: piece), "\(piece) missing or out of order")
            rest = rest[found.upperBound...]
        }
        try assertSnapshot(markdown, named: "compilation-demo-en.md")
        let xml = try DocumentFixture.part("word/document.xml", of: try document.docx())
        #expect(xml.contains("report: United States of America") && xml.contains("<w:pageBreakBefore/>"))
    }

    @Test("the public's compilation holds only published reports: the submitted coordinator's report is left out")
    func publicCompilation() throws {
        let state = try Self.withCoordinatorReport().published(for: .outside(invited: nil))
        let cycle = try #require(state.cycles[Demo.santiagoCycle.id])
        let markdown = CompilationDocument(
            state: state, cycle: cycle, languages: DocumentLanguages(.en), generatedOn: DocumentFixture.generatedOn
        ).markdown()
        #expect(!markdown.contains("Coordinator's report") && markdown.contains("National report: Canada"))
    }
}
