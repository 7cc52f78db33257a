/// The follow-up of external plans: plans, mandates, cycles and the report matrix, national reports and their
/// revisions, events and event series. Kept apart from the other areas so that it moves whole into the
/// document's JSON fragments (`openapi/reports.json`) when those replace these Swift tables.
extension OpenAPIDocument {
    static var followUpPaths: [(String, JSONValue)] {
        let write: [Int] = [400, 404, 409, 413, 422]
        let report = [pathParameter("cycle"), pathParameter("mandate"), pathParameter("participant")]
        let text: JSONValue = ["type": "string"]
        return record("external-plans", "ExternalPlan")
            + record(
                "mandates", "Mandate",
                filters: [("plan", text), ("coordinator", text)], replaceable: true)
            + record("cycles", "ReportingCycle", filters: [("plan", text)], replaceable: true)
            + record(
                "events", "Event", filters: [("kind", ref("EventKind")), ("mandate", text), ("series", text)],
                replaceable: true)
            + record("event-series", "EventSeries")
            + [
                (
                    "/api/v1/feed",
                    [
                        "get": [
                            "summary": "An Atom feed (RFC 4287) of what changed, as the reader may see it",
                            "parameters": [
                                queryParameter("lang", ref("Language"), "The feed's language (en by default)")
                            ],
                            "responses": [
                                "200": [
                                    "description": "Success",
                                    "content": ["application/atom+xml": ["schema": ["type": "string"]]],
                                ],
                                "400": [
                                    "description": "Bad Request",
                                    "content": ["application/problem+json": ["schema": ref("Problem")]],
                                ],
                                "401": [
                                    "description": "Unauthorized",
                                    "content": ["application/problem+json": ["schema": ref("Problem")]],
                                ],
                            ],
                        ]
                    ]
                ),
                (
                    "/api/v1/event-series/{code}/occurrences",
                    [
                        "get": operation(
                            "A series with the events that took place and when the next is due",
                            ok: ref("SeriesAnswer"), parameters: [pathParameter("code")], errors: [404])
                    ]
                ),
                (
                    "/api/v1/cycles/{code}/matrix",
                    [
                        "get": operation(
                            "Mandates × member states for a cycle: submitted, draft, late or none, and who has not "
                                + "filed; the public counts published reports only",
                            ok: ref("MatrixAnswer"),
                            parameters: [
                                pathParameter("code"),
                                queryParameter("country", text, "Only this country's column"),
                                queryParameter("mandate", text, "Only this mandate's row"),
                            ], errors: [404])
                    ]
                ),
                (
                    "/api/v1/reports",
                    [
                        "get": operation(
                            "Reports (the public reads published ones only)",
                            ok: [
                                "type": "object", "required": ["asOf", "items"],
                                "properties": [
                                    "asOf": ["type": "integer"],
                                    "items": ["type": "array", "items": ref("NationalReport")],
                                ],
                            ],
                            parameters: [
                                queryParameter("cycle", text, "Only this cycle's reports"),
                                queryParameter("mandate", text, "Only reports on this mandate"),
                                queryParameter("country", text, "Only this country's reports"),
                                queryParameter("status", ref("ReportStatus"), "Only reports in this status"),
                                queryParameter("kind", ref("ReportKind"), "national or coordinator"),
                            ], errors: [400]),
                        "post": operation(
                            "File or revise a report: a delegate for its own country (authority {participant: "
                                + "CODE}), the Secretariat on a country's behalf",
                            ok: written("NationalReport"), okStatus: "201",
                            body: signed("report", ref("ReportFiling")), errors: write),
                    ]
                ),
                (
                    "/api/v1/reports/{cycle}/{mandate}/{participant}",
                    [
                        "get": operation(
                            "A report's current revision (participant: a country's code, or coordinator)",
                            ok: ref("NationalReport"), parameters: report, errors: [404])
                    ]
                ),
                (
                    "/api/v1/reports/{cycle}/{mandate}/{participant}/revisions",
                    [
                        "get": operation(
                            "Every revision of a report the reader may see, oldest first",
                            ok: [
                                "type": "object", "required": ["asOf", "items"],
                                "properties": [
                                    "asOf": ["type": "integer"],
                                    "items": ["type": "array", "items": ref("ReportRevision")],
                                ],
                            ], parameters: report, errors: [404])
                    ]
                ),
                (
                    "/api/v1/reports/{cycle}/{mandate}/{participant}/submit",
                    [
                        "post": operation(
                            "Submit a draft report as it stands", ok: written("NationalReport"), parameters: report,
                            body: signedOnly, errors: write)
                    ]
                ),
                (
                    "/api/v1/reports/{cycle}/{mandate}/{participant}/publish",
                    [
                        "post": operation(
                            "Publish a submitted report after review (the Secretariat)", ok: written("NationalReport"),
                            parameters: report, body: signedOnly, errors: write)
                    ]
                ),
            ]
    }
}

extension OpenAPISchemas {
    static var followUpSchemas: [(String, JSONValue)] {
        let localized = ref("LocalizedText")
        let date = ref("PartialDate")
        let integer: JSONValue = ["type": "integer"]
        let decimal: JSONValue = ["type": "string", "pattern": "^-?[0-9]+(\\.[0-9]+)?$"]
        let cell = object(
            ["mandate", "state", "events"],
            [
                ("mandate", text), ("country", text), ("state", strings(["none", "draft", "submitted", "late"])),
                ("report", text), ("status", ref("ReportStatus")), ("revision", integer), ("submitted", date),
                ("events", array(text)),
            ])
        return [
            ("ReportKind", strings(["national", "coordinator"])),
            ("ReportStatus", strings(["draft", "submitted", "published"])),
            ("IndicatorKind", strings(["quantitative", "qualitative"])),
            ("EventKind", strings(["workshop", "seminar", "symposium", "training", "meeting"])),
            ("OrganizerRole", strings(["organizer", "host", "in-cooperation-with", "under-the-auspices-of"])),
            (
                "ExternalPlan",
                object(
                    ["id", "title"],
                    [
                        ("id", code), ("title", localized), ("summit", localized), ("place", localized),
                        ("date", date),
                    ])
            ),
            (
                "Mandate",
                object(
                    ["id", "plan", "text", "coCoordinators", "activities"],
                    [
                        ("id", code), ("plan", code), ("paragraph", text), ("text", localized), ("theme", localized),
                        ("coordinator", text), ("coCoordinators", array(text)), ("activities", array(text)),
                    ])
            ),
            (
                "ReportingCycle",
                object(
                    ["id", "plan", "title"],
                    [
                        ("id", code), ("plan", code), ("title", localized), ("periodStart", date),
                        ("periodEnd", date), ("due", date), ("meeting", text),
                    ])
            ),
            (
                "ReportSections",
                object(
                    ["links"],
                    [
                        ("summary", localized), ("actions", localized), ("partnerships", localized),
                        ("financing", localized), ("beneficiaries", localized), ("limitations", localized),
                        ("nextSteps", localized), ("links", array(["type": "string", "format": "uri"])),
                    ])
            ),
            (
                "Indicator",
                object(
                    ["name", "kind"],
                    [
                        ("name", localized), ("kind", ref("IndicatorKind")), ("unit", text),
                        ("baseline", text), ("target", text), ("actual", text), ("note", localized),
                    ]
                ).merging([
                    "description": .string(
                        "A quantitative indicator needs a baseline and an actual value, each a decimal number "
                            + "written as a string"),
                    "if": ["properties": ["kind": ["const": "quantitative"]]],
                    "then": [
                        "required": ["baseline", "actual"],
                        "properties": ["baseline": decimal, "target": decimal, "actual": decimal],
                    ],
                ])
            ),
            (
                "ReportFiling",
                object(
                    [
                        "cycle", "mandate", "participant", "kind", "language", "sections", "events", "indicators",
                        "status",
                    ],
                    [
                        ("cycle", code), ("mandate", code), ("participant", text), ("kind", ref("ReportKind")),
                        ("language", ref("Language")), ("sections", ref("ReportSections")), ("events", array(text)),
                        ("indicators", array(ref("Indicator"))), ("status", ref("ReportStatus")),
                    ])
            ),
            (
                "NationalReport",
                object(
                    [
                        "id", "cycle", "mandate", "participant", "kind", "language", "sections", "events",
                        "indicators", "status", "revision", "recordedBy", "recorder",
                    ],
                    [
                        ("id", text), ("cycle", code), ("mandate", code), ("participant", text),
                        ("kind", ref("ReportKind")), ("language", ref("Language")),
                        ("sections", ref("ReportSections")), ("events", array(text)),
                        ("indicators", array(ref("Indicator"))), ("status", ref("ReportStatus")),
                        ("revision", integer), ("submitted", date),
                        ("recordedBy", strings(["delegation", "secretariat"])), ("recorder", text),
                    ])
            ),
            ("ReportRevision", object(["entry", "report"], [("entry", integer), ("report", ref("NationalReport"))])),
            (
                "Organizer",
                object(["role"], [("participant", text), ("name", localized), ("role", ref("OrganizerRole"))])
            ),
            (
                "Event",
                object(
                    ["id", "kind", "title", "organizers", "mandates", "activities"],
                    [
                        ("id", code), ("kind", ref("EventKind")), ("title", localized),
                        ("organizers", array(ref("Organizer"))), ("place", localized), ("start", date),
                        ("end", date), ("mandates", array(text)), ("activities", array(text)), ("series", text),
                        ("note", localized),
                    ])
            ),
            (
                "EventSeries",
                object(
                    ["id", "kind", "title", "everyMonths", "activities"],
                    [
                        ("id", code), ("kind", ref("EventKind")), ("title", localized),
                        ("everyMonths", ["type": "integer", "minimum": 1, "maximum": 120]),
                        ("atLeastEveryMonths", integer), ("activities", array(text)), ("note", localized),
                    ])
            ),
            (
                "SeriesAnswer",
                object(
                    ["series", "occurrences"],
                    [
                        ("series", ref("EventSeries")), ("occurrences", array(ref("Event"))), ("nextDue", date),
                        ("latest", date),
                    ])
            ),
            (
                "ReportMatrix",
                object(
                    ["cycle", "mandates", "countries", "cells", "coordinatorReports"],
                    [
                        ("cycle", code), ("mandates", array(text)), ("countries", array(text)),
                        ("cells", array(cell)), ("coordinatorReports", array(cell)),
                    ])
            ),
            (
                "MatrixAnswer",
                object(
                    ["asOf", "matrix", "notFiled", "totals"],
                    [
                        ("asOf", integer), ("matrix", ref("ReportMatrix")),
                        ("notFiled", ["type": "object", "additionalProperties": array(text)]),
                        ("totals", ["type": "object", "additionalProperties": integer]),
                    ])
            ),
        ]
    }
}
