import AccordCore
import AccordTestSupport
import Foundation
import HTTPTypes
import Testing

@testable import AccordWeb

/// Every reproduction of issue 16, as an attacker sent it to `accord serve --demo` (accounts exist), each a
/// named test: written first against the code that had the holes, where each failed. Each runs on both databases,
/// since what is stored and what a query reads back are the store's, which differs between them.
@Suite("Issue 16: fail closed")
struct Issue16RegressionTests {
    /// The write that was recorded as "mallory (system)": an anonymous POST through `//api/…`, with a forged
    /// form cookie, a claimed actor, and a `csrf` field hidden inside a JSON string.
    static let mallory =
        #"{"actor":{"name":"mallory","role":"system"},"authority":{"editorial":"x"},"status":"ongoing","pad":"&csrf=x&"}"#

    @Test(
        "an anonymous POST //api/v1/items/MPM-1/status with a forged form cookie stores nothing", arguments: Backend.all
    )
    func anonymousWriteThroughDoubleSlash(_ backend: Backend) async throws {
        try await withPages(backend) { pages in
            let head = try await pages.store.head()
            let answer = try await pages.call(
                .post, "//api/v1/items/MPM-1/status", as: .anonymous, json: Self.mallory,
                headers: [.cookie: "__Host-accord-form=x"])
            #expect(!(200..<300).contains(answer.status), "\(answer.status) \(answer.text)")
            #expect(try await pages.store.head() == head, "the forged write was stored")
        }
    }

    @Test(
        "the same write on every write route, on its canonical path and with //, stores nothing", arguments: Backend.all
    )
    func anonymousWritesOnEveryRoute(_ backend: Backend) async throws {
        try await withPages(backend) { pages in
            // Something on every route to write to: a draft with a position, an edition, a held challenge.
            try await Self.tableDraftWithReservation(pages)
            try await AuthorizationMatrixTests.publishEditionAndChallengeIt(pages)
            let head = try await pages.store.head()
            let samples = try AuthorizationMatrixTests.Samples(try await pages.store.currentState())
            // Signing out without a session changes nothing and answers 204 (the ledger head below says so).
            for route in pages.routes where !route.hasPrefix("GET ") && route != "DELETE /api/v1/session" {
                let parts = route.split(separator: " ", maxSplits: 1)
                let method = HTTPRequest.Method(rawValue: String(parts[0]))!
                let uri = samples.uri(for: String(parts[1]))
                for path in [uri, "/" + uri, uri.replacingOccurrences(of: "/api/v1/", with: "/api/v1//")] {
                    let answer = try await pages.call(
                        method, path, as: .anonymous, json: Self.mallory, headers: [.cookie: "__Host-accord-form=x"])
                    #expect(!(200..<300).contains(answer.status), "\(route) via \(path): \(answer.status)")
                }
            }
            #expect(try await pages.store.head() == head, "an anonymous write was stored")
        }
    }

    @Test("a signed-in write whose body names an actor is refused with 400 naming the field", arguments: Backend.all)
    func bodyActorRefused(_ backend: Backend) async throws {
        try await withPages(backend) { pages in
            let head = try await pages.store.head()
            let answer = try await pages.call(
                .post, "/api/v1/items/MPM-1/status", as: .secretariat,
                json:
                    #"{"actor":{"name":"ts.officer","role":"secretariat"},"authority":{"editorial":"x"},"status":"ongoing"}"#
            )
            #expect(answer.status == 400 && answer.text.contains("\"field\":\"actor\""), "\(answer.text)")
            #expect(try await pages.store.head() == head)
        }
    }

    @Test("a write is recorded as the principal, with its role and participant", arguments: Backend.all)
    func actorIsThePrincipal(_ backend: Backend) async throws {
        try await withPages(backend) { pages in
            // An editorial translation of a workplan row's French title: accepted by the rules as the Secretariat's.
            let answer = try await pages.call(
                .patch, "/api/v1/items/TS-2", as: .secretariat,
                json: #"""
                    {"authority":{"editorial":"French title revised"},"amendment":{"title":{"authoritative":"en",\#
                    "en":"Judicial cooperation","es":"Cooperación judicial","fr":"Coopération en matière judiciaire"}}}
                    """#)
            #expect(answer.status == 200, "\(answer.text)")
            let entry = try #require(try await pages.store.entries(limit: 1).first)
            #expect(entry.actor == "ts.officer (secretariat)")
        }
    }

    @Test(
        "the public reads no working document through an odd path",
        arguments: Backend.all,
        [
            "//api/v1/ledger", "//api/v1/proposals", "/api/v1//proposals", "//api/v1/revision-report",
            "/api/v1/./ledger", "/api/v1/%6Cedger", "/api/v1/ledger/", "/api/v1%2Fledger", "/API/v1/ledger",
        ])
    func oddPaths(_ backend: Backend, _ path: String) async throws {
        try await withPages(backend) { pages in
            let answer = try await pages.get(path)
            #expect(!(200..<300).contains(answer.status), "\(path): \(answer.status) \(answer.text.prefix(200))")
            #expect([308, 400, 404].contains(answer.status), "\(path): \(answer.status)")
            if answer.status == 308 {
                // The canonical path answers as it answers the public: a refusal for the ledger and the
                // revision report, and a list of proposals without any of the working side's.
                let location = try #require(answer.headers[.location])
                let followed = try await pages.get(location)
                let leaks = WorkingSide(try await pages.store.currentState(), invited: nil)
                    .leaks(in: followed.bytes)
                #expect(leaks.isEmpty, "\(location): \(followed.status) shows \(leaks.prefix(3))")
                if !location.hasSuffix("/proposals") {
                    #expect([401, 403].contains(followed.status), "\(location): \(followed.status)")
                }
            }
        }
    }

    @Test("a draft decision with a reservation, and a draft agenda, stay with the working side", arguments: Backend.all)
    func draftsPositionsAndAgendas(_ backend: Backend) async throws {
        try await withPages(backend) { pages in
            try await Self.tableDraftWithReservation(pages)
            let state = try await pages.store.currentState()
            let meeting = try #require(state.agendas.values.first { $0.status == .draft }?.meeting)
            let draft = try #require(state.drafts.values.first)
            for role in [Role.anonymous, .reader, .observer] {
                let leaks = WorkingSide(state, invited: role == .observer ? "IOM" : nil)
                for uri in [
                    "/api/v1/exports/popolo", "/api/v1/exports/agenda/\(meeting.rawValue)",
                    "/api/v1/meetings/\(meeting.rawValue)/agenda", "/api/v1/drafts/\(draft.id.rawValue)",
                    "/api/v1/meetings/\(draft.meeting.rawValue)/drafts", "/en/meetings/\(draft.meeting.rawValue)",
                    "/api/v1/exports/statement/\(draft.meeting.rawValue)",
                    "/api/v1/exports/conclusions/\(draft.meeting.rawValue)",
                ] {
                    let answer = try await pages.call(.get, uri, as: role)
                    let found = leaks.leaks(in: answer.bytes)
                    #expect(found.isEmpty, "\(uri) as \(role) (\(answer.status)) shows \(found)")
                }
            }
        }
    }

    @Test(
        "the public and observers see no proposed item, workplan or uninvited proposal, however the query is spelled",
        arguments: Backend.all,
        [
            "/api/v1/items", "/api/v1/items/CP-1", "/api/v1/items/CP-1/history", "/api/v1/plan?version=proposed",
            "/api/v1/plan?version=%70roposed", "/api/v1/items?status=%70roposed",
            "/api/v1/plan/annexes?version=proposed",
            "/api/v1/workplans", "/api/v1/exports/plan?format=%63sv", "/api/v1/exports/plan?format=csv",
            "/api/v1/exports/plan?format=docx", "/api/v1/exports/plan?format=md", "/api/v1/exports/calendar",
            "/api/v1/compare?from=now&to=now", "/en/plan?version=proposed", "/en/plan?version=annexes",
            "/en/search?q=consular", "/en/items/CP-1", "/en", "/api/v1/exports/popolo",
        ])
    func proposedItems(_ backend: Backend, _ uri: String) async throws {
        try await withPages(backend) { pages in
            let state = try await pages.store.currentState()
            for role in [Role.anonymous, .reader, .observer] {
                let answer = try await pages.call(.get, uri, as: role)
                let found = WorkingSide(state, invited: role == .observer ? "IOM" : nil).leaks(in: answer.bytes)
                #expect(found.isEmpty, "\(uri) as \(role) (\(answer.status)) shows \(found.prefix(3))")
            }
        }
    }

    @Test("an observer may not ask for a revision report", arguments: Backend.all)
    func revisionReportAsObserver(_ backend: Backend) async throws {
        try await withPages(backend) { pages in
            let answer = try await pages.call(.post, "/api/v1/revision-report", as: .observer, json: #"{"draft":[]}"#)
            #expect([401, 403].contains(answer.status), "\(answer.status) \(answer.text.prefix(200))")
        }
    }

    @Test("a page form sent as JSON is not read as a form: 415, nothing stored", arguments: Backend.all)
    func formContentType(_ backend: Backend) async throws {
        try await withPages(backend) { pages in
            let head = try await pages.store.head()
            let csrf = try #require(pages.sessions[.secretariat]?.csrf)
            let answer = try await pages.call(
                .post, "/en/meetings/RCM-V/decisions", as: .secretariat,
                json: #"{"paragraph":"9","kind":"conclusion","text":"x","source":"y","pad":"&csrf=\#(csrf)&"}"#)
            #expect(answer.status == 415, "\(answer.status)")
            #expect(try await pages.store.head() == head)
        }
    }

    @Test("a page form over 1 MiB answers 413, as the API does", arguments: Backend.all)
    func oversizedForm(_ backend: Backend) async throws {
        try await withPages(backend) { pages in
            let answer = try await pages.call(
                .post, "/en/proposals", as: .delegateMEX, form: ["items": String(repeating: "x", count: 1 << 21)])
            #expect(answer.status == 413, "\(answer.status)")
        }
    }

    /// The Secretariat tables a draft at the V RCM; Mexico's delegate records a reservation on it with a note;
    /// the Secretariat sets a draft agenda for the meeting.
    static func tableDraftWithReservation(_ pages: PageClient) async throws {
        let text = #"{"authoritative":"en","en":"A confidential draft paragraph"}"#
        let draft =
            #"{"authority":{"editorial":"drafting"},"draft":{"meeting":"RCM-V","paragraph":"99","kind":"decision","text":\#(text),"effects":[]}}"#
        let tabled = try await pages.call(.post, "/api/v1/meetings/RCM-V/drafts", as: .secretariat, json: draft)
        #expect(tabled.status == 201, "\(tabled.text)")
        let note = #"{"authoritative":"en","en":"Pending a confidential domestic consultation"}"#
        let position =
            #"{"authority":{"participant":"MEX"},"position":{"participant":"MEX","position":"reservation-pending-consultation","note":\#(note)}}"#
        let recorded = try await pages.call(
            .post, "/api/v1/drafts/RCM-V/99/positions", as: .delegateMEX, json: position)
        #expect(recorded.status == 201, "\(recorded.text)")
        let agenda =
            #"{"authority":{"editorial":"drafting"},"agenda":{"meeting":"RCM-V","items":[{"title":{"authoritative":"en","en":"A confidential agenda item"},"source":"other","purpose":"discussion"}],"status":"draft"}}"#
        let set = try await pages.call(.put, "/api/v1/meetings/RCM-V/agenda", as: .secretariat, json: agenda)
        #expect(set.status == 200, "\(set.text)")
    }
}
