import AccordCore
import AccordDocuments
import AccordStore
import AccordWeb
import Foundation
import Testing

@testable import AccordServices

/// The downloads and the CSV import through the API, on whatever the scenario before it recorded: each
/// format answers with its type and a file name, bad parameters are problems naming the parameter, and an
/// import either lists every problem and changes nothing, or appends exactly the edited change.
enum ExportAPIScenario {
    static let ts = #"{"name":"ts.officer","role":"secretariat"}"#

    static func run(_ api: APIClient, _ store: Store) async throws {
        let state = try await store.currentState()
        let meeting = try #require(state.decisions.values.map(\.meeting).sorted().first)
        let proposal = try #require(state.proposals.keys.sorted().first)

        let docx = try await api.get("/api/v1/exports/plan?format=docx&lang=es,en")
        #expect(docx.status == 200)
        #expect(docx.contentType == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        #expect(docx.bytes.starts(with: Array("PK".utf8)))
        #expect(try await api.get("/api/v1/exports/plan?format=md&lang=fr").text.contains("Plan d'action"))
        #expect(try await api.get("/api/v1/exports/plan?format=html").text.hasPrefix("<!DOCTYPE html>"))
        #expect(try await api.get("/api/v1/exports/plan?format=rtf")["field"] as? String == "format")
        #expect(try await api.get("/api/v1/exports/plan?lang=de")["field"] as? String == "lang")
        #expect(try await api.get("/api/v1/exports/plan?edition=99").status == 422)
        let pdf = try await api.get("/api/v1/exports/plan?format=pdf")
        if PDFConversion.converter == nil {
            #expect(pdf.status == 503)
            #expect(pdf.text.contains("apt-get install"))
        } else {
            #expect(pdf.bytes.starts(with: Array("%PDF".utf8)))
        }

        // The working side downloads any meeting's agenda (the record suggests one where none is set); the
        // public, the agendas the Presidency approved (RCGM-2001's, in the governance scenario) and no other.
        let agenda = try await api.get("/api/v1/exports/agenda/\(meeting.rawValue)?lang=es", as: Bodies.secretariat)
        #expect(agenda.bytes.starts(with: Array("PK".utf8)))
        #expect(try await api.get("/api/v1/exports/agenda/RCGM-2001").bytes.starts(with: Array("PK".utf8)))
        if state.agendas[meeting]?.status != .approved {
            #expect(try await api.get("/api/v1/exports/agenda/\(meeting.rawValue)").status == 404)
        }
        #expect(try await api.get("/api/v1/exports/conclusions/\(meeting.rawValue)").status == 200)
        #expect(try await api.get("/api/v1/exports/agenda/NO-SUCH-MEETING")["field"] as? String == "meeting")
        // A statement is an expression of a language the decisions are written in, never a stand-in.
        let written = try #require(
            Language.allCases.first { language in
                state.decisions.values.contains { $0.meeting == meeting && $0.text[language] != nil }
            })
        let statement = try await api.get("/api/v1/exports/statement/\(meeting.rawValue)?lang=\(written.rawValue)")
        #expect(statement.text.contains("<FRBRlanguage language=\"\(AkomaNtoso.code(written))\"/>"))
        if let unwritten = Language.allCases.first(where: { language in
            !state.decisions.values.contains { $0.meeting == meeting && $0.text[language] != nil }
        }) {
            let refused = try await api.get("/api/v1/exports/statement/\(meeting.rawValue)?lang=\(unwritten.rawValue)")
            #expect(refused.status == 404 && refused["field"] as? String == "lang", "\(refused.text)")
        }
        #expect(try await api.get("/api/v1/exports/statement/\(meeting.rawValue)?lang=xx").status == 400)
        #expect(
            try await api.get("/api/v1/exports/amendment/\(proposal.rawValue)", as: Bodies.secretariat).text.contains(
                "<amendment "))
        #expect(
            try await api.get("/api/v1/exports/amendment/\(proposal.rawValue)").status == 404,
            "the public reads a proposal that invites no one")
        #expect(try await api.get("/api/v1/exports/amendment/NOPE").status == 404)
        #expect(try await api.get("/api/v1/exports/popolo")["organizations"] != nil)
        let calendar = try await api.get("/api/v1/exports/calendar?lang=fr")
        #expect(calendar.text.hasPrefix("BEGIN:VCALENDAR\r\n"))

        // The CSV the API exports imports as no change; a wrong header is refused with its problems listed.
        let csv = try await api.get("/api/v1/exports/plan?format=csv").text
        let head = try await store.head()
        let same = try await api.post("/api/v1/imports/plan", body(csv, apply: true))
        #expect(same["changes"] as? Int == 0 && same["applied"] as? Bool == false)
        let broken = try await api.post(
            "/api/v1/imports/plan", body(csv.replacingOccurrences(of: "title_fr", with: "titre"), apply: true))
        #expect(broken.status == 422)
        let problems = try #require(broken["problems"] as? [[String: Any]])
        #expect(problems.contains { $0["column"] as? String == "title_fr" && $0["row"] as? Int == 1 })
        #expect(try await store.head() == head)

        // A French title added to one item: an editorial translation, shown first, then applied.
        let (edited, item) = try PlanImportPageTests.translatingOneTitle(csv)
        let preview = try await api.post("/api/v1/imports/plan", body(edited, apply: false))
        #expect(preview["changes"] as? Int == 1, "\(preview.text)")
        #expect(try await store.head() == head)
        let applied = try await api.post("/api/v1/imports/plan", body(edited, apply: true))
        #expect(applied["applied"] as? Bool == true && (applied["entries"] as? [Any])?.count == 1, "\(applied.text)")
        #expect(try await store.currentState().items[item]?.title[.fr] == "Titre traduit")
    }

    static func body(_ csv: String, apply: Bool) throws -> String {
        let encoded = String(decoding: try JSONEncoder().encode(csv), as: UTF8.self)
        return #"{"actor":\#(ts),"authority":{"editorial":"French translations"},"csv":\#(encoded),"apply":\#(apply)}"#
    }
}
