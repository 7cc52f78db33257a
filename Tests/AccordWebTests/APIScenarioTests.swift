import AccordCore
import AccordStore
import Foundation
import HTTPTypes
import Testing

@testable import AccordWeb

/// The API driven as a client would, through a scenario from the seeds: the V RCM admits the IACHR as an
/// observer, lines of action are approved, an activity runs its course into the archive.
@Suite struct APIScenarioTests {
    @Test func seedScenarioThroughEveryRoute() async throws {
        try await withAPI { api, store in
            // Setup: an empty record has no process yet.
            #expect(try await api.get("/api/v1/process").status == 404)
            #expect(try await api.get("/openapi.json").status == 200)

            for (id, name) in [("MEX", "Mexico"), ("CAN", "Canada"), ("USA", "United States")] {
                let answer = try await api.post(
                    "/api/v1/participants", Bodies.signed("participant", Bodies.participant(id, "member-state", name)))
                #expect(answer.status == 201, "\(answer.text)")
            }
            #expect(
                try await api.post(
                    "/api/v1/bodies",
                    Bodies.signed(
                        "body",
                        #"{"id":"RCM","name":\#(Bodies.text("Regional Conference on Migration")),"level":"vice-ministerial"}"#
                    )
                ).status == 201)
            #expect(
                try await api.post(
                    "/api/v1/bodies",
                    Bodies.signed(
                        "body",
                        #"{"id":"RCGM","name":\#(Bodies.text("Regional Consultation Group on Migration")),"level":"consultation-group","parent":"RCM"}"#
                    )
                ).status == 201)
            #expect(
                try await api.post(
                    "/api/v1/bodies",
                    Bodies.signed(
                        "body",
                        #"{"id":"LON-CP","name":\#(Bodies.text("Consular Protection LON")),"level":"network","parent":"RCGM"}"#
                    )
                ).status == 201)
            let meeting =
                #"{"id":"RCM-V","body":"RCM","title":\#(Bodies.text("V RCM")),"start":"2000-03-23","end":"2000-03-24","place":\#(Bodies.text("Washington, D.C.")),"host":"USA","attendance":["MEX","CAN","USA"]}"#
            #expect(try await api.post("/api/v1/meetings", Bodies.signed("meeting", meeting)).status == 201)
            // The V RCM's paragraphs, transcribed with the changes they declare and confirmed by the Presidency:
            // the IACHR's admission, and the lines of action.
            let iachr =
                #"{"id":"IACHR","kind":"observer-organization","name":\#(Bodies.text("Inter-American Commission on Human Rights")),"history":[{"kind":"observer-organization","since":"2000-03","decision":"RCM-V/1"}]}"#
            try await GovernanceAPIScenario.transcribeAndConfirm(
                api, store, "RCM-V/1",
                #"{"id":"RCM-V/1","meeting":"RCM-V","paragraph":"1","kind":"decision","text":\#(Bodies.text("Accepts the request of the IACHR to be admitted as an observer organization.")),"effects":[{"kind":"add-participant","participant":\#(iachr)}]}"#
            )
            let lineOfAction = Bodies.item(
                "MPM", "line-of-action", parent: nil, title: "Migration Policies and Management", status: "approved")
            let area = Bodies.item(
                "MPM-1", "area", parent: "MPM", title: "Border control and cooperation", status: "approved")
            let workshop = Bodies.item(
                "MPM-1.1", "activity", parent: "MPM-1", title: "Workshop on travel documents", status: "approved",
                leads: ["MEX", "TS"])
            try await GovernanceAPIScenario.transcribeAndConfirm(
                api, store, "RCM-V/2",
                #"{"id":"RCM-V/2","meeting":"RCM-V","paragraph":"2","kind":"decision","text":\#(Bodies.text("Approves the lines of action.")),"effects":[{"kind":"add-item","item":\#(lineOfAction)},{"kind":"add-item","item":\#(area)},{"kind":"add-item","item":\#(workshop)}]}"#
            )
            let approvedAt = Int(try await store.head().sequence)

            // Act: the IACHR was admitted by the V RCM's decision; a participant added without one is refused
            // once the record has decisions, and its name, not its standing, changes editorially.
            #expect(try await api.get("/api/v1/participants/IACHR")["kind"] as? String == "observer-organization")
            let late = try await api.post(
                "/api/v1/participants",
                Bodies.signed("participant", Bodies.participant("ARG", "member-state", "Argentina")))
            #expect(late.status == 409 && late["rule"] as? String == "opening-record", "\(late.text)")
            let renamed = iachr.replacingOccurrences(
                of: "Inter-American Commission", with: "The Inter-American Commission")
            #expect(
                try await api.put("/api/v1/participants/IACHR", Bodies.signed("participant", renamed)).status == 200)
            #expect(try await api.put("/api/v1/participants/CAN", Bodies.signed("participant", renamed)).status == 422)
            // The V RCM has decided: its attendance is the record of who decided.
            let rewritten = try await api.put(
                "/api/v1/meetings/RCM-V",
                Bodies.signed("meeting", meeting.replacingOccurrences(of: "\"MEX\",", with: "")))
            #expect(rewritten.status == 409 && rewritten["rule"] as? String == "attendance-fixed", "\(rewritten.text)")

            // A proposed activity is recorded editorially; citing a decision for it authorizes nothing.
            let proposedItem = Bodies.item(
                "MPM-1.5", "activity", parent: "MPM-1", title: "Study of returns", status: "proposed")
            #expect(try await api.post("/api/v1/items", Bodies.signed("item", proposedItem)).status == 201)
            let cited = try await api.post(
                "/api/v1/items",
                Bodies.signed(
                    "item", proposedItem.replacingOccurrences(of: "MPM-1.5", with: "MPM-1.6"),
                    authority: Bodies.decision("RCM-V/2")))
            #expect(cited.status == 409 && cited["rule"] as? String == "declared-effect", "\(cited.text)")
            let activity = try await api.get("/api/v1/items/MPM-1.1")
            #expect(activity["approvedBy"] as? String == "RCM-V/2")
            #expect(
                try await api.patch(
                    "/api/v1/items/MPM-1.1",
                    #"{"actor":\#(Bodies.secretariat),"authority":\#(Bodies.editorial("translation")),"amendment":{"title":\#(Bodies.text("Workshop on travel documents", es: "Taller sobre documentos de viaje"))}}"#
                ).status == 200)
            let status =
                #"{"actor":\#(Bodies.secretariat),"authority":\#(Bodies.editorial("progress report")),"status":"ongoing"}"#
            #expect(try await api.post("/api/v1/items/MPM-1.1/status", status).status == 200)
            try await GovernanceAPIScenario.transcribeAndConfirm(
                api, store, "RCM-V/3",
                #"{"id":"RCM-V/3","meeting":"RCM-V","paragraph":"3","kind":"decision","text":\#(Bodies.text("Canada leads the workshop, which is completed.")),"effects":[{"kind":"amend-item","amendment":{"number":"MPM-1.1","leads":["CAN"]}},{"kind":"change-status","number":"MPM-1.1","status":"completed"}]}"#
            )

            // Check: the current version no longer lists the completed activity; the archive keeps its number.
            let current = try await api.get("/api/v1/plan")
            #expect(!current.text.contains("MPM-1.1"))
            #expect(current.text.contains("\"MPM-1\""))
            let archive = try await api.get("/api/v1/plan/archive")
            #expect(archive.text.contains("MPM-1.1"))
            let before = try await api.get("/api/v1/plan?asOf=\(approvedAt)")
            #expect(before.text.contains("MPM-1.1") && before["asOf"] as? Int == approvedAt)
            let afterMeeting = try await api.get("/api/v1/plan?meeting=RCM-V")
            #expect(afterMeeting["meeting"] as? String == "RCM-V")
            let history = try await api.get("/api/v1/items/MPM-1.1/history")
            #expect((history["history"] as? [Int])?.count == 4)
            #expect(history["approvalLevel"] as? String == "vice-ministerial")

            #expect(
                try await api.post(
                    "/api/v1/workplans",
                    Bodies.signed(
                        "workplan",
                        #"{"id":"LON-CP","body":"LON-CP","title":\#(Bodies.text("Consular Protection workplan")),"status":"proposed"}"#
                    )
                ).status == 201)
            #expect(
                try await api.put(
                    "/api/v1/workplans/LON-CP",
                    Bodies.signed(
                        "workplan",
                        #"{"id":"LON-CP","body":"LON-CP","title":\#(Bodies.text("Consular Protection LON workplan")),"status":"proposed"}"#
                    )
                ).status == 200)
            #expect(
                try await api.post(
                    "/api/v1/items",
                    Bodies.signed(
                        "item",
                        #"{"number":"CP-1","kind":"area","workplan":"LON-CP","title":\#(Bodies.text("Activities of Consular Offices")),"leads":[],"status":"proposed"}"#
                    )
                ).status == 201)
            // The working side reads the proposed annex; the public reads none of it, however the query is spelled.
            let ts: HTTPFields = [.authorization: "Bearer \(try await api.token("ana.ts", role: "secretariat"))"]
            let annexes = try await api.call(.get, "/api/v1/plan/annexes?version=proposed", headers: ts)
            #expect(annexes.text.contains("\"CP-1\""))
            for query in ["version=proposed", "version=%70roposed"] {
                let published = try await api.get("/api/v1/plan/annexes?\(query)")
                #expect(published.status == 200 && !published.text.contains("CP-1"), "\(published.text)")
                let plan = try await api.get("/api/v1/plan?\(query)")
                #expect(plan.status == 200 && (plan["nodes"] as? [Any])?.isEmpty == true, "\(plan.text)")
            }

            // Reads of every collection, with their filters.
            #expect((try await api.get("/api/v1/participants?kind=member-state")["items"] as? [Any])?.count == 3)
            #expect(try await api.get("/api/v1/plan?version=proposed", as: Bodies.secretariat).text.contains("MPM-1.5"))
            #expect(try await api.get("/api/v1/participants/IACHR").text.contains("The Inter-American"))
            #expect(
                (try await api.get("/api/v1/bodies")["items"] as? [[String: Any]])?.first?["id"] as? String == "RCM")
            #expect(try await api.get("/api/v1/bodies/RCGM").status == 200)
            #expect(try await api.get("/api/v1/meetings?body=RCM").text.contains("RCM-V"))
            #expect(try await api.get("/api/v1/meetings/RCM-V").status == 200)
            #expect((try await api.get("/api/v1/decisions?meeting=RCM-V")["items"] as? [Any])?.count == 3)
            #expect(try await api.get("/api/v1/decisions/RCM-V/1").text.contains("IACHR"))
            #expect(try await api.call(.get, "/api/v1/workplans", headers: ts).text.contains("LON-CP"))
            #expect(try await api.call(.get, "/api/v1/workplans/LON-CP", headers: ts).status == 200)
            #expect(try await api.get("/api/v1/workplans/LON-CP").status == 404, "a proposed workplan is not published")
            #expect((try await api.get("/api/v1/items?status=completed")["items"] as? [Any])?.count == 1)
            #expect(try await api.get("/api/v1/items/MPM-1.1").text.contains("\"completed\""))
            #expect(try await api.get("/api/v1/process").status == 404)
            #expect(try await api.get("/api/v1/health")["sequence"] as? Int == Int(try await store.head().sequence))

            #expect(try await api.get("/api/v1/ledger?limit=5").status == 401)
            let page = try await api.call(.get, "/api/v1/ledger?limit=5", headers: ts)
            #expect((page["entries"] as? [Any])?.count == 5)
            let next = try #require(page["next"] as? Int)
            let older = try await api.call(.get, "/api/v1/ledger?before=\(next)&limit=500", headers: ts)
            #expect((older["entries"] as? [[String: Any]])?.last?["sequence"] as? Int == 1)
            let first = try await api.call(.get, "/api/v1/ledger/1", headers: ts)
            #expect(first["previousHash"] as? String == HashChain.genesis)
            #expect(try await api.call(.get, "/api/v1/ledger/99999", headers: ts).status == 404)
            // The server's metrics, for the Secretariat only (MetricsTests checks what they count).
            let metrics = try await api.call(.get, "/metrics", headers: ts)
            #expect(metrics.status == 200 && metrics.contentType?.hasPrefix("text/plain") == true, "\(metrics.text)")
            #expect(try await api.get("/metrics").status == 401)

            try await GovernanceAPIScenario.run(api, store)
            try await ExportAPIScenario.run(api, store)
            try await SessionAPIScenario.run(api, store)
            try await CheckpointAPIScenario.run(api, store)
            try await FollowUpAPIScenario.run(api, store)
            try await SearchAPIScenario.run(api, store)
            try await StatisticsAPIScenario.run(api, store)
            try await VisitAPIScenario.run(api, store)
            try await DigestAPIScenario.run(api, store)
            try await AccountAPIScenario.run(api, store)
            try await AttachmentAPIScenario.run(api, store)

            // Every route was exercised, so every route's answers were checked against the document.
            let all = Set(api.routes.map { "\($0.method) \($0.openAPIPath)" })
            #expect(
                all.subtracting(api.called).isEmpty, "routes the scenario never called: \(all.subtracting(api.called))")
            #expect(try await store.verify().isValid)
        }
    }
}
