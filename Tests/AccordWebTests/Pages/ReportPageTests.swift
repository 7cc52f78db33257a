import AccordCore
import AccordDemo
import AccordStore
import AccordTestSupport
import Foundation
import Testing

@testable import AccordWeb

/// The report pages in three languages: the matrix of the Santiago cycle, and Canada's report laid out as a
/// review group reads it — the mandate, what Canada did, the events with their organizers and roles.
@Suite("Report pages")
struct ReportPageTests {
    static let cycle = "/reports?cycle=SANTIAGO-1998-REPORTS"
    static let canada = "/reports/SANTIAGO-1998-REPORTS/SANTIAGO-1998-MW-IACHR/CAN"

    @Test(
        "the matrix in each language: Canada's cell links to its report; the others have not filed",
        arguments: Backend.all)
    func matrix(_ backend: Backend) async throws {
        try await withPages(backend) { pages in
            let words: [(String, String, String)] = [
                ("es", "presentado", "No han presentado"), ("en", "submitted", "Not filed"),
                ("fr", "présenté", "N&#39;ont pas présenté"),
            ]
            for (language, submitted, notFiled) in words {
                let page = try await pages.call(.get, "/\(language)\(Self.cycle)", as: .anonymous)
                #expect(page.status == 200, "\(page.text.prefix(300))")
                #expect(page.text.contains(#"<a href="/\#(language)\#(Self.canada)">\#(submitted)</a>"#), "\(language)")
                #expect(page.text.contains(notFiled))
            }
            let list = try await pages.call(.get, "/en/reports", as: .anonymous)
            #expect(list.text.contains("Rapports nationaux sur la mise en oeuvre du Plan d&#39;action de Santiago"))
        }
    }

    @Test(
        "Canada's report: the mandate's text, what Canada did, the events and who organized them",
        arguments: Backend.all)
    func report(_ backend: Backend) async throws {
        try await withPages(backend) { pages in
            let page = try await pages.call(.get, "/fr\(Self.canada)", as: .anonymous)
            #expect(page.status == 200)
            let text = page.text
            let mandate = try #require(text.range(of: "Soutenir les activités de la Commission interaméricaine"))
            let actions = try #require(text.range(of: "Mesures prises"))
            let events = try #require(text.range(of: "Événements cités"))
            #expect(mandate.lowerBound < actions.lowerBound && actions.lowerBound < events.lowerBound)
            #expect(text.contains("sous les auspices de: gouvernement des États-Unis (USA)"))
            #expect(
                text.contains(#"en coopération avec: <span lang="en">Caribbean and Latin American Demographic Centre"#))
            #expect(text.contains("le Secrétariat, au nom de la délégation"), "filed on Canada's behalf, and marked so")
            // A draft is the working side's: the public gets a 404, Mexico's own delegate reads it.
            let filing =
                #"{"authority":{"participant":"MEX"},"report":{"cycle":"SANTIAGO-1998-REPORTS","mandate":"SANTIAGO-1998-MW-IACHR","participant":"MEX","kind":"national","language":"es","sections":{"summary":{"authoritative":"es","es":"Borrador de México"},"links":[]},"events":[],"indicators":[],"status":"draft"}}"#
            #expect(try await pages.call(.post, "/api/v1/reports", as: .delegateMEX, json: filing).status == 201)
            let path = "/es/reports/SANTIAGO-1998-REPORTS/SANTIAGO-1998-MW-IACHR/MEX"
            #expect(try await pages.call(.get, path, as: .anonymous).status == 404)
            #expect(try await pages.call(.get, path, as: .delegateMEX).text.contains("Borrador de México"))
            let matrix = try await pages.call(.get, "/es\(Self.cycle)", as: .delegateCAN)
            #expect(matrix.text.contains(#"<a href="\#(path)">borrador</a>"#))
            #expect(!(try await pages.call(.get, "/es\(Self.cycle)", as: .anonymous).text.contains("borrador")))
        }
    }

    /// Issue 20's "done when": Canada's delegate files the seed's report through the pages, in French, and sees
    /// it in the matrix; the coordinator sees who has not filed; the public sees it once the Secretariat
    /// publishes it.
    @Test("Canada's delegate files the seed's report in French through the pages", arguments: Backend.all)
    func canadaFilesInFrench(_ backend: Backend) async throws {
        try await withPages(backend) { pages in
            let secretariat = AccordCore.Actor(name: "ts.officer", role: .secretariat)
            _ = try await pages.store.append(
                .addCycle(ReportingCycle(id: "SANTIAGO-2001", plan: "SANTIAGO-1998", title: .en("Cycle 2001"))),
                by: secretariat, authority: .editorial(reason: "a new cycle"))
            var form = [
                "participant": "CAN", "mandate": "SANTIAGO-1998-MW-IACHR", "kind": "national", "language": "fr",
                "actions": Demo.canadaActions.joined(separator: "\n\n"), "links": "", "status": "submitted",
                "event.WS-2000-SANTIAGO": "on", "event.SYMPOSIUM-2000-SAN-JOSE": "on",
            ]
            let forMexico = try await pages.call(.post, "/fr/reports/SANTIAGO-2001", as: .delegateMEX, form: form)
            #expect(forMexico.status == 403, "a delegate files only its own country's report")
            let filed = try await pages.call(.post, "/fr/reports/SANTIAGO-2001", as: .delegateCAN, form: form)
            #expect(filed.status == 303, "\(filed.text.prefix(400))")
            let path = "/fr/reports/SANTIAGO-2001/SANTIAGO-1998-MW-IACHR/CAN"
            #expect(filed.headers[.location] == path)
            let report = try #require(
                try await pages.store.currentState().reports["SANTIAGO-2001/SANTIAGO-1998-MW-IACHR/CAN"])
            #expect(report.language == .fr && report.sections.actions?.authoritative == .fr)
            #expect(report.sections.actions?[.fr] == Demo.canadaActions.joined(separator: "\n\n"))
            #expect(report.events == ["SYMPOSIUM-2000-SAN-JOSE", "WS-2000-SANTIAGO"])
            #expect(report.recordedBy == .delegation && report.status == .submitted)

            let matrix = try await pages.call(.get, "/fr/reports?cycle=SANTIAGO-2001", as: .delegateCAN)
            #expect(matrix.text.contains(#"<a href="\#(path)">présenté</a>"#))
            #expect(matrix.text.contains("Belize, Costa Rica, République dominicaine"), "who has not filed")
            let revise = try await pages.call(.get, path, as: .delegateCAN)
            #expect(revise.text.contains("Présenter ou réviser un rapport") && revise.text.contains("checked"))
            #expect(try await pages.call(.get, path, as: .anonymous).status == 404)

            form["status"] = "draft"
            let back = try await pages.call(.post, "/fr/reports/SANTIAGO-2001", as: .delegateCAN, form: form)
            #expect(back.status == 409, "a submitted report is not taken back to draft")
            let published = try await pages.call(.post, path + "/publish", as: .secretariat, form: [:])
            #expect(published.status == 303)
            #expect(try await pages.call(.get, path, as: .anonymous).text.contains("Soutenir les activités"))
        }
    }
}
