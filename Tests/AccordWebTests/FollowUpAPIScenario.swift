import AccordCore
import AccordStore
import Foundation
import Testing

/// The follow-up through every one of its routes, on the main scenario's record (Mexico, Canada and the
/// United States, the V RCM): the Secretariat records a plan, a mandate, a cycle long past due, an event and a
/// series, and corrects each; Canada's delegate files, revises and submits a report late; the Secretariat
/// publishes it; the matrix, the revisions and the series' occurrences read back what was done.
enum FollowUpAPIScenario {
    static func run(_ api: APIClient, _ store: Store) async throws {
        let plan =
            #"{"id":"SANTIAGO-1998","title":\#(Bodies.text("Santiago Plan of Action")),"place":\#(Bodies.text("Santiago")),"date":"1998"}"#
        #expect(try await api.post("/api/v1/external-plans", Bodies.signed("plan", plan)).status == 201)
        let mandate =
            #"{"id":"SPA-MW-1","plan":"SANTIAGO-1998","text":\#(Bodies.text("Support the IACHR")),"coordinator":"USA","coCoordinators":["MEX"],"activities":[]}"#
        #expect(try await api.post("/api/v1/mandates", Bodies.signed("mandate", mandate)).status == 201)
        let translated = mandate.replacingOccurrences(
            of: Bodies.text("Support the IACHR"), with: Bodies.text("Support the IACHR", es: "Apoyar a la CIDH"))
        #expect(try await api.put("/api/v1/mandates/SPA-MW-1", Bodies.signed("mandate", translated)).status == 200)
        #expect(try await api.get("/api/v1/mandates/SPA-MW-1")["text.es"] as? String == "Apoyar a la CIDH")
        #expect((try await api.get("/api/v1/mandates?coordinator=MEX")["items"] as? [Any])?.count == 1)
        let cycle =
            #"{"id":"QUEBEC-2001","plan":"SANTIAGO-1998","title":\#(Bodies.text("Towards Quebec")),"due":"2001-02","meeting":"RCM-V"}"#
        #expect(try await api.post("/api/v1/cycles", Bodies.signed("cycle", cycle)).status == 201)
        let later = cycle.replacingOccurrences(of: #""due":"2001-02""#, with: #""due":"2001-03""#)
        #expect(try await api.put("/api/v1/cycles/QUEBEC-2001", Bodies.signed("cycle", later)).status == 200)
        #expect(try await api.get("/api/v1/cycles/QUEBEC-2001")["due"] as? String == "2001-03")
        #expect((try await api.get("/api/v1/cycles?plan=SANTIAGO-1998")["items"] as? [Any])?.count == 1)
        #expect(try await api.get("/api/v1/external-plans/SANTIAGO-1998")["date"] as? String == "1998")
        #expect((try await api.get("/api/v1/external-plans")["items"] as? [Any])?.count == 1)

        let series =
            #"{"id":"WS-MW","kind":"workshop","title":\#(Bodies.text("Migrant workers workshops")),"everyMonths":12,"activities":[]}"#
        #expect(try await api.post("/api/v1/event-series", Bodies.signed("series", series)).status == 201)
        #expect(try await api.get("/api/v1/event-series/WS-MW")["everyMonths"] as? Int == 12)
        #expect((try await api.get("/api/v1/event-series")["items"] as? [Any])?.count == 1)
        let event =
            #"{"id":"WS-2000-SANTIAGO","kind":"workshop","title":\#(Bodies.text("Best practices for migrant workers")),"organizers":[{"participant":"USA","role":"under-the-auspices-of"}],"place":\#(Bodies.text("Santiago, Chile")),"start":"2000-06","mandates":["SPA-MW-1"],"activities":[]}"#
        #expect(try await api.post("/api/v1/events", Bodies.signed("event", event)).status == 201)
        let inSeries = event.replacingOccurrences(of: #""activities":[]"#, with: #""activities":[],"series":"WS-MW""#)
        #expect(try await api.put("/api/v1/events/WS-2000-SANTIAGO", Bodies.signed("event", inSeries)).status == 200)
        #expect(try await api.get("/api/v1/events/WS-2000-SANTIAGO")["series"] as? String == "WS-MW")
        #expect((try await api.get("/api/v1/events?mandate=SPA-MW-1")["items"] as? [Any])?.count == 1)
        let occurrences = try await api.get("/api/v1/event-series/WS-MW/occurrences")
        #expect(occurrences["nextDue"] as? String == "2001-06", "\(occurrences.text)")

        // Canada's delegate files a draft, then submits it: long after the due date, so it is flagged late.
        let canada = GovernanceAPIScenario.delegate("CAN")
        let filing =
            #"{"actor":\#(canada),"authority":{"participant":"CAN"},"report":{"cycle":"QUEBEC-2001","mandate":"SPA-MW-1","participant":"CAN","kind":"national","language":"en","sections":{"actions":\#(Bodies.text("Took part in the workshop")),"links":[]},"events":["WS-2000-SANTIAGO"],"indicators":[{"name":\#(Bodies.text("Experts trained")),"kind":"quantitative","unit":"persons","baseline":"0","target":"40","actual":"35"}],"status":"draft"}}"#
        #expect(try await api.post("/api/v1/reports", filing).status == 201)
        let path = "/api/v1/reports/QUEBEC-2001/SPA-MW-1/CAN"
        #expect(try await api.get(path).status == 404, "a draft is not public")
        let submitted = try await api.post(path + "/submit", #"{"actor":\#(canada),"authority":{"participant":"CAN"}}"#)
        #expect(submitted.status == 200 && submitted["value.revision"] as? Int == 2, "\(submitted.text)")
        let matrix = try await api.get("/api/v1/cycles/QUEBEC-2001/matrix", as: Bodies.secretariat)
        #expect(matrix["totals.late"] as? Int == 1 && matrix["totals.none"] as? Int == 2, "\(matrix.text)")
        let published = try await api.post(
            path + "/publish", Bodies.signed("unused", "null", authority: Bodies.editorial("reviewed at the VI RCM")))
        #expect(published.status == 200, "\(published.text)")
        #expect(try await api.get(path)["status"] as? String == "published")
        #expect((try await api.get("/api/v1/reports?country=CAN")["items"] as? [Any])?.count == 1)
        #expect((try await api.get(path + "/revisions")["items"] as? [Any])?.count == 1)
        #expect((try await api.get(path + "/revisions", as: Bodies.secretariat)["items"] as? [Any])?.count == 3)
        // The Atom feed says what changed, newest first: the report's publication leads it.
        let feed = try await api.get("/api/v1/feed?lang=en")
        #expect(feed.status == 200 && feed.contentType?.hasPrefix("application/atom+xml") == true)
        let first = try #require(feed.text.range(of: "<entry>"))
        #expect(
            feed.text[first.upperBound...].hasPrefix("\n<id>tag:accord.invalid,2025:report/QUEBEC-2001/SPA-MW-1/CAN/"))
        // The published report as a document, and the cycle's compilation.
        #expect(try await api.get("/api/v1/exports/report/QUEBEC-2001/SPA-MW-1/CAN?format=md").text.contains("Canada"))
        let compilation = try await api.get("/api/v1/exports/compilation/QUEBEC-2001")
        #expect(compilation.status == 200 && compilation.bytes.starts(with: Array("PK".utf8)))
        // A feed token for the Secretariat's own account, issued and revoked.
        let issued = try await api.post("/api/v1/feed-tokens/ana.ts", #"{"actor":\#(Bodies.secretariat)}"#)
        #expect(issued.status == 201, "\(issued.text)")
        #expect(
            try await api.call(.delete, "/api/v1/feed-tokens/ana.ts", #"{"actor":\#(Bodies.secretariat)}"#).status
                == 204)
        #expect(try await store.verify().isValid)
    }
}
