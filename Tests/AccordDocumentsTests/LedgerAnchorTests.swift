import AccordCore
import AccordDocuments
import Foundation
import FoundationXML
import Testing

/// Every generated document prints, at its foot, the checkpoint that anchors the record it was made from —
/// or, where none is signed, the ledger position and hash — so a printed copy can be checked against the
/// ledger years later (issue 17.5).
@Suite("Documents carry the ledger's checkpoint in their footer")
struct LedgerAnchorTests {
    static let hash = String(repeating: "ab", count: 32)
    static let signed = LedgerAnchor(
        position: 118, hash: hash,
        checkpoint: Checkpoint(
            origin: "rcm.example.org/accord", size: 120, hash: String(repeating: "cd", count: 32),
            time: Timestamp("2026-12-06T09:09:05.409Z")!))

    @Test func thePlanPrintsItInEveryFormatAndEveryLanguage() throws {
        let state = try DocumentFixture.demo()
        let plan = PlanDocument(
            state: state, edition: nil, languages: try DocumentLanguages(parsing: "es,en"),
            generatedOn: DocumentFixture.generatedOn, anchor: Self.signed)
        let english =
            "Ledger checkpoint: entry 120, SHA-256 hash \(String(repeating: "cd", count: 32)), signed by "
            + "rcm.example.org/accord on 2026-12-06T09:09:05.409Z"
        let spanish = "Punto de control del registro: entrada 120"

        let markdown = plan.markdown()
        let footer = try #require(markdown.split(separator: "\n").last)
        #expect(footer.contains(english) && footer.contains(spanish), "\(footer)")

        let html = plan.html()
        let start = try #require(html.range(of: "<footer class=\"ledger\">"))
        #expect(html[start.upperBound...].contains(english), "the HTML footer names the checkpoint")

        // In Word, a real footer part that every page of the section shows.
        let docx = try plan.docx()
        let part = try DocumentFixture.part("word/footer1.xml", of: docx)
        #expect(part.contains(english) && part.contains(spanish), "\(part)")
        let document = try DocumentFixture.part("word/document.xml", of: docx)
        #expect(document.contains("<w:footerReference w:type=\"default\" r:id=\"rId4\"/>"))
        let relationships = try DocumentFixture.part("word/_rels/document.xml.rels", of: docx)
        #expect(relationships.contains("Id=\"rId4\"") && relationships.contains("Target=\"footer1.xml\""))
        let types = try DocumentFixture.part("[Content_Types].xml", of: docx)
        #expect(types.contains("/word/footer1.xml"))
        // Each part is well-formed XML.
        for path in [
            "word/header1.xml", "word/footer1.xml", "word/document.xml", "word/_rels/document.xml.rels",
            "[Content_Types].xml",
        ] {
            _ = try XMLDocument(xmlString: try DocumentFixture.part(path, of: docx))
        }
    }

    @Test func withoutACheckpointTheFooterSaysSoAndGivesThePositionAndItsHash() throws {
        let state = try DocumentFixture.demo()
        let unsigned = LedgerAnchor(position: 118, hash: Self.hash, checkpoint: nil)
        let markdown = PlanDocument(
            state: state, edition: nil, languages: DocumentLanguages(.fr), generatedOn: DocumentFixture.generatedOn,
            anchor: unsigned
        ).markdown()
        #expect(
            markdown.hasSuffix(
                "*Registre : entrée 118, empreinte SHA-256 \(Self.hash) ; aucun point de contrôle signé*\n"),
            "\(markdown.suffix(200))")
    }

    @Test func theMeetingsAgendaAndConclusionsPrintIt() throws {
        let state = try DocumentFixture.demo()
        let meeting = try #require(state.meetings.values.first { !$0.attendance.isEmpty })
        let languages = DocumentLanguages(.en)
        let agenda = AgendaDocument(
            state: state, meeting: meeting, agenda: Agenda(meeting: meeting.id, items: []), languages: languages,
            generatedOn: DocumentFixture.generatedOn, anchor: Self.signed)
        let conclusions = ConclusionsDocument(
            state: state, meeting: meeting, languages: languages, generatedOn: DocumentFixture.generatedOn,
            anchor: Self.signed)
        for docx in [try agenda.docx(), try conclusions.docx()] {
            #expect(try DocumentFixture.part("word/footer1.xml", of: docx).contains("Ledger checkpoint: entry 120"))
        }
        // A document made without an anchor has no footer part at all.
        let bare = try ConclusionsDocument(
            state: state, meeting: meeting, languages: languages, generatedOn: DocumentFixture.generatedOn
        ).docx()
        #expect(bare.range(of: Data("word/footer1.xml".utf8)) == nil)
    }
}
