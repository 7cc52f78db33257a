import AccordCore
import AccordStore
import AccordTestSupport
import Foundation
import Testing

/// National reports through the API, over the demo (Canada's report on the Santiago mandate, published), on
/// both databases: Mexico's delegate files, revises and submits its own; the Secretariat publishes; the public
/// reads published reports only; bad input is a 4xx naming the field, with nothing stored.
@Suite("API: mandates, national reports and events")
struct FollowUpAPITests {
    static let cycle = "SANTIAGO-1998-REPORTS"
    static let mandate = "SANTIAGO-1998-MW-IACHR"

    static func delegate(_ country: String) -> String { GovernanceAPIScenario.delegate(country) }

    static func french(_ text: String) -> String { #"{"authoritative":"fr","fr":"\#(text)"}"# }

    /// A filing body of `country`'s report, by `actor`.
    static func filing(
        _ country: String, by actor: String, kind: String = "national", status: String = "draft",
        cycle: String = cycle, mandate: String = mandate, indicators: String = "[]", authority: String? = nil
    ) -> String {
        #"{"actor":\#(actor),"authority":\#(authority ?? GovernanceAPIScenario.own(country)),"report":{"cycle":"\#(cycle)","mandate":"\#(mandate)","participant":"\#(country)","kind":"\#(kind)","language":"fr","sections":{"actions":\#(french("Ateliers de formation")),"links":["https://example.org/rapport"]},"events":["WS-2000-SANTIAGO"],"indicators":\#(indicators),"status":"\#(status)"}}"#
    }

    @Test("file, revise, submit and publish: the matrix and the reports each audience reads", arguments: Backend.all)
    func lifecycle(_ backend: Backend) async throws {
        try await withAPI(demo: true, backend: backend) { api, store in
            let matrixPath = "/api/v1/cycles/\(Self.cycle)/matrix"
            let before = try await api.get(matrixPath)
            #expect(before.status == 200, "\(before.text)")
            #expect((before["notFiled"] as? [String: [String]])?[Self.mandate]?.count == 10)
            #expect(before.text.contains(#""country":"CAN","events":["WS-2000-SANTIAGO","SYMPOSIUM-2000-SAN-JOSE"]"#))

            let mexico = Self.delegate("MEX")
            let filed = try await api.post("/api/v1/reports", Self.filing("MEX", by: mexico))
            #expect(filed.status == 201, "\(filed.text)")
            #expect(filed["value.status"] as? String == "draft" && filed["value.recordedBy"] as? String == "delegation")
            let path = "/api/v1/reports/\(Self.cycle)/\(Self.mandate)/MEX"
            #expect(try await api.get(path).status == 404, "the public does not read a draft")
            #expect(try await api.get(path, as: Bodies.secretariat)["revision"] as? Int == 1)
            let list = try await api.get("/api/v1/reports?cycle=\(Self.cycle)")
            #expect((list["items"] as? [[String: Any]])?.map { $0["participant"] as? String } == ["CAN"])
            #expect(!list.text.contains("Ateliers de formation"))

            // Revised and submitted by Mexico itself.
            #expect(try await api.post("/api/v1/reports", Self.filing("MEX", by: mexico)).status == 201)
            let submitted = try await api.post(
                path + "/submit", #"{"actor":\#(mexico),"authority":{"participant":"MEX"}}"#)
            #expect(submitted.status == 200, "\(submitted.text)")
            #expect(submitted["value.status"] as? String == "submitted" && submitted["value.revision"] as? Int == 3)
            let inside = try await api.get(matrixPath, as: Bodies.secretariat)
            #expect((inside["notFiled"] as? [String: [String]])?[Self.mandate]?.contains("MEX") == false)
            #expect(
                (try await api.get(matrixPath)["notFiled"] as? [String: [String]])?[Self.mandate]?.contains("MEX")
                    == true)

            // Only the Secretariat publishes.
            let head = try await store.head().sequence
            let byDelegate = try await api.post(
                path + "/publish", #"{"actor":\#(mexico),"authority":{"editorial":"published"}}"#)
            try await GovernanceAPIScenario.expectRefused(byDelegate, rule: "capacity", store, head: head)
            let published = try await api.post(
                path + "/publish", #"{"actor":\#(Bodies.secretariat),"authority":{"editorial":"reviewed"}}"#)
            #expect(published.status == 200 && published["value.status"] as? String == "published")
            #expect(try await api.get(path)["status"] as? String == "published")
            let revisions = try await api.get(path + "/revisions", as: Bodies.secretariat)
            #expect((revisions["items"] as? [[String: Any]])?.count == 4)
            let outside = try await api.get(path + "/revisions")
            #expect((outside["items"] as? [[String: Any]])?.count == 1, "the public reads the published revision only")
            let country = try await api.get(matrixPath + "?country=MEX")
            #expect((country["matrix"] as? [String: Any])?["countries"] as? [String] == ["MEX"])
            #expect(country.text.contains(#""state":"submitted""#))
        }
    }

    @Test(
        "a delegate files only for its own country; only the coordinators file the coordinator's report",
        arguments: Backend.all)
    func whoFiles(_ backend: Backend) async throws {
        try await withAPI(demo: true, backend: backend) { api, store in
            let head = try await store.head().sequence
            let forCanada = try await api.post(
                "/api/v1/reports",
                Self.filing("CAN", by: Self.delegate("MEX"), authority: GovernanceAPIScenario.own("CAN")))
            try await GovernanceAPIScenario.expectRefused(forCanada, rule: "own-delegation", store, head: head)
            let notCoordinator = try await api.post(
                "/api/v1/reports", Self.filing("CAN", by: Self.delegate("CAN"), kind: "coordinator"))
            try await GovernanceAPIScenario.expectRefused(notCoordinator, rule: "coordinator-report", store, head: head)
            let anonymous = try await api.post(
                "/api/v1/reports",
                Self.filing("CAN", by: Self.delegate("CAN")).replacingOccurrences(
                    of: #""actor":\#(Self.delegate("CAN")),"#, with: ""))
            #expect(anonymous.status == 401)
            for coordinator in ["USA", "SLV"] {
                let filed = try await api.post(
                    "/api/v1/reports", Self.filing(coordinator, by: Self.delegate(coordinator), kind: "coordinator"))
                #expect(filed.status == 201, "\(filed.text)")
                #expect(filed["value.id"] as? String == "\(Self.cycle)/\(Self.mandate)/coordinator")
            }
            let onBehalf = try await api.post("/api/v1/reports", Self.filing("PAN", by: Bodies.secretariat))
            #expect(onBehalf["value.recordedBy"] as? String == "secretariat")
        }
    }

    /// Unknown mandate, cycle or country, a co-coordinator who is the coordinator, an event ending before it
    /// starts, a quantitative indicator without baseline.
    @Test("bad input is a 4xx problem naming the field, and nothing is stored", arguments: Backend.all)
    func badInput(_ backend: Backend) async throws {
        try await withAPI(demo: true, backend: backend) { api, store in
            let head = try await store.head().sequence
            let mexico = Self.delegate("MEX")
            let cases: [(String, String, String)] = [
                ("/api/v1/reports", Self.filing("MEX", by: mexico, mandate: "NO-MANDATE"), "report.mandate"),
                ("/api/v1/reports", Self.filing("MEX", by: mexico, cycle: "NO-CYCLE"), "report.cycle"),
                (
                    "/api/v1/reports",
                    Self.filing("ZZZ", by: Bodies.secretariat, authority: GovernanceAPIScenario.own("MEX")),
                    "report.participant"
                ),
                (
                    "/api/v1/reports",
                    Self.filing(
                        "MEX", by: mexico,
                        indicators:
                            #"[{"name":\#(Self.french("Personnes formées")),"kind":"quantitative","actual":"40"}]"#),
                    "report.indicators[0].baseline"
                ),
                (
                    "/api/v1/mandates",
                    Bodies.signed(
                        "mandate",
                        #"{"id":"SANTIAGO-1998-MW-2","plan":"SANTIAGO-1998","text":\#(Self.french("Texte")),"coordinator":"USA","coCoordinators":["USA"],"activities":[]}"#
                    ), "mandate.coCoordinators[0]"
                ),
                (
                    "/api/v1/events",
                    Bodies.signed(
                        "event",
                        #"{"id":"WS-BACKWARDS","kind":"workshop","title":\#(Bodies.text("Backwards")),"organizers":[],"start":"2000-09-14","end":"2000-09-12","mandates":[],"activities":[]}"#
                    ), "event.end"
                ),
            ]
            for (path, body, field) in cases {
                let answer = try await api.post(path, body)
                #expect((400..<500).contains(answer.status) && answer["field"] as? String == field, "\(answer.text)")
            }
            #expect(try await api.get("/api/v1/cycles/NO-CYCLE/matrix").status == 404)
            #expect(try await store.head().sequence == head)
        }
    }

    @Test(
        "the Secretariat records events and series; a series shows its occurrences and the next one due",
        arguments: Backend.all)
    func eventsAndSeries(_ backend: Backend) async throws {
        try await withAPI(demo: true, backend: backend) { api, _ in
            let series =
                #"{"id":"WS-TRAVEL-DOCS","kind":"workshop","title":\#(Bodies.text("Travel document security")),"everyMonths":12,"atLeastEveryMonths":36,"activities":[]}"#
            #expect(try await api.post("/api/v1/event-series", Bodies.signed("series", series)).status == 201)
            let state = try await api.get("/api/v1/events/WS-2006-NICARAGUA")
            #expect(state["start"] as? String == "2006-11")
            var event = try #require(state.json as? [String: Any])
            event["series"] = "WS-TRAVEL-DOCS"
            let body = String(
                decoding: try JSONSerialization.data(withJSONObject: event, options: [.sortedKeys]), as: UTF8.self)
            #expect(try await api.put("/api/v1/events/WS-2006-NICARAGUA", Bodies.signed("event", body)).status == 200)
            let occurrences = try await api.get("/api/v1/event-series/WS-TRAVEL-DOCS/occurrences")
            #expect(occurrences["nextDue"] as? String == "2007-11" && occurrences["latest"] as? String == "2009-11")
            let byDelegate = try await api.post(
                "/api/v1/event-series",
                #"{"actor":\#(Self.delegate("MEX")),"authority":{"editorial":"x"},"series":\#(series.replacingOccurrences(of: "WS-TRAVEL-DOCS", with: "WS-OTHER"))}"#
            )
            #expect(byDelegate.status == 409 && byDelegate["rule"] as? String == "capacity")
            let workshops = try await api.get("/api/v1/events?kind=workshop")
            #expect((workshops["items"] as? [Any])?.count == 6)
        }
    }
}
