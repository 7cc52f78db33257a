import AccordCore
import AccordDocuments
import AccordTestSupport
import Foundation
import Testing

@Suite("Conclusions and agendas as official documents")
struct MeetingDocumentTests {
    /// A demo meeting with its attendance, and paragraphs 1, 1.a, 1.b, 2 and 10 recorded out of order.
    static func meetingWithSubParagraphs() throws -> (ProcessState, Meeting) {
        var state = try DocumentFixture.demo()
        let meeting = try #require(
            state.meetings.values.filter { !$0.attendance.isEmpty && $0.start != nil }.min { $0.id < $1.id })
        let texts: [(String, String, String)] = [
            ("10", "Agradece al país anfitrión.", "Thanks the host country."),
            ("1.b", "Pide a la Secretaría un informe.", "Asks the Secretariat for a report."),
            ("1", "Decide lo siguiente:", "Decides as follows:"),
            ("2", "Toma nota del informe.", "Takes note of the report."),
            ("1.a", "Aprueba el taller.", "Approves the workshop."),
        ]
        for (paragraph, spanish, english) in texts {
            let decision = Decision(
                meeting: meeting.id, paragraph: "9\(paragraph)", kind: .conclusion, text: .en(english, es: spanish),
                note: paragraph == "2" ? .en("Summarized from the source.", es: "Resumido de la fuente.") : nil)
            state = try DocumentFixture.applying(
                .recordDecision(decision), to: state, authority: .editorial(reason: "transcribed"))
        }
        return (state, try #require(state.meetings[meeting.id]))
    }

    @Test("Akoma Ntoso nests sub-paragraphs in their paragraph, its own text their intro, lettered per language")
    func statementNestsSubParagraphs() throws {
        let (state, meeting) = try Self.meetingWithSubParagraphs()
        let spanish = AkomaNtoso.statement(
            of: meeting, in: state, language: .es, generatedOn: DocumentFixture.generatedOn)
        let nested = """
            <paragraph eId="para_91" class="conclusion">
            <num>91</num>
            <intro>
            <p>Decide lo siguiente:</p>
            </intro>
            <subparagraph eId="para_91__subpara_a" class="conclusion">
            <num>a)</num>
            <content>
            <p>Aprueba el taller.</p>
            </content>
            </subparagraph>
            <subparagraph eId="para_91__subpara_b" class="conclusion">
            <num>b)</num>
            """
        #expect(spanish.contains(nested), "\(spanish)")
        #expect(spanish.contains("<paragraph eId=\"para_92\" class=\"conclusion\">\n<num>92</num>\n<content>"))
        let english = AkomaNtoso.statement(
            of: meeting, in: state, language: .en, generatedOn: DocumentFixture.generatedOn)
        #expect(english.contains("<num>(b)</num>\n<content>\n<p>Asks the Secretariat for a report.</p>"))
        #expect(AkomaNtoso.hasText(of: meeting, in: state, language: .es))
    }

    @Test("paragraphs in order, sub-paragraphs set in and lettered as the language does, no internal labels")
    func conclusions() throws {
        let (state, meeting) = try Self.meetingWithSubParagraphs()
        let spanish = ConclusionsDocument(
            state: state, meeting: meeting, languages: DocumentLanguages(.es), generatedOn: DocumentFixture.generatedOn
        ).html()
        let order = [
            "<span class=\"number\">91.</span> Decide", "<span class=\"number\">a)</span> Aprueba",
            "<span class=\"number\">b)</span> Pide", "<span class=\"number\">92.</span> Toma",
            "<span class=\"number\">910.</span> Agradece",
        ]
        let positions = try order.map { try #require(spanish.range(of: $0), "\($0) missing").lowerBound }
        #expect(positions == positions.sorted(), "paragraphs out of order")
        #expect(spanish.contains("<section class=\"item sub\" id=\"p91.a\">"))
        #expect(!spanish.contains("Tipo"), "an internal label in the document")
        #expect(spanish.contains("Nota (no forma parte del texto acordado): Resumido de la fuente."))
        // The attendance, by name, under its heading; the dates as Spanish writes them.
        #expect(spanish.contains(">Participantes</h3>"))
        for id in meeting.attendance {
            #expect(spanish.contains(Markup.escaped(state.participants[id]?.name.text(in: .es) ?? id.rawValue)))
        }
        let dates = try #require(meeting.start).written(through: meeting.end, in: .es)
        #expect(spanish.contains("Fechas: \(dates)"))

        let english = ConclusionsDocument(
            state: state, meeting: meeting, languages: DocumentLanguages(.en), generatedOn: DocumentFixture.generatedOn
        ).markdown()
        #expect(english.contains("**(a)** Approves the workshop."))
        try assertSnapshot(english, named: "conclusions-sub-paragraphs-en.md")
    }

    @Test("the agenda lists the attendance where it is recorded")
    func agendaAttendance() throws {
        let (state, meeting) = try Self.meetingWithSubParagraphs()
        let agenda = Agenda(meeting: meeting.id, items: [])
        let html = AgendaDocument(
            state: state, meeting: meeting, agenda: agenda, languages: DocumentLanguages(.fr),
            generatedOn: DocumentFixture.generatedOn
        ).html()
        #expect(html.contains(">Participants</h3>"))
        #expect(html.contains("Généré le 24 novembre 2026"))
    }
}
