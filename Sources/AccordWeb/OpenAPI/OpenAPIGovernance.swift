/// The governance operations: proposals and comments, drafts and positions, editions, comparisons, the
/// revision report, challenges and agendas.
extension OpenAPIDocument {
    static var governancePaths: [(String, JSONValue)] {
        let write: [Int] = [400, 404, 409, 413, 422]
        let draftPath = [pathParameter("meeting"), pathParameter("paragraph")]
        let code = [pathParameter("code")]
        func list(_ schema: String) -> JSONValue {
            [
                "type": "object", "required": ["asOf", "items"],
                "properties": ["asOf": ["type": "integer"], "items": ["type": "array", "items": ref(schema)]],
            ]
        }
        let today = queryParameter("today", ref("PartialDate"), "The date the agenda is prepared on (default: today)")
        let point: (String) -> JSONValue = { name in
            queryParameter(name, ["type": "string"], "An edition number (2), a ledger position (@120) or now (default)")
        }
        return record(
            "proposals", "Proposal",
            filters: [("submitter", ["type": "string"]), ("status", ref("ProposalStatus"))])
            + [
                (
                    "/api/v1/proposals/{code}/withdraw",
                    [
                        "post": operation(
                            "Withdraw a proposal (its submitter)", ok: written("Proposal"), parameters: code,
                            body: signedOnly, errors: write)
                    ]
                ),
                (
                    "/api/v1/proposals/{code}/comments",
                    [
                        "get": operation(
                            "The comments on a proposal's items", ok: list("Comment"), parameters: code, errors: [404]),
                        "post": operation(
                            "File (or replace) a participant's comment on one item", ok: written("Comment"),
                            okStatus: "201", parameters: code, body: signed("comment", ref("Comment")), errors: write),
                    ]
                ),
                (
                    "/api/v1/proposals/{code}/matrix",
                    [
                        "get": operation(
                            "The comment matrix: items × participants", ok: ref("CommentMatrix"), parameters: code,
                            errors: [404])
                    ]
                ),
                (
                    "/api/v1/meetings/{code}/drafts",
                    [
                        "get": operation(
                            "The draft decisions tabled at a meeting", ok: list("DraftDecision"), parameters: code,
                            errors: [404]),
                        "post": operation(
                            "Table a draft paragraph with its effects", ok: written("DraftDecision"), okStatus: "201",
                            parameters: code, body: signed("draft", ref("DraftDecision")), errors: write),
                    ]
                ),
                (
                    "/api/v1/drafts/{meeting}/{paragraph}",
                    [
                        "get": operation(
                            "A draft with the consensus its positions give", ok: ref("DraftAnswer"),
                            parameters: draftPath, errors: [404])
                    ]
                ),
                (
                    "/api/v1/drafts/{meeting}/{paragraph}/positions",
                    [
                        "post": operation(
                            "Record a member state's position (its delegate, or the Secretariat on its behalf)",
                            ok: written("DraftDecision"), okStatus: "201", parameters: draftPath,
                            body: signed("position", ref("PositionFields")), errors: write)
                    ]
                ),
                (
                    "/api/v1/drafts/{meeting}/{paragraph}/adopt",
                    [
                        "post": operation(
                            "Adopt a draft by consensus and apply its effects; the authority is the decision it becomes",
                            ok: written("Decision"), okStatus: "201", parameters: draftPath, body: signedOnly,
                            errors: write)
                    ]
                ),
                (
                    "/api/v1/drafts/{meeting}/{paragraph}/withdraw",
                    [
                        "post": operation(
                            "Take a draft off the table", ok: written("DraftDecision"), parameters: draftPath,
                            body: signedOnly, errors: write)
                    ]
                ),
            ]
            + record("editions", "Edition")
            + record("standing-items", "StandingItem", filters: [("body", ["type": "string"])])
            + [
                (
                    "/api/v1/compare",
                    [
                        "get": operation(
                            "Compare the plan at two points: added, removed, moved, renumbered, status and text changes",
                            ok: ref("PlanComparison"), parameters: [point("from"), point("to")], errors: [400])
                    ]
                ),
                (
                    "/api/v1/revision-report",
                    [
                        "get": operation(
                            "Every substantive difference since the last edition and the decision covering it",
                            ok: ref("RevisionReport"), errors: []),
                        "post": operation(
                            "The same for the working plan plus draft changes", ok: ref("RevisionReport"),
                            body: [
                                "type": "object", "required": ["draft"],
                                "properties": ["draft": ["type": "array", "items": ref("ProposedChange")]],
                            ], errors: [400, 413, 422]),
                    ]
                ),
                (
                    "/api/v1/editorials",
                    [
                        "get": operation(
                            "Editorial changes to approved items, open to challenge", ok: list("EditorialChange"),
                            errors: [])
                    ]
                ),
                (
                    "/api/v1/challenges",
                    [
                        "get": operation(
                            "Challenges of editorial changes", ok: list("Challenge"),
                            parameters: [
                                queryParameter("status", ref("ChallengeStatus"), "Only challenges in this status")
                            ],
                            errors: [400]),
                        "post": operation(
                            "Challenge an editorial change as substantive; the change is held",
                            ok: written("Challenge"),
                            okStatus: "201", body: signed("challenge", ref("ChallengeStatement")), errors: write),
                    ]
                ),
                (
                    "/api/v1/challenges/{code}",
                    ["get": operation("One challenge", ok: ref("Challenge"), parameters: code, errors: [404])]
                ),
                (
                    "/api/v1/challenges/{code}/settle",
                    [
                        "post": operation(
                            "Settle a challenge by a decision: confirm or reject the change", ok: written("Challenge"),
                            parameters: code, body: signed("settlement", ref("Settlement")), errors: write)
                    ]
                ),
                (
                    "/api/v1/meetings/{code}/agenda",
                    [
                        "get": operation(
                            "A meeting's agenda: as set, or as the record suggests it", ok: ref("AgendaAnswer"),
                            parameters: code + [today], errors: [400, 404]),
                        "put": operation(
                            "Set the draft agenda (the Secretariat)", ok: written("Agenda"), parameters: code,
                            body: signed("agenda", ref("Agenda")), errors: write),
                    ]
                ),
                (
                    "/api/v1/meetings/{code}/agenda/approve",
                    [
                        "post": operation(
                            "Approve the agenda (the Presidency)", ok: written("Agenda"), parameters: code,
                            body: signedOnly, errors: write)
                    ]
                ),
                (
                    "/api/v1/bodies/{code}/agenda",
                    [
                        "get": operation(
                            "The agenda of the body's next meeting", ok: ref("AgendaAnswer"),
                            parameters: code + [today], errors: [400, 404])
                    ]
                ),
            ]
    }

    /// A write body with only an authority (the actor is the principal).
    static var signedOnly: JSONValue {
        [
            "type": "object", "required": ["authority"],
            "properties": ["authority": ref("Authority")],
        ]
    }
}
