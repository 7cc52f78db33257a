import AccordCore
import AccordStore
import Foundation
import Testing

/// Governance through the API on the demo record (the RCM as the seeds describe it): Mexico's proposal and
/// Canada's comments, a draft decision of a vice-ministerial meeting adopted only once consensus is computed,
/// and an editorial translation challenged by a member state. Every refusal is a problem naming the rule and
/// the field, and leaves the ledger head where it was.
@Suite struct GovernanceAPITests {
    typealias Scenario = GovernanceAPIScenario

    /// The member states the XXX RCM's attendance lists; IOM and UNHCR attend as observers.
    static let present = ["CAN", "GTM", "MEX", "USA"]

    @Test func proposalCommentsAndMatrix() async throws {
        try await withAPI(demo: true) { api, store in
            // Setup: the meeting Mexico tables its proposal for.
            try await Self.recordMeeting(api)

            // Act: Mexico submits three items; Canada comments on each.
            let submitted = try await api.post(
                "/api/v1/proposals", Scenario.signed(Scenario.delegate("MEX"), Scenario.own("MEX"), Self.proposal))
            #expect(submitted.status == 201, "\(submitted.text)")
            #expect(submitted["entry.authority"] as? String == "on behalf of MEX")
            for (item, stance) in [(1, "supports"), (2, "supports-with-changes"), (3, "has-concerns")] {
                let answer = try await api.post(
                    "/api/v1/proposals/MEX-2025/comments",
                    Scenario.signed(Scenario.delegate("CAN"), Scenario.own("CAN"), Self.comment(item, stance)))
                #expect(answer.status == 201, "\(answer.text)")
                #expect(answer["value.id"] as? String == "MEX-2025/\(item)/CAN")
            }

            // Check: the lists, the filters and the matrix, with an empty cell wherever no one answered.
            #expect(
                (try await api.get("/api/v1/proposals?submitter=MEX", as: Bodies.secretariat)["items"] as? [Any])?.count
                    == 2)
            #expect(
                (try await api.get("/api/v1/proposals?status=withdrawn", as: Bodies.secretariat)["items"] as? [Any])?
                    .count == 0)
            #expect(
                try await api.get("/api/v1/proposals?status=closed", as: Bodies.secretariat)["field"] as? String
                    == "status")
            #expect(
                (try await api.get("/api/v1/proposals/MEX-2025", as: Bodies.secretariat)["items"] as? [Any])?.count == 3
            )
            #expect(
                (try await api.get("/api/v1/proposals/MEX-2025/comments", as: Bodies.secretariat)["items"] as? [Any])?
                    .count == 3)
            let matrix = try await api.get("/api/v1/proposals/MEX-2025/matrix", as: Bodies.secretariat)
            #expect(
                matrix["participants"] as? [String] == [
                    "BLZ", "CAN", "CRI", "DOM", "GTM", "HND", "NIC", "PAN", "SLV", "USA",
                ])
            let rows = try #require(matrix["rows"] as? [[String: Any]])
            #expect(rows.map { $0["item"] as? Int } == [1, 2, 3])
            for (row, stance) in zip(rows, ["supports", "supports-with-changes", "has-concerns"]) {
                let cells = try #require(row["cells"] as? [[String: Any]])
                #expect(cells.count == 10)
                for cell in cells {
                    let isCanada = cell["participant"] as? String == "CAN"
                    #expect(cell["stance"] as? String == (isCanada ? stance : nil), "\(cell)")
                    #expect((cell["comment"] != nil) == isCanada, "\(cell)")
                }
            }
            #expect(try await api.get("/api/v1/proposals/MEX-9999/matrix", as: Bodies.secretariat).status == 404)

            // The proposal is on the suggested agenda of the meeting it is tabled for.
            let agenda = try await api.get("/api/v1/bodies/RCM/agenda?today=2025-06-01", as: Bodies.secretariat)
            #expect(agenda["meeting"] as? String == "RCM-XXX" && agenda["state"] as? String == "suggested")
            #expect(agenda.text.contains(#""reference":"MEX-2025""#))
            #expect(
                try await api.get("/api/v1/meetings/RCM-XXX/agenda?today=2025-13-01", as: Bodies.secretariat)["field"]
                    as? String == "today")

            // Bad input: a comment naming another proposal than its path or written under another id, Canada
            // withdrawing Mexico's proposal.
            var head = try await store.head().sequence
            let elsewhere = try await api.post(
                "/api/v1/proposals/MEX-2025/comments",
                Scenario.signed(
                    Scenario.delegate("CAN"), Scenario.own("CAN"),
                    Self.comment(1, "opposes").replacingOccurrences(of: "MEX-2025", with: "MEX-REVIEW")))
            try await Self.expectRefused(elsewhere, status: 422, field: "comment.proposal", store, head: head)
            let misnamed = try await api.post(
                "/api/v1/proposals/MEX-2025/comments",
                Scenario.signed(
                    Scenario.delegate("CAN"), Scenario.own("CAN"),
                    Self.comment(1, "opposes").replacingOccurrences(
                        of: #""item":1"#, with: #""id":"MEX-2025/1/USA","item":1"#)))
            try await Self.expectRefused(misnamed, status: 422, field: "comment.id", store, head: head)
            try await Self.expectRefused(
                try await api.post(
                    "/api/v1/proposals/MEX-2025/withdraw",
                    Scenario.signed(Scenario.delegate("CAN"), Scenario.own("CAN"))),
                rule: "own-delegation", field: "authority.participant", store, head: head)

            // Mexico withdraws it; it takes no more comments.
            let withdrawn = try await api.post(
                "/api/v1/proposals/MEX-2025/withdraw", Scenario.signed(Scenario.delegate("MEX"), Scenario.own("MEX")))
            #expect(withdrawn.status == 200 && withdrawn["value.status"] as? String == "withdrawn")
            head = try await store.head().sequence
            try await Self.expectRefused(
                try await api.post(
                    "/api/v1/proposals/MEX-2025/comments",
                    Scenario.signed(Scenario.delegate("CAN"), Scenario.own("CAN"), Self.comment(2, "opposes"))),
                rule: "proposal-open", field: "comment.proposal", store, head: head)
            #expect(
                (try await api.get("/api/v1/proposals?status=withdrawn", as: Bodies.secretariat)["items"] as? [Any])?
                    .count == 1)
        }
    }

    @Test func draftAdoptedOnlyByComputedConsensus() async throws {
        try await withAPI(demo: true) { api, store in
            // Setup: the XXX RCM, and a draft approving Mexico's proposed activity on returns, adding Mexico
            // as a lead of a pillar of the workplan the XXIII RCM approved, and withdrawing a proposed area it
            // supersedes.
            try await Self.recordMeeting(api)
            #expect(try await api.get("/api/v1/plan").text.contains(#""MPM-4.1""#) == false)
            let effects = """
                [{"kind":"change-status","number":"MPM-4.1","status":"approved"},\
                {"kind":"amend-item","amendment":{"number":"TS-2","leads":["IOM","MEX"]}},\
                {"kind":"change-status","number":"MPM-10","status":"withdrawn"}]
                """
            try await Self.table(api, paragraph: "1", text: "Approves the activity on returns", effects: effects)
            #expect(
                (try await api.get("/api/v1/meetings/RCM-XXX/drafts", as: Bodies.secretariat)["items"] as? [Any])?.count
                    == 1)

            // Act: Mexico's and Guatemala's delegates record their own positions, the Secretariat records
            // Canada's on its behalf, and the United States reserves its position.
            let mexico = try await Self.position(api, "1", "MEX", "supports")
            #expect(mexico.status == 201, "\(mexico.text)")
            let canada = try await api.post(
                "/api/v1/drafts/RCM-XXX/1/positions",
                Scenario.signed(
                    Bodies.secretariat, Scenario.own("CAN"),
                    #""position":{"participant":"CAN","position":"does-not-object"}"#))
            #expect(canada.status == 201, "\(canada.text)")
            #expect(try await Self.position(api, "1", "GTM", "supports").status == 201)
            #expect(try await Self.position(api, "1", "USA", "reservation-pending-consultation").status == 201)

            // Check: the record says who recorded each position, and the consensus is computed from them.
            let draft = try await api.get("/api/v1/drafts/RCM-XXX/1", as: Bodies.secretariat)
            let positions = try #require(draft["draft.positions"] as? [[String: Any]])
            let recorded = Dictionary(
                uniqueKeysWithValues: positions.map {
                    ($0["participant"] as? String ?? "", $0["recordedBy"] as? String)
                })
            #expect(recorded == ["MEX": "delegation", "CAN": "secretariat", "GTM": "delegation", "USA": "delegation"])
            #expect(positions.first { $0["participant"] as? String == "CAN" }?["recorder"] as? String == "ana.ts")
            #expect(draft["consensus.present"] as? [String] == Self.present)
            #expect(draft["consensus.reserving"] as? [String] == ["USA"])
            #expect(draft["isAdoptable"] as? Bool == false)
            #expect((draft["obstacle"] as? String)?.contains("USA has a reservation") == true)

            // Bad input, each refused with nothing stored: a draft tabled as if already adopted, then rules.
            let head = try await store.head().sequence
            let preAdopted =
                #""draft":{"meeting":"RCM-XXX","paragraph":"5","kind":"decision","text":\#(Bodies.text("Done")),"status":"adopted"}"#
            try await Self.expectRefused(
                try await api.post(
                    "/api/v1/meetings/RCM-XXX/drafts",
                    Scenario.signed(Bodies.secretariat, Bodies.editorial("drafting"), preAdopted)),
                status: 422, field: "draft.status", store, head: head)
            try await Self.expectRefused(
                try await Self.adopt(api, "1"), rule: "consensus", field: "positions", store, head: head)
            let observer = #"{"name":"observer.iom","role":"observer","participant":"IOM"}"#
            let observers = #""position":{"participant":"IOM","position":"supports"}"#
            // An observer does not read draft decisions: to its account the draft is not there (404)…
            try await Self.expectRefused(
                try await api.post(
                    "/api/v1/drafts/RCM-XXX/1/positions", Scenario.signed(observer, Scenario.own("IOM"), observers)),
                status: 404, field: "code", store, head: head)
            // …and nobody records one for it, the Secretariat included: observers take no position.
            try await Self.expectRefused(
                try await api.post(
                    "/api/v1/drafts/RCM-XXX/1/positions",
                    Scenario.signed(Bodies.secretariat, Scenario.own("IOM"), observers)),
                rule: "observers-take-no-position", field: "position.participant", store, head: head)
            try await Self.expectRefused(
                try await api.post(
                    "/api/v1/drafts/RCM-XXX/1/positions",
                    Scenario.signed(
                        Scenario.delegate("MEX"), Scenario.own("USA"),
                        #""position":{"participant":"USA","position":"does-not-object"}"#)),
                rule: "own-delegation", field: "position.participant", store, head: head)
            try await Self.expectRefused(
                try await Self.adopt(api, "1", citing: "RCM-IV/2"), rule: "adoption-authority", field: "authority",
                store, head: head)
            try await Self.expectRefused(
                try await Self.adopt(api, "1", citing: "RCM-XXX/9"), status: 422, field: "authority.decision", store,
                head: head)
            try await Self.expectRefused(try await Self.adopt(api, "9"), status: 404, field: "code", store, head: head)

            // The United States lifts its reservation: the draft is adopted and its effects applied.
            #expect(try await Self.position(api, "1", "USA", "does-not-object").status == 201)
            #expect(
                try await api.get("/api/v1/drafts/RCM-XXX/1", as: Bodies.secretariat)["isAdoptable"] as? Bool == true)
            let adopted = try await Self.adopt(api, "1")
            #expect(adopted.status == 201, "\(adopted.text)")
            #expect(adopted["value.id"] as? String == "RCM-XXX/1")
            #expect(adopted["entry.kind"] as? String == "adopt-draft")
            #expect(adopted["entry.decision"] as? String == "RCM-XXX/1")
            #expect(adopted["value.adoption.joining"] as? [String] == Self.present)
            #expect(try await api.get("/api/v1/decisions/RCM-XXX/1").status == 200)
            #expect(
                try await api.get("/api/v1/drafts/RCM-XXX/1", as: Bodies.secretariat)["draft.status"] as? String
                    == "adopted")
            let plan = try await api.get("/api/v1/plan")
            #expect(plan.text.contains(#""number":"MPM-4.1""#) && plan.text.contains(#""approvedBy":"RCM-XXX/1""#))
            #expect(try await api.get("/api/v1/items/TS-2")["leads"] as? [String] == ["IOM", "MEX"])
            #expect(try await api.get("/api/v1/items/MPM-10")["status"] as? String == "withdrawn")
            var after = try await store.head().sequence
            try await Self.expectRefused(
                try await Self.adopt(api, "1"), rule: "draft-open", field: "draft", store, head: after)

            // An effect on an archived item fails the adoption as a whole, even with everyone's support.
            let amend = #"[{"kind":"amend-item","amendment":{"number":"MPM-10","leads":["MEX"]}}]"#
            try await Self.table(api, paragraph: "2", text: "Mexico leads the area", effects: amend)
            for country in Self.present {
                #expect(try await Self.position(api, "2", country, "supports").status == 201)
            }
            after = try await store.head().sequence
            try await Self.expectRefused(
                try await Self.adopt(api, "2"), rule: "archived-item", field: "effects[0].amendment.number", store,
                head: after)
            let tabledOff = try await api.post(
                "/api/v1/drafts/RCM-XXX/2/withdraw",
                Scenario.signed(Bodies.secretariat, Bodies.editorial("not taken up")))
            #expect(tabledOff.status == 200 && tabledOff["value.status"] as? String == "withdrawn")
            #expect(try await store.verify().isValid)
        }
    }

    @Test func challengedTranslationHoldsTheEdition() async throws {
        try await withAPI(demo: true) { api, store in
            // Setup: the XXX RCM.
            try await Self.recordMeeting(api)
            let original = "Cooperación judicial"
            let revised = "Cooperación en materia judicial"

            // Act: the Secretariat revises the Spanish translation of an approved pillar of a workplan.
            let translation = #"""
                {"actor":\#(Bodies.secretariat),"authority":\#(Bodies.editorial("Spanish translation revised")),\#
                "amendment":{"title":{"authoritative":"en","en":"Judicial cooperation","es":"\#(revised)",\#
                "fr":"Coopération judiciaire"}}}
                """#
            let translated = try await api.patch("/api/v1/items/TS-2", translation)
            #expect(translated.status == 200, "\(translated.text)")
            let sequence = try #require(translated["entry.sequence"] as? Int)
            let editorials = try #require(
                try await api.get("/api/v1/editorials", as: Bodies.secretariat)["items"] as? [[String: Any]])
            #expect(
                editorials.first?["sequence"] as? Int == sequence && editorials.first?["item"] as? String == "TS-2")

            // An observer cannot challenge it; Guatemala can, and the item shows its earlier wording.
            var head = try await store.head().sequence
            let observer = #"{"name":"observer.iom","role":"observer","participant":"IOM"}"#
            try await Self.expectRefused(
                try await api.post(
                    "/api/v1/challenges",
                    Scenario.signed(observer, Scenario.own("IOM"), Self.challenge(sequence, "IOM"))),
                rule: "member-challenges", field: "challenge.participant", store, head: head)
            let challenged = try await api.post(
                "/api/v1/challenges",
                Scenario.signed(Scenario.delegate("GTM"), Scenario.own("GTM"), Self.challenge(sequence, "GTM")))
            #expect(challenged.status == 201, "\(challenged.text)")
            #expect(challenged["value.status"] as? String == "held")
            #expect(try await api.get("/api/v1/items/TS-2")["title.es"] as? String == original)
            #expect(
                (try await api.get("/api/v1/challenges?status=held", as: Bodies.secretariat)["items"] as? [Any])?.count
                    == 1)
            #expect(
                try await api.get("/api/v1/challenges/C-\(sequence)", as: Bodies.secretariat)["challenger"] as? String
                    == "GTM")

            // Check: nothing is proposed for publication while the challenge is held, and only a decision's
            // declared effect settles it, never an entry of its own.
            head = try await store.head().sequence
            try await Self.expectRefused(
                try await Self.publish(api, at: head),
                rule: "revision-report", field: "edition", store, head: head)
            try await Self.expectRefused(
                try await api.patch("/api/v1/items/TS-2", translation), rule: "held-change",
                field: "amendment.number", store, head: head)
            try await Self.expectRefused(
                try await api.post(
                    "/api/v1/challenges/C-\(sequence)/settle",
                    Scenario.signed(Bodies.secretariat, Bodies.editorial("agreed"), #""settlement":"confirm""#)),
                rule: "declared-effect", field: "change.kind", store, head: head)
            // The XXX RCM's paragraph 3, transcribed from its Declaration: it confirms the translation and approves
            // the revised plan. It is pending until the Presidency confirms the transcription.
            let approval =
                #"{"id":"RCM-XXX/3","meeting":"RCM-XXX","paragraph":"3","kind":"decision","text":\#(Bodies.text("Confirms the translation and approves the 2025 edition of the Plan of Action")),"effects":[{"kind":"settle-challenge","challenge":"C-\#(sequence)","settlement":"confirm"},{"kind":"approve-revised-plan"}]}"#
            #expect(try await api.post("/api/v1/decisions", Bodies.signed("decision", approval)).status == 201)
            head = try await store.head().sequence
            try await Self.expectRefused(
                try await api.post(
                    "/api/v1/challenges/C-\(sequence)/settle",
                    Scenario.signed(Bodies.secretariat, Bodies.decision("RCM-XXX/3"), #""settlement":"confirm""#)),
                rule: "declared-effect", field: "authority.decision", store, head: head)
            #expect(try await api.get("/api/v1/items/TS-2")["title.es"] as? String == original)
            let confirmed = try await api.post(
                "/api/v1/decisions/RCM-XXX/3/confirm",
                Scenario.signed(GovernanceAPIScenario.presidency, Bodies.decision("RCM-XXX/3")))
            #expect(confirmed.status == 200, "\(confirmed.text)")
            #expect(
                try await api.get("/api/v1/challenges/C-\(sequence)", as: Bodies.secretariat)["settledBy"] as? String
                    == "RCM-XXX/3")
            #expect(try await api.get("/api/v1/items/TS-2")["title.es"] as? String == revised)

            // The Secretariat proposes the edition; it is published once the Presidency approves it.
            let proposed = try await Self.publish(api, at: try await store.head().sequence)
            #expect(proposed.status == 201, "\(proposed.text)")
            #expect(try await api.get("/api/v1/editions/1", as: Bodies.secretariat)["status"] as? String == "proposed")
            // Until the Presidency approves it, the proposal is a working document: the public does not read it.
            #expect(try await api.get("/api/v1/editions/1").status == 404)
            let approved = try await api.post(
                "/api/v1/editions/1/approve",
                Scenario.signed(GovernanceAPIScenario.presidency, Bodies.decision("RCM-XXX/3")))
            #expect(approved.status == 200, "\(approved.text)")
            #expect(try await api.get("/api/v1/editions/1")["approvedBy"] as? String == "RCM-XXX/3")
            #expect(try await api.get("/api/v1/plan?edition=1").text.contains(original) == false)
            #expect(try await api.get("/api/v1/plan?edition=2")["field"] as? String == "edition")
            let report = try await api.get("/api/v1/revision-report", as: Bodies.secretariat)
            #expect(report.status == 200 && report["isBlocked"] as? Bool == false && report["edition"] as? Int == 1)
            // A draft that changes a lead without a decision is reported, and blocks, with status 200.
            let draft =
                #"{"actor":\#(Bodies.secretariat),"draft":[{"change":{"kind":"amend-item","amendment":{"number":"TS-2","leads":["TS"]}},"actor":\#(Bodies.secretariat),"authority":{"editorial":"cleanup"}}]}"#
            let blocked = try await api.post("/api/v1/revision-report", draft)
            #expect(blocked.status == 200 && blocked["isBlocked"] as? Bool == true, "\(blocked.text)")
            let differences = try #require(blocked["differences"] as? [[String: Any]])
            #expect(differences.count == 1, "\(blocked.text)")
            #expect(
                differences.first?["item"] as? String == "TS-2" && differences.first?["field"] as? String == "leads")
            #expect(differences.first?["coveredBy"] == nil && differences.first?["draftIndex"] as? Int == 0)
            #expect(try await store.verify().isValid)
        }
    }
}
