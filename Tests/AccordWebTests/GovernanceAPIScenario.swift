import AccordCore
import AccordStore
import Foundation
import Testing

/// Governance through the API, on the record the main scenario built (RCM-V approved MPM and MPM-1): a
/// proposal and comments, an RCGM conclusion that may not redefine an RCM-approved activity, the RCM
/// adopting it once a reservation is lifted, a challenged editorial change, an edition and agendas.
enum GovernanceAPIScenario {
    static func delegate(_ country: String) -> String {
        #"{"name":"delegate.\#(country.lowercased())","role":"delegate","participant":"\#(country)"}"#
    }

    static func own(_ country: String) -> String { #"{"participant":"\#(country)"}"# }

    static func signed(_ actor: String, _ authority: String, _ fields: String = "") -> String {
        #"{"actor":\#(actor),"authority":\#(authority)\#(fields.isEmpty ? "" : ",")\#(fields)}"#
    }

    /// Asserts a refusal by rule `rule` that stored nothing.
    static func expectRefused(
        _ answer: APIClient.Answer, rule: String, _ store: Store, head: Int64,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        #expect(answer.status == 409, "\(answer.text)", sourceLocation: sourceLocation)
        #expect(answer["rule"] as? String == rule, "\(answer.text)", sourceLocation: sourceLocation)
        #expect(
            try await store.head().sequence == head, "a refused change stored something", sourceLocation: sourceLocation
        )
    }

    /// The Presidency Pro-Tempore, which acts for the process and names no participant.
    static let presidency = #"{"name":"ppt","role":"presidency"}"#

    /// The Secretariat transcribes `decision` (JSON) through the API; the Presidency confirms it, citing it.
    static func transcribeAndConfirm(_ api: APIClient, _ store: Store, _ id: String, _ decision: String) async throws {
        let transcribed = try await api.post("/api/v1/decisions", Bodies.signed("decision", decision))
        #expect(transcribed.status == 201, "\(transcribed.text)")
        #expect(transcribed["value.status"] as? String == "pending")
        let confirmed = try await api.post("/api/v1/decisions/\(id)/confirm", signed(presidency, Bodies.decision(id)))
        #expect(confirmed.status == 200 && confirmed["value.status"] as? String == "in-force", "\(confirmed.text)")
    }

    static func run(_ api: APIClient, _ store: Store) async throws {
        let ts = Bodies.secretariat
        for meeting in [
            #"{"id":"RCGM-2001","body":"RCGM","title":\#(Bodies.text("RCGM 2001")),"start":"2001-01-10","attendance":["MEX","CAN","USA","IACHR"]}"#,
            #"{"id":"RCM-VI","body":"RCM","title":\#(Bodies.text("VI RCM")),"start":"2001-03-15","attendance":["MEX","CAN","USA","IACHR"]}"#,
        ] {
            #expect(try await api.post("/api/v1/meetings", Bodies.signed("meeting", meeting)).status == 201)
        }
        let activity = Bodies.item(
            "MPM-1.2", "activity", parent: "MPM-1", title: "Seminar on return", status: "approved", leads: ["MEX"])
        try await transcribeAndConfirm(
            api, store, "RCM-V/4",
            #"{"id":"RCM-V/4","meeting":"RCM-V","paragraph":"4","kind":"decision","text":\#(Bodies.text("Approves a seminar on return.")),"effects":[{"kind":"add-item","item":\#(activity)}]}"#
        )

        // Mexico proposes; Canada comments; the matrix shows it.
        let proposal =
            #""proposal":{"id":"MEX-REVIEW","submitter":"MEX","title":\#(Bodies.text("Review the Plan of Action")),"tabledFor":"RCGM-2001","invited":[],"items":[{"number":1,"text":\#(Bodies.text("Convergence of repatriation processes"))}],"status":"open"}"#
        #expect(try await api.post("/api/v1/proposals", signed(delegate("MEX"), own("MEX"), proposal)).status == 201)
        #expect(
            (try await api.get("/api/v1/proposals?submitter=MEX", as: Bodies.secretariat)["items"] as? [Any])?.count
                == 1)
        #expect(
            try await api.get("/api/v1/proposals/MEX-REVIEW", as: Bodies.secretariat)["status"] as? String == "open")
        let comment =
            #""comment":{"proposal":"MEX-REVIEW","item":1,"participant":"CAN","stance":"supports-with-changes","text":\#(Bodies.text("Under the returns item")),"placement":{"parent":"MPM-1"}}"#
        #expect(
            try await api.post("/api/v1/proposals/MEX-REVIEW/comments", signed(delegate("CAN"), own("CAN"), comment))
                .status == 201)
        #expect(
            try await api.post(
                "/api/v1/proposals/MEX-REVIEW/comments",
                signed(
                    delegate("CAN"), own("CAN"),
                    comment.replacingOccurrences(of: #""proposal":"MEX-REVIEW""#, with: #""proposal":"OTHER""#))
            ).status == 422)
        #expect(
            (try await api.get("/api/v1/proposals/MEX-REVIEW/comments", as: Bodies.secretariat)["items"] as? [Any])?
                .count == 1)
        let matrix = try await api.get("/api/v1/proposals/MEX-REVIEW/matrix", as: Bodies.secretariat)
        #expect(
            matrix.text.contains(#""stance":"supports-with-changes""#)
                && matrix["participants"] as? [String] == ["CAN", "USA"])

        // An RCGM conclusion cannot redefine an activity the RCM approved, even with everyone's support.
        let redefine = #"[{"kind":"amend-item","amendment":{"number":"MPM-1.2","leads":["CAN"]}}]"#
        let conclusion =
            #""draft":{"meeting":"RCGM-2001","paragraph":"3","kind":"conclusion","text":\#(Bodies.text("Canada leads the seminar")),"effects":\#(redefine)}"#
        #expect(
            try await api.post(
                "/api/v1/meetings/RCGM-2001/drafts", signed(ts, Bodies.editorial("drafting"), conclusion)
            ).status == 201)
        #expect(
            (try await api.get("/api/v1/meetings/RCGM-2001/drafts", as: Bodies.secretariat)["items"] as? [Any])?.count
                == 1)
        for country in ["MEX", "USA"] {
            let position = #""position":{"participant":"\#(country)","position":"supports"}"#
            #expect(
                try await api.post(
                    "/api/v1/drafts/RCGM-2001/3/positions", signed(delegate(country), own(country), position)
                ).status == 201)
        }
        // Canada's position recorded by the Secretariat on its behalf; the record says so.
        let onBehalf = #""position":{"participant":"CAN","position":"does-not-object"}"#
        #expect(
            try await api.post("/api/v1/drafts/RCGM-2001/3/positions", signed(ts, own("CAN"), onBehalf)).status == 201)
        let draft = try await api.get("/api/v1/drafts/RCGM-2001/3", as: Bodies.secretariat)
        #expect(draft["isAdoptable"] as? Bool == true)
        #expect(draft.text.contains(#""recordedBy":"secretariat""#))
        var head = try await store.head().sequence
        try await expectRefused(
            try await api.post("/api/v1/drafts/RCGM-2001/3/adopt", signed(ts, Bodies.decision("RCGM-2001/3"))),
            rule: "approval-level", store, head: head)

        // The RCM: refused while the United States' reservation is pending, adopted once it is lifted.
        let decision = conclusion.replacingOccurrences(of: "RCGM-2001", with: "RCM-VI").replacingOccurrences(
            of: #""paragraph":"3","kind":"conclusion""#, with: #""paragraph":"4","kind":"decision""#)
        #expect(
            try await api.post("/api/v1/meetings/RCM-VI/drafts", signed(ts, Bodies.editorial("drafting"), decision))
                .status == 201)
        for (country, position) in [
            ("MEX", "supports"), ("CAN", "supports"), ("USA", "reservation-pending-consultation"),
        ] {
            let body = #""position":{"participant":"\#(country)","position":"\#(position)"}"#
            #expect(
                try await api.post("/api/v1/drafts/RCM-VI/4/positions", signed(delegate(country), own(country), body))
                    .status == 201)
        }
        head = try await store.head().sequence
        try await expectRefused(
            try await api.post("/api/v1/drafts/RCM-VI/4/adopt", signed(ts, Bodies.decision("RCM-VI/4"))),
            rule: "consensus",
            store, head: head)
        // Bad positions: an observer, a delegate speaking for another country.
        try await expectRefused(
            try await api.post(
                "/api/v1/drafts/RCM-VI/4/positions",
                signed(ts, own("IACHR"), #""position":{"participant":"IACHR","position":"supports"}"#)),
            rule: "observers-take-no-position", store, head: head)
        try await expectRefused(
            try await api.post(
                "/api/v1/drafts/RCM-VI/4/positions",
                signed(delegate("MEX"), own("USA"), #""position":{"participant":"USA","position":"supports"}"#)),
            rule: "own-delegation", store, head: head)
        #expect(
            try await api.post("/api/v1/drafts/RCM-VI/99/adopt", signed(ts, Bodies.decision("RCM-VI/99"))).status == 404
        )
        let lifted = #""position":{"participant":"USA","position":"does-not-object"}"#
        #expect(
            try await api.post("/api/v1/drafts/RCM-VI/4/positions", signed(delegate("USA"), own("USA"), lifted)).status
                == 201)
        let adopted = try await api.post("/api/v1/drafts/RCM-VI/4/adopt", signed(ts, Bodies.decision("RCM-VI/4")))
        #expect(adopted.status == 201, "\(adopted.text)")
        #expect(adopted["value.id"] as? String == "RCM-VI/4")
        #expect(try await api.get("/api/v1/items/MPM-1.2").text.contains(#""leads":["CAN"]"#))

        // A draft taken off the table.
        let spare = decision.replacingOccurrences(of: #""paragraph":"4""#, with: #""paragraph":"5""#)
        #expect(
            try await api.post("/api/v1/meetings/RCM-VI/drafts", signed(ts, Bodies.editorial("drafting"), spare)).status
                == 201)
        #expect(
            try await api.post("/api/v1/drafts/RCM-VI/5/withdraw", signed(ts, Bodies.editorial("not discussed"))).status
                == 200)

        // An editorial translation, challenged by Mexico: held, and an edition waits for its settlement.
        let translation =
            #"{"actor":\#(ts),"authority":\#(Bodies.editorial("Spanish translation")),"amendment":{"title":\#(Bodies.text("Seminar on return", es: "Seminario sobre el retorno"))}}"#
        let translated = try await api.patch("/api/v1/items/MPM-1.2", translation)
        #expect(translated.status == 200)
        let sequence = try #require(translated["entry.sequence"] as? Int)
        #expect(
            (try await api.get("/api/v1/editorials", as: Bodies.secretariat)["items"] as? [[String: Any]])?.first?[
                "sequence"] as? Int
                == sequence)
        let challenge =
            #""challenge":{"sequence":\#(sequence),"participant":"MEX","reason":\#(Bodies.text("It narrows the scope"))}"#
        #expect(try await api.post("/api/v1/challenges", signed(delegate("MEX"), own("MEX"), challenge)).status == 201)
        #expect(
            (try await api.get("/api/v1/challenges?status=held", as: Bodies.secretariat)["items"] as? [Any])?.count == 1
        )
        #expect(
            try await api.get("/api/v1/challenges/C-\(sequence)", as: Bodies.secretariat)["status"] as? String == "held"
        )
        head = try await store.head().sequence
        let edition =
            #""edition":{"number":1,"title":\#(Bodies.text("Plan of Action 2001")),"date":"2001-03","position":\#(head)}"#
        try await expectRefused(
            try await api.post("/api/v1/editions", signed(ts, Bodies.editorial("proposed"), edition)),
            rule: "revision-report",
            store, head: head)
        // A settlement is a decision's declared effect: citing a decision that declares none settles nothing.
        try await expectRefused(
            try await api.post(
                "/api/v1/challenges/C-\(sequence)/settle",
                signed(ts, Bodies.decision("RCM-VI/4"), #""settlement":"reject""#)),
            rule: "declared-effect", store, head: head)
        try await transcribeAndConfirm(
            api, store, "RCM-VI/6",
            #"{"id":"RCM-VI/6","meeting":"RCM-VI","paragraph":"6","kind":"decision","text":\#(Bodies.text("Keeps the earlier wording and approves the revised plan.")),"effects":[{"kind":"settle-challenge","challenge":"C-\#(sequence)","settlement":"reject"},{"kind":"approve-revised-plan"}]}"#
        )
        #expect(
            try await api.get("/api/v1/challenges/C-\(sequence)", as: Bodies.secretariat)["status"] as? String
                == "rejected")
        #expect(try await api.post("/api/v1/editions", signed(ts, Bodies.editorial("proposed"), edition)).status == 201)
        // Approving is the Presidency's: the Secretariat's approval is refused, whoever it cites.
        head = try await store.head().sequence
        try await expectRefused(
            try await api.post("/api/v1/editions/1/approve", signed(ts, Bodies.decision("RCM-VI/6"))),
            rule: "capacity", store, head: head)
        let approved = try await api.post("/api/v1/editions/1/approve", signed(presidency, Bodies.decision("RCM-VI/6")))
        #expect(approved.status == 200 && approved["value.status"] as? String == "approved", "\(approved.text)")

        // A transcription the Presidency rejects, saying why: the Secretariat cannot review its own work, and a
        // rejected transcription is not confirmed after.
        let mistyped =
            #"{"id":"RCM-VI/7","meeting":"RCM-VI","paragraph":"7","kind":"conclusion","text":\#(Bodies.text("Takes note of the report.")),"effects":[]}"#
        #expect(try await api.post("/api/v1/decisions", Bodies.signed("decision", mistyped)).status == 201)
        let reason = #""reason":\#(Bodies.text("Paragraph 7 of the Declaration says otherwise"))"#
        head = try await store.head().sequence
        try await expectRefused(
            try await api.post("/api/v1/decisions/RCM-VI/7/reject", signed(ts, Bodies.decision("RCM-VI/7"), reason)),
            rule: "capacity", store, head: head)
        let rejected = try await api.post(
            "/api/v1/decisions/RCM-VI/7/reject", signed(presidency, Bodies.decision("RCM-VI/7"), reason))
        #expect(rejected.status == 200 && rejected["value.status"] as? String == "rejected", "\(rejected.text)")
        #expect(rejected["value.rejection.en"] as? String == "Paragraph 7 of the Declaration says otherwise")
        head = try await store.head().sequence
        try await expectRefused(
            try await api.post("/api/v1/decisions/RCM-VI/7/confirm", signed(presidency, Bodies.decision("RCM-VI/7"))),
            rule: "transcription-pending", store, head: head)
        #expect((try await api.get("/api/v1/editions")["items"] as? [Any])?.count == 1)
        #expect(try await api.get("/api/v1/editions/1")["approvedBy"] as? String == "RCM-VI/6")
        #expect(try await api.get("/api/v1/plan?edition=1").text.contains("MPM-1.2"))

        // Comparison and the revision report.
        let comparison = try await api.get("/api/v1/compare?from=@1&to=1")
        #expect(comparison.status == 200 && comparison.text.contains("MPM-1.2"))
        #expect(try await api.get("/api/v1/compare?from=seven").status == 400)
        let report = try await api.get("/api/v1/revision-report", as: Bodies.secretariat)
        #expect(report["isBlocked"] as? Bool == false && report["edition"] as? Int == 1)
        let cleanup =
            #"{"actor":\#(ts),"draft":[{"change":{"kind":"amend-item","amendment":{"number":"MPM-1.2","leads":["TS"]}},"actor":\#(ts),"authority":{"editorial":"cleanup"}}]}"#
        let blocked = try await api.post("/api/v1/revision-report", cleanup)
        #expect(blocked["isBlocked"] as? Bool == true, "\(blocked.text)")

        // Standing items and agendas: the Secretariat sets the draft, the Presidency approves it.
        let standing =
            #""standingItem":{"id":"RCGM-RETURNS","body":"RCGM","title":\#(Bodies.text("Regional and extra-regional returns")),"purpose":"discussion","status":"suggested","note":\#(Bodies.text("Suggested by Canada"))}"#
        #expect(
            try await api.post("/api/v1/standing-items", signed(ts, Bodies.editorial("a suggestion"), standing))
                .status == 201)
        #expect(
            (try await api.get("/api/v1/standing-items?body=RCGM", as: Bodies.secretariat)["items"] as? [Any])?.count
                == 1)
        #expect(try await api.get("/api/v1/standing-items/RCGM-RETURNS", as: Bodies.secretariat).status == 200)
        let suggested = try await api.get("/api/v1/meetings/RCGM-2001/agenda?today=2000-12-01", as: Bodies.secretariat)
        #expect(suggested["state"] as? String == "suggested")
        #expect(suggested.text.contains("RCGM-RETURNS") && suggested.text.contains("MEX-REVIEW"))
        #expect(
            try await api.get("/api/v1/bodies/RCGM/agenda?today=2000-12-01", as: Bodies.secretariat)["meeting"]
                as? String == "RCGM-2001")
        #expect(try await api.get("/api/v1/bodies/RCGM/agenda?today=2030-01-01", as: Bodies.secretariat).status == 404)
        let agenda =
            #""agenda":{"meeting":"RCGM-2001","items":[{"title":\#(Bodies.text("Returns")),"source":"standing","purpose":"discussion","reference":"RCGM-RETURNS","leads":[]}],"status":"draft"}"#
        #expect(
            try await api.put("/api/v1/meetings/RCGM-2001/agenda", signed(ts, Bodies.editorial("draft agenda"), agenda))
                .status == 200)
        head = try await store.head().sequence
        try await expectRefused(
            try await api.post("/api/v1/meetings/RCGM-2001/agenda/approve", signed(ts, Bodies.editorial("approval"))),
            rule: "capacity", store, head: head)
        // The Presidency acts for the process, not for one member state: its account names no participant.
        let presidency = #"{"name":"ppt","role":"presidency"}"#
        #expect(
            try await api.post(
                "/api/v1/meetings/RCGM-2001/agenda/approve", signed(presidency, Bodies.editorial("approved"))
            )
            .status == 200)
        #expect(
            try await api.get("/api/v1/meetings/RCGM-2001/agenda", as: Bodies.secretariat)["state"] as? String
                == "approved")

        // Mexico withdraws its proposal; it takes no more comments.
        #expect(
            try await api.post("/api/v1/proposals/MEX-REVIEW/withdraw", signed(delegate("MEX"), own("MEX"))).status
                == 200)
        head = try await store.head().sequence
        try await expectRefused(
            try await api.post("/api/v1/proposals/MEX-REVIEW/comments", signed(delegate("CAN"), own("CAN"), comment)),
            rule: "proposal-open", store, head: head)
    }
}
