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
}
