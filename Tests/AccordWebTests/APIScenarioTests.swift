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
            let admission =
                #"{"id":"RCM-V/1","meeting":"RCM-V","paragraph":"1","kind":"decision","text":\#(Bodies.text("Accepts the request of the IACHR to be admitted as an observer organization."))}"#
            #expect(try await api.post("/api/v1/decisions", Bodies.signed("decision", admission)).status == 201)
            let lines =
                #"{"id":"RCM-V/2","meeting":"RCM-V","paragraph":"2","kind":"decision","text":\#(Bodies.text("Approves the lines of action."))}"#
            #expect(try await api.post("/api/v1/decisions", Bodies.signed("decision", lines)).status == 201)

            // Act: the IACHR's admission cites the V RCM's decision.
            let iachr =
                #"{"id":"IACHR","kind":"observer-organization","name":\#(Bodies.text("Inter-American Commission on Human Rights")),"history":[{"kind":"observer-organization","since":"2000-03","decision":"RCM-V/1"}]}"#
            let admitted = try await api.post("/api/v1/participants", Bodies.signed("participant", iachr))
            #expect(admitted.status == 201)
            #expect(admitted["entry.kind"] as? String == "add-participant")
            let renamed = iachr.replacingOccurrences(
                of: "Inter-American Commission", with: "The Inter-American Commission")
            #expect(
                try await api.put("/api/v1/participants/IACHR", Bodies.signed("participant", renamed)).status == 200)
            #expect(try await api.put("/api/v1/participants/CAN", Bodies.signed("participant", renamed)).status == 422)
            #expect(
                try await api.put(
                    "/api/v1/meetings/RCM-V",
                    Bodies.signed("meeting", meeting.replacingOccurrences(of: "\"MEX\",", with: ""))
                ).status == 200)

            let approve = Bodies.decision("RCM-V/2")
            #expect(
                try await api.post(
                    "/api/v1/items",
                    Bodies.signed(
                        "item",
                        Bodies.item(
                            "MPM", "line-of-action", parent: nil, title: "Migration Policies and Management",
                            status: "approved"), authority: approve)
                ).status == 201)
            #expect(
                try await api.post(
                    "/api/v1/items",
                    Bodies.signed(
                        "item",
                        Bodies.item(
                            "MPM-1", "area", parent: "MPM", title: "Border control and cooperation", status: "approved"),
                        authority: approve)
                ).status == 201)
            let activity = try await api.post(
                "/api/v1/items",
                Bodies.signed(
                    "item",
                    Bodies.item(
                        "MPM-1.1", "activity", parent: "MPM-1", title: "Workshop on travel documents",
                        status: "approved", leads: ["MEX", "TS"]), authority: approve))
            #expect(activity.status == 201)
            #expect(activity["value.approvedBy"] as? String == "RCM-V/2")
            let approvedAt = try #require(activity["entry.sequence"] as? Int)
            #expect(
                try await api.patch(
                    "/api/v1/items/MPM-1.1",
                    #"{"actor":\#(Bodies.secretariat),"authority":\#(approve),"amendment":{"leads":["CAN"]}}"#
                ).status == 200)
            let status = #"{"actor":\#(Bodies.secretariat),"authority":\#(approve),"status":"completed"}"#
            #expect(try await api.post("/api/v1/items/MPM-1.1/status", status).status == 200)

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
            #expect((history["history"] as? [Int])?.count == 3)
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
            #expect(try await api.get("/api/v1/participants/IACHR").text.contains("The Inter-American"))
            #expect(
                (try await api.get("/api/v1/bodies")["items"] as? [[String: Any]])?.first?["id"] as? String == "RCM")
            #expect(try await api.get("/api/v1/bodies/RCGM").status == 200)
            #expect(try await api.get("/api/v1/meetings?body=RCM").text.contains("RCM-V"))
            #expect(try await api.get("/api/v1/meetings/RCM-V").status == 200)
            #expect((try await api.get("/api/v1/decisions?meeting=RCM-V")["items"] as? [Any])?.count == 2)
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

            try await GovernanceAPIScenario.run(api, store)
            try await ExportAPIScenario.run(api, store)
            try await SessionAPIScenario.run(api, store)

            // Every route was exercised, so every route's answers were checked against the document.
            let all = Set(api.routes.map { "\($0.method) \($0.openAPIPath)" })
            #expect(
                all.subtracting(api.called).isEmpty, "routes the scenario never called: \(all.subtracting(api.called))")
            #expect(try await store.verify().isValid)
        }
    }
}
