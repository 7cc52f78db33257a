import AccordCore
import AccordStore
import AccordTestSupport
import Foundation
import Testing

@testable import AccordServices
@testable import AccordWeb

/// "Changes since my last visit": the page, the API and the dashboard's count, on SQLite and on PostgreSQL,
/// for signed-in accounts made after the demo (so each starts with nothing new).
@Suite("Changes since the last visit")
struct VisitPageTests {
    static let draftFiling =
        #"{"authority":{"participant":"MEX"},"report":{"cycle":"SANTIAGO-1998-REPORTS","mandate":"SANTIAGO-1998-MW-IACHR","participant":"MEX","kind":"national","language":"fr","sections":{"actions":{"authoritative":"fr","fr":"Brouillon du Mexique"},"links":[]},"events":[],"indicators":[],"status":"draft"}}"#

    /// Mexico files a draft report (a working document) and the Secretariat records an event (public).
    static func twoChanges(_ pages: PageClient) async throws {
        let filed = try await pages.call(.post, "/api/v1/reports", as: .delegateMEX, json: draftFiling)
        #expect(filed.status == 201, "\(filed.text)")
        let event = Event(
            id: "WS-VISIT", kind: .workshop, title: LocalizedText(authoritative: .en, [.en: "Visit workshop"]),
            place: LocalizedText(authoritative: .en, [.en: "Tegucigalpa"]), start: PartialDate("2026-03"))
        _ = try await pages.store.append(
            .recordEvent(event), by: AccordCore.Actor(name: "ts.officer", role: .secretariat),
            authority: .editorial(reason: "recorded for the visit test"))
    }

    @Test(
        "the page lists what changed since the mark, grouped and linked; the button moves the mark, never back",
        arguments: Backend.all)
    func pageAndMark(_ backend: Backend) async throws {
        try await withPages(backend) { pages in
            let before = try await pages.get("/en/changes", as: .secretariat)
            #expect(before.status == 200 && before.text.contains("Nothing has changed since your last visit."))
            #expect(try await pages.get("/en", as: .secretariat).text.contains("0 changes since your last visit"))
            try await Self.twoChanges(pages)
            let head = try await pages.store.head().sequence

            // Reading, twice, moves nothing: both readings list both changes, each under its kind, linked.
            for _ in 0..<2 {
                let page = try await pages.get("/en/changes", as: .secretariat)
                #expect(page.status == 200)
                #expect(page.text.contains("<strong>2 changes since your last visit</strong>"), "\(page.text)")
                #expect(page.text.contains("National reports (1)") && page.text.contains("Events (1)"))
                #expect(
                    page.text.contains(
                        #"<a href="/en/reports/SANTIAGO-1998-REPORTS/SANTIAGO-1998-MW-IACHR/MEX">MEX · SANTIAGO-1998-MW-IACHR · draft</a>"#
                    ), "\(page.text)")
                #expect(page.text.contains("<strong>Visit workshop</strong> — Tegucigalpa, 2026-03"))
                #expect(page.text.contains(#"<input type="hidden" name="through" value="\#(head)">"#))
                let reports = try #require(page.text.range(of: "National reports"))
                let events = try #require(page.text.range(of: "Events (1)"))
                #expect(reports.lowerBound < events.lowerBound, "grouped in the feed's order: reports, then events")
            }
            let dashboard = try await pages.get("/en", as: .secretariat)
            #expect(dashboard.text.contains(#"<a href="/en/changes">2 changes since your last visit</a>"#))
            #expect(
                try await pages.get("/fr", as: .secretariat).text.contains(
                    "2 modifications depuis votre dernière visite"))
            #expect(try await pages.get("/es/changes", as: .secretariat).text.contains("Informes nacionales (1)"))

            // The button: the mark moves to the position the page showed, and the dashboard says so at once
            // (its cached page is keyed by the mark, not only by the ledger's position).
            let marked = try await pages.call(.post, "/en/changes/seen", as: .secretariat, form: ["through": "\(head)"])
            #expect(marked.status == 303 && marked.headers[.location] == "/en/changes")
            #expect(try await pages.get("/en/changes", as: .secretariat).text.contains("Nothing has changed"))
            #expect(try await pages.get("/en", as: .secretariat).text.contains("0 changes since your last visit"))
            // An older page's button (a second tab) never moves the mark back.
            let stale = try await pages.call(.post, "/en/changes/seen", as: .secretariat, form: ["through": "3"])
            #expect(stale.status == 303)
            #expect(try await pages.get("/en/changes", as: .secretariat).text.contains("Nothing has changed"))
            let future = try await pages.call(
                .post, "/en/changes/seen", as: .secretariat, form: ["through": "\(head + 10)"])
            #expect(future.status == 422 && future.text.contains("through"), "\(future.status)")
            let forged = try await pages.call(
                .post, "/en/changes/seen", as: .presidency, form: ["through": "\(head)"], forge: true)
            #expect(forged.status == 403)
        }
    }

    @Test(
        "attackers: the public is asked to sign in, an observer never hears of a draft, and one account cannot move another's mark",
        arguments: Backend.all)
    func attackers(_ backend: Backend) async throws {
        try await withPages(backend) { pages in
            try await Self.twoChanges(pages)
            #expect(try await pages.get("/en/changes").status == 401)
            #expect(try await pages.get("/api/v1/changes/since-last-visit").status == 401)
            let anonymousMark = try await pages.call(
                .post, "/api/v1/changes/since-last-visit/seen", as: .anonymous, json: "{}")
            #expect(anonymousMark.status == 401)
            #expect(!(try await pages.get("/en").text.contains("since your last visit")), "the public has no mark")

            // Outside readers hear of the event only: Mexico's draft is not theirs to read.
            for role in [Role.observer, .reader] {
                let page = try await pages.get("/en/changes", as: role)
                #expect(page.status == 200 && page.text.contains("1 change since your last visit"), "\(role)")
                #expect(page.text.contains("Visit workshop") && !page.text.contains("MEX"), "\(role): \(page.text)")
                let api = try await pages.get("/api/v1/changes/since-last-visit", as: role)
                #expect(
                    api.status == 200 && !api.text.contains("MEX") && !api.text.contains("Brouillon"), "\(api.text)")
            }

            // Canada's delegate marks everything seen, naming Mexico's account in the body: only its own mark
            // moves, and Mexico's delegate still has both changes to see.
            let canada = try await pages.call(
                .post, "/api/v1/changes/since-last-visit/seen", as: .delegateCAN,
                json: #"{"username":"mex","through":999999}"#)
            #expect(canada.status == 422, "a position beyond the head is refused: \(canada.text)")
            let marked = try await pages.call(
                .post, "/api/v1/changes/since-last-visit/seen", as: .delegateCAN, json: #"{"username":"mex"}"#)
            #expect(marked.status == 200, "\(marked.text)")
            #expect(
                try await pages.get("/api/v1/changes/since-last-visit", as: .delegateCAN).text.contains(#""count":0"#))
            let mexico = try await pages.get("/api/v1/changes/since-last-visit", as: .delegateMEX)
            #expect(mexico.text.contains(#""count":2"#), "\(mexico.text)")
        }
    }

    @Test(
        "the API: changes grouped by kind in the language asked for, marked seen through a position",
        arguments: Backend.all)
    func api(_ backend: Backend) async throws {
        try await withPages(backend) { pages in
            try await Self.twoChanges(pages)
            let head = try await pages.store.head().sequence
            let answer = try await pages.get("/api/v1/changes/since-last-visit?lang=fr", as: .secretariat)
            #expect(answer.status == 200)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(answer.text.utf8)) as? [String: Any])
            #expect(json["count"] as? Int == 2 && (json["through"] as? NSNumber)?.int64Value == head)
            let groups = try #require(json["groups"] as? [[String: Any]])
            #expect(groups.map { $0["kind"] as? String } == ["report", "event"])
            let report = try #require((groups.first?["changes"] as? [[String: Any]])?.first)
            #expect(report["link"] as? String == "/fr/reports/SANTIAGO-1998-REPORTS/SANTIAGO-1998-MW-IACHR/MEX")
            #expect(report["id"] as? String == "SANTIAGO-1998-REPORTS/SANTIAGO-1998-MW-IACHR/MEX")

            // Marked through the position before the event: the event stays to be seen.
            let seen = try await pages.call(
                .post, "/api/v1/changes/since-last-visit/seen", as: .secretariat, json: #"{"through":\#(head - 1)}"#)
            #expect(seen.status == 200 && seen.text == #"{"since":\#(head - 1)}"#, "\(seen.text)")
            let rest = try await pages.get("/api/v1/changes/since-last-visit", as: .secretariat)
            #expect(rest.text.contains(#""count":1"#) && rest.text.contains("Visit workshop"), "\(rest.text)")
            let back = try await pages.call(
                .post, "/api/v1/changes/since-last-visit/seen", as: .secretariat, json: #"{"through":0}"#)
            #expect(back.text == #"{"since":\#(head - 1)}"#, "never backwards: \(back.text)")
            let malformed = try await pages.call(
                .post, "/api/v1/changes/since-last-visit/seen", as: .secretariat, json: #"{"through":"soon"}"#)
            #expect(malformed.status == 400)
        }
    }
}
