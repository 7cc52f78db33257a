import AccordCore
import AccordStore
import Foundation
import Testing

@testable import AccordWeb

/// Bad input against the demo record: each request gets a 4xx problem that names the field and the reason,
/// and the ledger does not move.
@Suite struct APIBadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var method: String
        var path: String
        var body: String
        var status: Int
        var field: String?
        var reason: String

        var testDescription: String { name }
    }

    static func activity(_ number: String, _ parent: String, _ leads: String, _ title: String) -> String {
        #"{"number":"\#(number)","kind":"activity","parent":"\#(parent)","title":{"authoritative":"en","en":"\#(title)"},"leads":[\#(leads)],"status":"proposed"}"#
    }

    static let cases: [Case] = [
        Case(
            name: "malformed JSON", method: "POST", path: "/api/v1/items", body: #"{"actor": {"name": "#, status: 400,
            field: nil, reason: "not valid JSON"),
        Case(
            name: "a number no integer holds", method: "POST", path: "/api/v1/challenges",
            body: Bodies.signed(
                "challenge", #"{"sequence":1e30,"participant":"MEX","reason":\#(Bodies.text("x"))}"#,
                authority: #"{"participant":"MEX"}"#),
            status: 400, field: nil, reason: "a number in the body is not a whole number from -92233720368547758"),
        Case(
            name: "missing authority", method: "POST", path: "/api/v1/items",
            body: #"{"actor":\#(Bodies.secretariat),"item":\#(activity("MPM-1.9", "MPM-1", "", "x"))}"#, status: 400,
            field: "authority", reason: "is required"),
        Case(
            name: "unknown participant code as lead", method: "POST", path: "/api/v1/items",
            body: Bodies.signed("item", activity("MPM-9.1", "MPM-9", #""MEX","XYZ""#, "Workshop")), status: 422,
            field: "item.leads[1]", reason: "no participant has the code 'XYZ'"),
        Case(
            name: "unknown participant kind", method: "POST", path: "/api/v1/participants",
            body: Bodies.signed("participant", Bodies.participant("BRA", "member", "Brazil")), status: 400,
            field: "participant.kind", reason: "is not one of member-state"),
        Case(
            name: "impossible status transition", method: "POST", path: "/api/v1/items/LA-1/status",
            body: #"{"actor":\#(Bodies.secretariat),"authority":{"editorial":"tidy"},"status":"proposed"}"#,
            status: 409, field: "status", reason: "cannot become proposed"),
        Case(
            name: "unknown decision reference", method: "POST", path: "/api/v1/items",
            body: Bodies.signed("item", activity("MPM-1.9", "MPM-1", "", "x"), authority: Bodies.decision("RCM-V/99")),
            status: 422, field: "authority.decision", reason: "no decision 'RCM-V/99'"),
        Case(
            name: "duplicate item number", method: "POST", path: "/api/v1/items",
            body: Bodies.signed("item", activity("MPM-9", "MPM", "", "Again")), status: 409, field: "item.number",
            reason: "already taken"),
        Case(
            name: "title over its limit", method: "POST", path: "/api/v1/items",
            body: Bodies.signed("item", activity("MPM-9.1", "MPM-9", "", String(repeating: "a", count: 501))),
            status: 422, field: "item.title.en", reason: "the limit is 500"),
        Case(
            name: "a noncharacter in a title", method: "POST", path: "/api/v1/items",
            body: Bodies.signed("item", activity("MPM-9.1", "MPM-9", "", #"Workshop\uFFFF"#)), status: 422,
            field: "item.title.en", reason: "contains U+FFFF"),
        Case(
            name: "a NUL in an editorial reason", method: "POST", path: "/api/v1/items",
            body: Bodies.signed(
                "item", activity("MPM-9.1", "MPM-9", "", "Workshop"), authority: #"{"editorial":"typo\u0000"}"#),
            status: 422, field: "authority.editorial", reason: "contains U+0000"),
        Case(
            name: "an ambiguous authority", method: "POST", path: "/api/v1/items",
            body: Bodies.signed(
                "item", activity("MPM-9.1", "MPM-9", "", "Workshop"),
                authority: #"{"editorial":"x","decision":"RCM-VII/1"}"#),
            status: 400, field: "authority", reason: "not decision and editorial"),
        Case(
            name: "a decision cited for a change it does not declare", method: "POST",
            path: "/api/v1/items/TS-1/status",
            body: #"{"actor":\#(Bodies.secretariat),"authority":{"decision":"RCM-II/1"},"status":"completed"}"#,
            status: 409, field: "authority.decision", reason: "RCM-II/1 declares no change to TS-1"),
        Case(
            name: "approval without a decision", method: "POST", path: "/api/v1/items/MPM-9/status",
            body: #"{"actor":\#(Bodies.secretariat),"authority":{"editorial":"tidy"},"status":"approved"}"#,
            status: 409, field: "status", reason: "only a decision"),
        Case(
            name: "an unknown kind of change, answered with the kinds", method: "POST", path: "/api/v1/decisions",
            body: Bodies.signed(
                "decision",
                #"{"id":"RCM-V/9","meeting":"RCM-V","paragraph":"9","kind":"decision","text":\#(Bodies.text("x")),"effects":[{"kind":"change-colour","number":"MPM-1"}]}"#
            ),
            status: 400, field: "decision.effects[0].kind",
            reason: "'change-colour' is not a kind of change; the kinds are describe-process, add-participant,"),
        Case(
            name: "a filter given twice", method: "GET", path: "/api/v1/items?status=approved&status=ongoing",
            body: "", status: 400, field: "status", reason: "is given more than once"),
        Case(
            name: "a query value of the wrong type", method: "GET", path: "/api/v1/plan?edition=first", body: "",
            status: 400, field: "edition", reason: "'first' is not a whole number"),
        Case(
            name: "unknown item", method: "PATCH", path: "/api/v1/items/MPM-99",
            body: #"{"actor":\#(Bodies.secretariat),"authority":{"editorial":"typo"},"amendment":{"leads":["TS"]}}"#,
            status: 404, field: "code", reason: "no item 'MPM-99'"),
        Case(
            name: "bad ledger position", method: "GET", path: "/api/v1/plan?asOf=-3", body: "", status: 400,
            field: "asOf", reason: "not a ledger position"),
        Case(
            name: "position beyond the ledger", method: "GET", path: "/api/v1/plan?asOf=100000", body: "", status: 422,
            field: "asOf", reason: "is not one of them"),
        Case(
            name: "unknown meeting for as-of", method: "GET", path: "/api/v1/plan?meeting=RCM-XL", body: "",
            status: 422, field: "meeting", reason: "no meeting"),
        Case(
            name: "an unpublished edition", method: "GET", path: "/api/v1/plan?edition=9", body: "", status: 422,
            field: "edition", reason: "edition 9 is not published"),
        Case(
            name: "a filter value that is not one, even with nothing to filter", method: "GET",
            path: "/api/v1/proposals?status=bogus", body: "", status: 400, field: "status",
            reason: "'bogus' is not one of"),
        Case(
            name: "a challenge filter that is not one, with no challenge to filter", method: "GET",
            path: "/api/v1/challenges?status=bogus", body: "", status: 400, field: "status",
            reason: "'bogus' is not one of"),
        Case(
            name: "a ledger page size that is not a number", method: "GET", path: "/api/v1/ledger?limit=many",
            body: "", status: 400, field: "limit", reason: "'many' is not a whole number"),
        Case(
            name: "a negative ledger position", method: "GET", path: "/api/v1/ledger/hashes?after=-1", body: "",
            status: 400, field: "after", reason: "not a ledger position"),
    ]

    /// The demo has no challenge: the refusal above is of a filter over an empty list, which reads nothing.
    @Test func theDemoHasNoChallengeToFilter() async throws {
        try await withAPI(demo: true) { api, _ in
            let list = try await api.get("/api/v1/challenges")
            #expect(list.status == 200)
            #expect((list["items"] as? [Any])?.isEmpty == true, "\(list.text)")
        }
    }

    /// A page's form goes through the same decoder as a query: a field given twice is the client's fault.
    @Test func aFormFieldGivenTwiceIsABadRequest() throws {
        let refusal = #expect(throws: Problem.self) {
            try FormBody.decode("csrf=a&csrf=b", as: PageFormGuard.AntiForgery.self)
        }
        #expect(refusal?.statusCode == 400)
        #expect(refusal?.field == "csrf")
        #expect(refusal?.detail == "is given more than once")
    }

    @Test(arguments: cases) func isRefusedWithAProblemAndStoresNothing(_ bad: Case) async throws {
        try await withAPI(demo: true) { api, store in
            let before = try await store.head()
            let answer = try await api.call(.init(rawValue: bad.method)!, bad.path, bad.body.isEmpty ? nil : bad.body)
            #expect(answer.status == bad.status, "\(answer.text)")
            #expect(answer["field"] as? String == bad.field, "\(answer.text)")
            #expect((answer["detail"] as? String)?.contains(bad.reason) == true, "\(answer.text)")
            #expect(answer["status"] as? Int == bad.status)
            #expect(try await store.head() == before)
        }
    }
}
