/// The JSON Schemas (2020-12, as OpenAPI 3.1 uses) of the values the API reads and writes.
enum OpenAPISchemas {
    static func ref(_ name: String) -> JSONValue { OpenAPIDocument.ref(name) }

    static func object(_ required: [String], _ properties: [(String, JSONValue)]) -> JSONValue {
        ["type": "object", "required": .array(required.map { .string($0) }), "properties": .object(properties)]
    }

    static func strings(_ values: [String]) -> JSONValue {
        ["type": "string", "enum": .array(values.map { .string($0) })]
    }

    static let text: JSONValue = ["type": "string"]
    static let code: JSONValue = ["type": "string", "pattern": "^[A-Z0-9][A-Z0-9/-]{1,31}$"]
    static func array(_ items: JSONValue) -> JSONValue { ["type": "array", "items": items] }
    private static func nullable(_ schema: JSONValue) -> JSONValue { ["oneOf": [schema, ["type": "null"]]] }

    /// The key a write body carries each schema under.
    static let singular = [
        "Participant": "participant", "Body": "body", "Meeting": "meeting", "Decision": "decision",
        "Workplan": "workplan", "PlanItem": "item", "Proposal": "proposal", "Edition": "edition",
        "StandingItem": "standingItem",
    ]

    static let all: JSONValue = .object(
        [
            ("Language", strings(["es", "en", "fr"])),
            (
                "LocalizedText",
                [
                    "type": "object", "required": ["authoritative"],
                    "description": "Text in es/en/fr; the authoritative language's text is required",
                    "properties": ["authoritative": ref("Language"), "es": text, "en": text, "fr": text],
                ]
            ),
            (
                "PartialDate",
                [
                    "type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
                    "description": "YYYY, YYYY-MM or YYYY-MM-DD",
                ]
            ),
            (
                "Status",
                strings([
                    "proposed", "approved", "ongoing", "pending-completion", "completed", "withdrawn", "superseded",
                ])
            ),
            ("ParticipantKind", strings(["member-state", "observer-country", "observer-organization"])),
            ("BodyLevel", strings(["network", "consultation-group", "vice-ministerial"])),
            ("DecisionKind", strings(["conclusion", "decision", "recommendation", "declaration"])),
            ("ItemKind", strings(["line-of-action", "area", "activity"])),
            ("PlanVersion", strings(["current", "archive", "proposed"])),
            ("Lead", ["type": "string", "description": "A participant's code, or TS for the Technical Secretariat"]),
            ("Timeline", object([], [("text", ref("LocalizedText")), ("target", ref("PartialDate"))])),
            (
                "Process",
                object(
                    ["id", "name", "languages"],
                    [("id", code), ("name", ref("LocalizedText")), ("languages", array(ref("Language")))])
            ),
            (
                "MembershipEvent",
                object(
                    ["kind"],
                    [
                        ("kind", ref("ParticipantKind")), ("since", ref("PartialDate")), ("decision", text),
                        ("note", ref("LocalizedText")),
                    ])
            ),
            (
                "Participant",
                object(
                    ["id", "kind", "name", "history"],
                    [
                        ("id", code), ("kind", ref("ParticipantKind")), ("name", ref("LocalizedText")),
                        ("history", array(ref("MembershipEvent"))),
                    ])
            ),
            (
                "Body",
                object(
                    ["id", "name", "level"],
                    [("id", code), ("name", ref("LocalizedText")), ("level", ref("BodyLevel")), ("parent", code)])
            ),
            (
                "Meeting",
                object(
                    ["id", "body", "title", "attendance"],
                    [
                        ("id", code), ("body", code), ("title", ref("LocalizedText")), ("start", ref("PartialDate")),
                        ("end", ref("PartialDate")), ("place", ref("LocalizedText")), ("host", code),
                        ("attendance", array(code)), ("theme", ref("LocalizedText")),
                    ])
            ),
            (
                "Decision",
                object(
                    ["id", "meeting", "paragraph", "kind", "text"],
                    [
                        ("id", text), ("meeting", code),
                        ("paragraph", ["type": "string", "pattern": "^[0-9]+(\\.([0-9]+|[a-z]+))*$"]),
                        ("kind", ref("DecisionKind")), ("text", ref("LocalizedText")), ("note", ref("LocalizedText")),
                        (
                            "adoption",
                            [
                                "$ref": "#/components/schemas/Consensus",
                                "description":
                                    "The consensus computed when the paragraph was adopted from a draft in Accord",
                            ]
                        ),
                    ])
            ),
            (
                "PlanItem",
                object(
                    ["number", "kind", "title", "leads", "status"],
                    [
                        ("number", text), ("kind", ref("ItemKind")), ("parent", text), ("workplan", code),
                        ("title", ref("LocalizedText")), ("text", ref("LocalizedText")), ("leads", array(ref("Lead"))),
                        ("timeline", ref("Timeline")), ("status", ref("Status")),
                        (
                            "approvedBy",
                            ["type": "string", "description": "Set by the store from the approving decision"]
                        ),
                    ])
            ),
            (
                "ItemAmendment",
                object(
                    [],
                    [
                        ("title", ref("LocalizedText")), ("text", ref("LocalizedText")), ("leads", array(ref("Lead"))),
                        ("timeline", ref("Timeline")), ("parent", text),
                    ])
            ),
            (
                "Workplan",
                object(
                    ["id", "body", "title", "status"],
                    [
                        ("id", code), ("body", code), ("title", ref("LocalizedText")), ("status", ref("Status")),
                        ("approvedBy", text),
                    ])
            ),
            (
                "Actor",
                object(
                    ["name", "role"],
                    [
                        ("name", text),
                        ("role", strings(["secretariat", "presidency", "delegate", "observer", "system"])),
                        ("participant", code),
                    ])
            ),
            (
                "Authority",
                [
                    "description":
                        "A decision paragraph, an editorial change with its reason, or a participant's own act",
                    "oneOf": [
                        object(
                            ["decision"],
                            [("decision", ["type": "string", "description": "MEETING/PARAGRAPH, e.g. RCM-V/1"])]),
                        object(
                            ["editorial"],
                            [("editorial", ["type": "string", "description": "Why the change is editorial"])]),
                        object(
                            ["participant"],
                            [
                                (
                                    "participant",
                                    [
                                        "type": "string",
                                        "description": "A participant acting for itself (proposal, comment, position)",
                                    ]
                                )
                            ]),
                    ],
                ]
            ),
            (
                "LedgerEntry",
                [
                    "type": "object",
                    "description": "The entry exactly as hashed: sequence, recordedAt, actor, authority, change",
                ]
            ),
            (
                "Entry",
                object(
                    ["sequence", "recordedAt", "actor", "authority", "kind", "hash", "previousHash"],
                    [
                        ("sequence", ["type": "integer"]), ("recordedAt", text), ("actor", text), ("authority", text),
                        ("decision", text), ("kind", text), ("hash", text), ("previousHash", text),
                        ("entry", ref("LedgerEntry")),
                    ])
            ),
            ("LedgerHead", object(["sequence", "hash"], [("sequence", ["type": "integer"]), ("hash", text)])),
            (
                "LedgerPage",
                object(
                    ["head", "entries"],
                    [("head", ref("LedgerHead")), ("entries", array(ref("Entry"))), ("next", ["type": "integer"])])
            ),
            (
                "PlanNode",
                object(
                    ["item", "isContext", "children"],
                    [
                        ("item", ref("PlanItem")), ("isContext", ["type": "boolean"]),
                        ("children", array(ref("PlanNode"))),
                    ])
            ),
            (
                "PlanAnswer",
                object(
                    ["version", "asOf", "nodes"],
                    [
                        ("version", ref("PlanVersion")), ("asOf", ["type": "integer"]),
                        ("nodes", array(ref("PlanNode"))),
                        ("meeting", code),
                    ])
            ),
            (
                "Annex",
                object(["workplan", "nodes"], [("workplan", ref("Workplan")), ("nodes", array(ref("PlanNode")))])
            ),
            (
                "AnnexesAnswer",
                object(
                    ["version", "asOf", "annexes"],
                    [("version", ref("PlanVersion")), ("asOf", ["type": "integer"]), ("annexes", array(ref("Annex")))])
            ),
            (
                "ItemDetail",
                object(
                    ["item", "history"],
                    [
                        ("item", ref("PlanItem")), ("approvalLevel", ref("BodyLevel")),
                        ("history", array(["type": "integer"])),
                    ])
            ),
            (
                "Problem",
                object(
                    ["type", "title", "status", "detail"],
                    [
                        ("type", text), ("title", text), ("status", ["type": "integer"]), ("detail", text),
                        ("field", ["type": "string", "description": "The request field at fault, as a JSON path"]),
                        ("rule", ["type": "string", "description": "The rule of the process that was broken"]),
                        (
                            "problems",
                            [
                                "type": "array", "description": "Every problem of a refused import, by row and column",
                                "items": object(
                                    ["row", "column", "reason"],
                                    [("row", ["type": "integer"]), ("column", text), ("reason", text)]),
                            ]
                        ),
                    ])
            ),
        ] + governance + exportSchemas + sessionSchemas + checkpointSchemas)
}
