/// The downloads of documents and exchange formats, and the plan's CSV import.
extension OpenAPIDocument {
    static var exportPaths: [(String, JSONValue)] {
        let lang = queryParameter(
            "lang", ["type": "string", "default": "en"], "es, en or fr; documents also take two side by side (es,en)")
        let single = queryParameter("lang", ref("Language"), "es, en or fr (default en)")
        let code = [pathParameter("code")]
        return [
            (
                "/api/v1/exports/plan",
                [
                    "get": download(
                        "The Plan of Action (current version, annexes, archive) as a document, or as CSV",
                        types: [
                            docx, "text/html; charset=utf-8", "text/markdown; charset=utf-8", "text/csv; charset=utf-8",
                            "application/pdf",
                        ],
                        parameters: [
                            queryParameter(
                                "format", ["type": "string", "enum": ["docx", "html", "md", "csv", "pdf"]],
                                "docx (default), html, md, csv or pdf (pdf needs LibreOffice on the server)"),
                            lang,
                            queryParameter("edition", ["type": "integer", "minimum": 1], "A published edition"),
                        ], errors: [400, 422])
                ]
            ),
            (
                "/api/v1/exports/agenda/{code}",
                [
                    "get": download(
                        "A meeting's agenda as DOCX (to the public, observers and readers once it is approved)",
                        types: [docx], parameters: code + [lang], errors: [404, 422])
                ]
            ),
            (
                "/api/v1/exports/conclusions/{code}",
                [
                    "get": download(
                        "A meeting's conclusions as DOCX", types: [docx], parameters: code + [lang], errors: [422])
                ]
            ),
            (
                "/api/v1/exports/statement/{code}",
                [
                    "get": download(
                        "A meeting's decisions as an Akoma Ntoso 3.0 statement", types: ["application/akn+xml"],
                        parameters: code + [single], errors: [400, 422])
                ]
            ),
            (
                "/api/v1/exports/amendment/{code}",
                [
                    "get": download(
                        "A proposal as an Akoma Ntoso 3.0 amendment", types: ["application/akn+xml"],
                        parameters: code + [single], errors: [400, 404])
                ]
            ),
            (
                "/api/v1/exports/popolo",
                [
                    "get": download(
                        "Participants, memberships and decisions with positions as Popolo JSON",
                        types: ["application/json"], parameters: [single], errors: [400])
                ]
            ),
            (
                "/api/v1/exports/calendar",
                [
                    "get": download(
                        "Meetings (VEVENT) and target dates (VTODO) as iCalendar",
                        types: ["text/calendar; charset=utf-8"], parameters: [single], errors: [400])
                ]
            ),
            (
                "/api/v1/imports/plan",
                [
                    "post": operation(
                        "Read a plan CSV against the record: its diff, or every problem by row and column; "
                            + "with apply, append its changes in one transaction",
                        ok: ref("ImportResult"),
                        body: [
                            "type": "object", "required": ["authority", "csv"],
                            "properties": [
                                "authority": ref("Authority"),
                                "csv": ["type": "string", "description": "The CSV file's text, as exported"],
                                "apply": [
                                    "type": "boolean", "default": false,
                                    "description": "Append the changes (true) or only show them (false)",
                                ],
                            ],
                        ], errors: [400, 409, 413, 422])
                ]
            ),
        ]
    }

    private static let docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    /// A GET whose success is a file of one of `types`, downloaded as an attachment.
    static func download(
        _ summary: String, types: [String], parameters: [JSONValue], errors: [Int]
    ) -> JSONValue {
        let operation = operation(summary, ok: ["type": "string"], parameters: parameters, errors: errors + [404])
        let content = JSONValue.object(types.map { ($0, ["schema": ["type": "string", "format": "binary"]]) })
        // The generic operation declares a JSON success; a download replaces just that response.
        guard case .object(var fields) = operation, let index = fields.firstIndex(where: { $0.0 == "responses" }),
            case .object(var responses) = fields[index].1
        else { return operation }
        responses[0] = ("200", ["description": "The file, as an attachment", "content": content])
        fields[index].1 = .object(responses)
        return .object(fields)
    }
}

extension OpenAPISchemas {
    static var exportSchemas: [(String, JSONValue)] {
        [
            (
                "ImportResult",
                object(
                    ["applied", "diff", "changes", "entries"],
                    [
                        ("applied", ["type": "boolean"]),
                        (
                            "diff",
                            array(
                                object(
                                    ["row", "number", "field", "old", "new"],
                                    [
                                        ("row", ["type": "integer"]), ("number", text), ("field", text),
                                        ("old", text), ("new", text),
                                    ]))
                        ),
                        ("changes", ["type": "integer"]), ("entries", array(ref("Entry"))),
                    ])
            )
        ]
    }
}
