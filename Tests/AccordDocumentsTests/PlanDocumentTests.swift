import AccordCore
import AccordDocuments
import AccordTestSupport
import Foundation
import FoundationXML
import Testing

@Suite("The Plan of Action as a document")
struct PlanDocumentTests {
    func document(_ state: ProcessState, _ languages: String) throws -> PlanDocument {
        PlanDocument(
            state: state, edition: nil, languages: try DocumentLanguages(parsing: languages),
            generatedOn: DocumentFixture.generatedOn)
    }

    @Test func theDemoPlanAsMarkdownInEnglish() throws {
        let markdown = try document(try DocumentFixture.demo(), "en").markdown()
        try assertSnapshot(markdown, named: "plan-demo-en.md")
    }

    @Test func theDemoPlanAsHTMLSideBySide() throws {
        let html = try document(try DocumentFixture.demo(), "es,en").html()
        try assertSnapshot(html, named: "plan-demo-es-en.html")
    }

    @Test func theDemoPlanAsWordInSpanish() throws {
        let docx = try document(try DocumentFixture.demo(), "es").docx()
        let xml = try DocumentFixture.part("word/document.xml", of: docx)
        try assertSnapshot(DocumentFixture.readable(xml), named: "plan-demo-es.document.xml")
    }

    @Test("every current item, annex row and archived item is in the Word document, each in its part")
    func wordHoldsEveryItem() throws {
        let state = try DocumentFixture.demo(withActivityTitled: "Workshop on document standards")
        let xml = try DocumentFixture.part("word/document.xml", of: try document(state, "en").docx())
        let items = Array(state.items.values)
        let current = Plan.view(.current, of: items, asOf: state.sequence).flattened
        let annexed = Plan.annexes(Array(state.workplans.values), items: items).flatMap { $0.nodes }
        let archived = Plan.view(.archive, of: items, asOf: state.sequence).flattened
        #expect(!current.isEmpty && !annexed.isEmpty)
        // The parts start at their headings' bookmarks; the same words appear earlier in the table of contents.
        let annexStart = try #require(xml.range(of: "w:name=\"item_annexes\""))
        let archiveStart = try #require(xml.range(of: "w:name=\"item_archive\""))
        let currentPart = xml[..<annexStart.lowerBound]
        let annexPart = xml[annexStart.upperBound..<archiveStart.lowerBound]
        let archivePart = xml[archiveStart.upperBound...]
        for item in current {
            #expect(currentPart.contains(item.number.rawValue), "\(item.number) missing from the current version")
            #expect(currentPart.contains(escapedXML(item.title.text(in: .en))), "\(item.number)'s title missing")
        }
        for node in annexed {
            #expect(annexPart.contains(node.item.number.rawValue), "\(node.item.number) missing from the annexes")
        }
        for item in archived { #expect(archivePart.contains(item.number.rawValue)) }
        for item in items where item.status == .proposed && item.workplan == nil {
            #expect(!xml.contains(">\(item.number.rawValue) "), "proposed \(item.number) shown as if agreed")
        }
        // Real headings, a table of contents whose entries link to their headings' bookmarks and number their
        // pages, tables with repeated header rows, language on runs.
        #expect(xml.contains("<w:pStyle w:val=\"Heading1\"/>") && xml.contains("<w:pStyle w:val=\"Heading2\"/>"))
        #expect(xml.contains("<w:hyperlink w:anchor=\"item_archive\" w:history=\"1\">"))
        #expect(
            xml.contains("PAGEREF item_archive \\h")
                && xml.contains("<w:bookmarkStart w:id=\"6\" w:name=\"item_archive\"/>"))
        #expect(xml.contains("<w:tblHeader/>"))
        #expect(xml.contains("<w:lang w:val=\"en\"/>"))
    }

    @Test("a hostile title is text in every format, never markup")
    func hostileTitlesAreEscaped() throws {
        let hostile = "<script>alert('x')</script> & \"quotes\" | *bold* # [link](javascript:alert(1))"
        let state = try DocumentFixture.demo(withActivityTitled: hostile)
        let plan = try document(state, "en")
        let xml = try DocumentFixture.part("word/document.xml", of: try plan.docx())
        #expect(!xml.contains("<script>"))
        // The one XML escaping of every document (Markup.escape), apostrophes included.
        #expect(xml.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"))
        let html = plan.html()
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"))
        let markdown = plan.markdown()
        #expect(markdown.contains("\\<script\\>alert('x')\\</script\\> & \"quotes\" \\| \\*bold\\* \\# \\[link\\]"))
        // The Word file is still a well-formed XML document.
        let parser = XMLParser(data: Data(xml.utf8))
        #expect(parser.parse(), "document.xml does not parse: \(String(describing: parser.parserError))")
    }

    @Test("where a translation is missing, the original stands in with a visible mark")
    func missingTranslationsAreMarked() throws {
        let state = try DocumentFixture.demo(withActivityTitled: "Only in English")
        let spanish = try document(state, "es")
        #expect(spanish.markdown().contains("Only in English *\\[traducción pendiente; original en inglés\\]*"))
        #expect(spanish.html().contains("<span lang=\"en\">Only in English</span> <span class=\"missing\">"))
        let xml = try DocumentFixture.part("word/document.xml", of: try spanish.docx())
        #expect(xml.contains("[traducción pendiente; original en inglés]"))
        #expect(!(try document(state, "en").markdown()).contains("translation missing"))
    }

    @Test("side by side, each item has a column per language")
    func sideBySideColumns() throws {
        let state = try DocumentFixture.demo(
            withActivityTitled: "Workshop on returns", spanish: "Taller sobre retornos")
        let xml = try DocumentFixture.part("word/document.xml", of: try document(state, "es,en").docx())
        let activity = try #require(state.items.values.first { $0.kind == .activity && $0.status.isCurrent })
        let spanish = escapedXML(activity.title.text(in: .es))
        let english = escapedXML(activity.title.text(in: .en))
        let row = try #require(xml.range(of: spanish))
        let cellEnd = try #require(xml.range(of: "</w:tc>", range: row.upperBound..<xml.endIndex))
        let next = try #require(xml.range(of: english, range: cellEnd.upperBound..<xml.endIndex))
        #expect(xml[cellEnd.upperBound..<next.lowerBound].contains("<w:tc>"), "English is not in the next column")
    }

    @Test("the cover names the edition and the decision that approved it, or says the version is not approved")
    func cover() throws {
        let state = try DocumentFixture.demo(withActivityTitled: "Workshop on returns")
        let working = try document(state, "en").markdown()
        let workingCover = try #require(working.components(separatedBy: "**Contents**").first)
        #expect(workingCover.contains("Working version, not approved"))
        #expect(workingCover.contains("Generated on 24 November 2026"))
        #expect(!working.contains("ledger position"), "a raw ledger position on the cover")

        func cover(_ edition: Edition, _ language: Language) -> String {
            let markdown = PlanDocument(
                state: state, edition: edition, languages: DocumentLanguages(language),
                generatedOn: DocumentFixture.generatedOn
            ).markdown()
            return markdown.components(separatedBy: "**").first ?? ""
        }
        var edition = Edition(
            number: 3, title: .en("Third edition", es: "Tercera edición"), date: PartialDate(year: 2024, month: 7)!,
            position: state.sequence)
        #expect(cover(edition, .es).contains("Edición 3 — Tercera edición, julio de 2024"))
        #expect(cover(edition, .es).contains("Edición propuesta por la Secretaría Técnica, pendiente de aprobación"))

        let decision = try #require(state.decisions["RCM-XXIX/90"])
        let meeting = try #require(state.meetings[decision.meeting])
        let held = try #require(meeting.start).written(through: meeting.end, in: .fr)
        edition.status = .approved
        edition.approvedBy = decision.id
        let approved = cover(edition, .fr)
        #expect(approved.contains("Approuvée au paragraphe 90 — \(meeting.title.text(in: .fr)) (\(held))"))
        #expect(!approved.contains("en attente"))
        // An approving decision the record at the edition does not hold yet is cited by its reference.
        edition.approvedBy = "RCM-XXX/4"
        #expect(cover(edition, .en).contains("Approved by decision RCM-XXX/4"))
    }

    @Test("every page of the Word file carries the title, the version and its page number")
    func runningHeader() throws {
        let state = try DocumentFixture.demo()
        let docx = try document(state, "es").docx()
        let header = try DocumentFixture.part("word/header1.xml", of: docx)
        #expect(header.contains("Plan de Acción — Versión de trabajo, no aprobada"))
        #expect(header.contains("Página ") && header.contains(" PAGE ") && header.contains(" NUMPAGES "))
        let relationships = try DocumentFixture.part("word/_rels/document.xml.rels", of: docx)
        #expect(relationships.contains("Target=\"header1.xml\""))
        #expect(try DocumentFixture.part("[Content_Types].xml", of: docx).contains("/word/header1.xml"))
        #expect(
            try DocumentFixture.part("word/document.xml", of: docx).contains("<w:headerReference w:type=\"default\""))

        let edition = Edition(number: 3, title: .en("Third"), date: PartialDate(year: 2024)!, position: state.sequence)
        let published = PlanDocument(
            state: state, edition: edition, languages: DocumentLanguages(.en), generatedOn: DocumentFixture.generatedOn)
        #expect(
            try DocumentFixture.part("word/header1.xml", of: try published.docx()).contains(
                "Plan of Action — Edition 3"))
    }

    @Test(arguments: [
        ("", "'' is not a language"), ("de", "'de' is not a language"), ("es,es", "named twice"),
        ("es,en,fr", "name one language, or two"),
    ])
    func languagesAreChecked(_ text: String, _ reason: String) {
        #expect {
            try DocumentLanguages(parsing: text)
        } throws: { error in
            guard case .invalid(let field, let message) = error as? DocumentError else { return false }
            return field == "lang" && message.contains(reason)
        }
    }

    @Test func theSameRecordGivesTheSameBytes() throws {
        let plan = try document(try DocumentFixture.demo(), "fr")
        #expect(try plan.docx() == (try plan.docx()))
    }

    private func escapedXML(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
