/// The schemas of governance: proposals, comments, drafts, positions, challenges, editions, agendas, and
/// the comparison and revision report answers.
extension OpenAPISchemas {
    private static let integer: JSONValue = ["type": "integer"]
    private static let boolean: JSONValue = ["type": "boolean"]
    /// A value whose shape is one of several, described in words: changes are tagged by their `kind`.
    private static let anyObject: JSONValue = ["type": "object"]

    static let governance: [(String, JSONValue)] = [
        ("ProposalStatus", strings(["open", "withdrawn"])),
        (
            "Stance",
            strings(["supports", "supports-with-changes", "has-concerns", "reserves-pending-consultation", "opposes"])
        ),
        ("Position", strings(["supports", "does-not-object", "reservation-pending-consultation", "objects"])),
        ("DraftStatus", strings(["draft", "adopted", "withdrawn"])),
        ("ChallengeStatus", strings(["held", "confirmed", "rejected"])),
        ("Settlement", strings(["confirm", "reject"])),
        ("AgendaStatus", strings(["draft", "approved"])),
        ("AgendaPurpose", strings(["discussion", "information"])),
        (
            "AgendaSource",
            strings(["standing", "suggested-standing", "due", "overdue", "proposal", "workplan-update", "other"])
        ),
        (
            "Placement",
            object([], [("parent", text), ("workplan", text), ("note", ref("LocalizedText"))])
        ),
        (
            "ProposalItem",
            object(
                ["number", "text"], [("number", integer), ("text", ref("LocalizedText")), ("target", ref("Placement"))])
        ),
        (
            "Proposal",
            object(
                ["id", "submitter", "title", "invited", "items", "status"],
                [
                    ("id", code), ("submitter", text), ("title", ref("LocalizedText")),
                    ("submitted", ref("PartialDate")),
                    ("tabledFor", text), ("invited", array(text)), ("items", array(ref("ProposalItem"))),
                    ("status", ref("ProposalStatus")),
                ])
        ),
        (
            "Comment",
            object(
                ["id", "proposal", "item", "participant", "stance", "text"],
                [
                    ("id", ["type": "string", "description": "PROPOSAL/ITEM/PARTICIPANT"]), ("proposal", text),
                    ("item", integer), ("participant", text), ("stance", ref("Stance")), ("text", ref("LocalizedText")),
                    ("placement", ref("Placement")),
                ])
        ),
        (
            "CommentMatrix",
            object(
                ["proposal", "participants", "rows"],
                [
                    ("proposal", text), ("participants", array(text)),
                    (
                        "rows",
                        array(
                            object(
                                ["item", "text", "cells"],
                                [
                                    ("item", integer), ("text", ref("LocalizedText")),
                                    (
                                        "cells",
                                        array(
                                            object(
                                                ["participant"],
                                                [
                                                    ("participant", text), ("comment", text), ("stance", ref("Stance")),
                                                    ("placement", ref("Placement")),
                                                ]))
                                    ),
                                ]))
                    ),
                ])
        ),
        (
            "Change",
            [
                "type": "object", "required": ["kind"],
                "description": "A change of the record, tagged by its kind (add-item, amend-item, change-status, …)",
                "properties": ["kind": text],
            ]
        ),
        (
            "PositionRecord",
            object(
                ["participant", "position", "recordedBy", "recorder"],
                [
                    ("participant", text), ("position", ref("Position")),
                    ("recordedBy", strings(["delegation", "secretariat"])), ("recorder", text),
                    ("note", ref("LocalizedText")),
                ])
        ),
        (
            "DraftDecision",
            object(
                ["meeting", "paragraph", "kind", "text"],
                [
                    ("id", text), ("meeting", text), ("paragraph", text), ("kind", ref("DecisionKind")),
                    ("text", ref("LocalizedText")), ("effects", array(ref("Change"))),
                    ("positions", array(ref("PositionRecord"))), ("status", ref("DraftStatus")),
                ])
        ),
        (
            "PositionFields",
            object(
                ["participant", "position"],
                [("participant", text), ("position", ref("Position")), ("note", ref("LocalizedText"))])
        ),
        (
            "Consensus",
            object(
                ["present", "joining", "reserving", "objecting", "silent"],
                [
                    ("present", array(text)), ("joining", array(text)), ("reserving", array(text)),
                    ("objecting", array(text)), ("silent", array(text)),
                ])
        ),
        (
            "DraftAnswer",
            object(
                ["draft", "consensus", "isAdoptable"],
                [
                    ("draft", ref("DraftDecision")), ("consensus", ref("Consensus")), ("isAdoptable", boolean),
                    ("obstacle", text),
                ])
        ),
        (
            "ChallengeStatement",
            object(
                ["sequence", "participant", "reason"],
                [("sequence", integer), ("participant", text), ("reason", ref("LocalizedText"))])
        ),
        ("ItemFields", anyObject),
        (
            "EditorialChange",
            object(
                ["sequence", "item", "before", "after"],
                [("sequence", integer), ("item", text), ("before", ref("ItemFields")), ("after", ref("ItemFields"))])
        ),
        (
            "Challenge",
            object(
                ["id", "sequence", "item", "challenger", "reason", "before", "after", "status"],
                [
                    ("id", text), ("sequence", integer), ("item", text), ("challenger", text),
                    ("reason", ref("LocalizedText")), ("before", ref("ItemFields")), ("after", ref("ItemFields")),
                    ("status", ref("ChallengeStatus")), ("settledBy", text),
                ])
        ),
        (
            "Edition",
            object(
                ["number", "title", "date", "position"],
                [
                    ("number", integer), ("title", ref("LocalizedText")), ("date", ref("PartialDate")),
                    ("position", integer), ("approvedBy", text),
                ])
        ),
        (
            "StandingItem",
            object(
                ["id", "body", "title", "purpose", "status"],
                [
                    ("id", text), ("body", text), ("title", ref("LocalizedText")), ("lead", ref("Lead")),
                    ("purpose", ref("AgendaPurpose")), ("status", strings(["standing", "suggested"])),
                    ("approvedBy", text), ("note", ref("LocalizedText")),
                ])
        ),
        (
            "AgendaEntry",
            object(
                ["title", "source", "purpose", "leads"],
                [
                    ("title", ref("LocalizedText")), ("source", ref("AgendaSource")), ("purpose", ref("AgendaPurpose")),
                    ("reference", text), ("leads", array(ref("Lead"))),
                ])
        ),
        (
            "Agenda",
            object(
                ["meeting", "items", "status"],
                [("meeting", text), ("items", array(ref("AgendaEntry"))), ("status", ref("AgendaStatus"))])
        ),
        (
            "AgendaAnswer",
            object(
                ["meeting", "agenda", "state"],
                [("meeting", text), ("agenda", ref("Agenda")), ("state", strings(["suggested", "draft", "approved"]))])
        ),
        (
            "ProposedChange",
            object(
                ["change", "actor", "authority"],
                [("change", ref("Change")), ("actor", ref("Actor")), ("authority", ref("Authority"))])
        ),
        (
            "PlanComparison",
            object(
                ["from", "to", "items", "workplans", "summary"],
                [
                    ("from", integer), ("to", integer),
                    (
                        "items",
                        array([
                            "type": "object", "required": ["number", "kind", "title", "texts"],
                            "description": "An item that differs, with word-level diffs of its texts",
                        ])
                    ),
                    ("workplans", array(anyObject)),
                    ("summary", ["type": "object", "additionalProperties": integer]),
                ])
        ),
        (
            "RevisionReport",
            object(
                ["from", "head", "draftChanges", "differences", "editorialDifferences", "refusals", "isBlocked"],
                [
                    ("edition", integer), ("from", integer), ("head", integer), ("draftChanges", integer),
                    (
                        "differences",
                        array(
                            object(
                                ["item", "field"],
                                [
                                    ("item", text), ("field", text), ("before", text), ("after", text),
                                    ("coveredBy", text), ("entry", integer), ("draftIndex", integer), ("problem", text),
                                ]))
                    ),
                    ("editorialDifferences", integer),
                    (
                        "refusals",
                        array(
                            object(
                                ["draftIndex", "field", "reason"],
                                [("draftIndex", integer), ("field", text), ("rule", text), ("reason", text)]))
                    ),
                    ("isBlocked", boolean),
                ])
        ),
    ]
}
