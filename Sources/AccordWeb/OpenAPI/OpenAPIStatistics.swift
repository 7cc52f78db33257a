/// The statistics' routes (issue 21): SDMX structure and data, uploads, mappings, releases and codes. Kept in
/// one piece of its own so that it moves as a whole when the document is split into fragments.
extension OpenAPIDocument {
    static var statisticsPaths: [(String, JSONValue)] {
        let release = queryParameter(
            "release", ["type": "string"],
            "A release number, 'latest' (the default for all but the Secretariat) or 'committed' (the Secretariat's "
                + "default: the newest vintages, not yet published, without disclosure control)")
        let dataParameters = [
            queryParameter("startPeriod", ["type": "string"], "The first period: 2024, 2024-Q1, 2024-01 or 2024-01-31"),
            queryParameter("endPeriod", ["type": "string"], "The last period, written the same way"),
            queryParameter(
                "dimensionAtObservation", ["type": "string", "enum": ["TIME_PERIOD", "AllDimensions"]],
                "Time series (TIME_PERIOD, the default) or a flat list of observations (AllDimensions)"),
            queryParameter(
                "format", ["type": "string", "enum": ["xml", "json", "csv"]],
                "SDMX-ML 2.1 generic data (xml, the default), SDMX-JSON 2.0 or SDMX-CSV 2.0; or the Accept header"),
            release,
        ]
        let dataTypes = [
            "application/vnd.sdmx.genericdata+xml;version=2.1", "application/vnd.sdmx.data+json;version=2.0.0",
            "application/vnd.sdmx.data+csv;version=2.0.0",
        ]
        let structureType = ["application/vnd.sdmx.structure+xml;version=2.1"]
        let id = [pathParameter("id")]
        return [
            (
                "/api/v1/sdmx/structure",
                [
                    "get": download(
                        "The SDMX-ML 2.1 structure message: RCM:DSD_MIGR_FLOW(1.0), its codelists (es, en, fr), "
                            + "concept scheme and dataflows", types: structureType, parameters: [], errors: [])
                ]
            ),
            (
                "/api/v1/sdmx/structure/{type}/{agency}/{id}/{version}",
                [
                    "get": download(
                        "The structure message, when it holds the data structure, dataflow or codelist named",
                        types: structureType,
                        parameters: ["type", "agency", "id", "version"].map(pathParameter), errors: [400])
                ]
            ),
            (
                "/api/v1/sdmx/data/{flow}",
                [
                    "get": download(
                        "Every observation of a dataflow the reader may see, streamed", types: dataTypes,
                        parameters: [pathParameter("flow")] + dataParameters, errors: [400])
                ]
            ),
            (
                "/api/v1/sdmx/data/{flow}/{key}",
                [
                    "get": download(
                        "The observations of a dataflow matching an SDMX key (M.MEX+GTM.REMOVAL.....), streamed",
                        types: dataTypes, parameters: [pathParameter("flow"), pathParameter("key")] + dataParameters,
                        errors: [400])
                ]
            ),
            (
                "/api/v1/statistics/releases",
                [
                    "get": operation("The statistical releases, newest first", ok: array(ref("Release")), errors: []),
                    "post": operation(
                        "Publish a release: the newest vintage of every state and flow (the Secretariat)",
                        ok: ref("Entry"), okStatus: "201",
                        body: [
                            "type": "object", "required": ["date"],
                            "properties": ["date": ref("PartialDate"), "notes": ref("LocalizedText")],
                        ], errors: [400, 409, 413, 422]),
                ]
            ),
            (
                "/api/v1/statistics/vintages",
                [
                    "get": operation(
                        "The vintages the reader may see the record of (released ones for the public), newest first",
                        ok: array(ref("Vintage")), errors: [])
                ]
            ),
            (
                "/api/v1/statistics/uploads",
                [
                    "post": uploadOperation()
                ]
            ),
            (
                "/api/v1/statistics/uploads/{id}",
                [
                    "get": operation(
                        "A staged upload's preview, checked again against the record now", ok: ref("UploadPreview"),
                        parameters: id, errors: [404]),
                    "delete": noContent("Discard a staged upload", parameters: id, errors: [404]),
                ]
            ),
            (
                "/api/v1/statistics/uploads/{id}/commit",
                [
                    "post": operation(
                        "Commit a staged upload as the state's next vintage: one ledger entry, all or nothing",
                        ok: ref("Entry"), okStatus: "201",
                        parameters: id + [
                            queryParameter(
                                "expect", ["type": "integer", "minimum": 1],
                                "The vintage number the preview showed; refused (409) when another came in since")
                        ], errors: [400, 404, 409, 422])
                ]
            ),
            (
                "/api/v1/statistics/mappings/{area}",
                [
                    "get": operation(
                        "A member state's saved spreadsheet mappings, by name",
                        ok: ["type": "object", "additionalProperties": ref("SpreadsheetMapping")],
                        parameters: [pathParameter("area")], errors: [])
                ]
            ),
            (
                "/api/v1/statistics/mappings/{area}/{name}",
                [
                    "put": noContent(
                        "Save a spreadsheet mapping under a name",
                        parameters: [pathParameter("area"), pathParameter("name")],
                        body: ref("SpreadsheetMapping"), errors: [400, 413, 422])
                ]
            ),
            (
                "/api/v1/statistics/codes",
                [
                    "post": operation(
                        "Add a code to a codelist of the structure (the Secretariat), on an authority",
                        ok: written("CodeAddition"), okStatus: "201", body: signed("code", ref("CodeAddition")),
                        errors: [400, 409, 413, 422])
                ]
            ),
        ]
    }

    private static func array(_ items: JSONValue) -> JSONValue { ["type": "array", "items": items] }

    /// The upload: the file itself as the body, what it is in the query.
    private static func uploadOperation() -> JSONValue {
        let parameters = [
            queryParameter("flow", ["type": "string"], "The dataflow (DF_MIGR_RETURNS, …)"),
            queryParameter(
                "format", ["type": "string", "enum": ["sdmx-csv", "csv", "xlsx"]],
                "SDMX-CSV 2.0 (the default), or a spreadsheet's CSV or XLSX read through a saved mapping"),
            queryParameter("name", ["type": "string"], "The file's name"),
            queryParameter("area", ["type": "string"], "The reporting state (default: the delegate's own)"),
            queryParameter("mapping", ["type": "string"], "The name of one of the state's saved mappings"),
        ]
        return operation(
            "Stage an upload: read, checked by every rule (row, column, code and rule of each problem) and "
                + "previewed (observations added, changed, deleted); commit it with …/commit",
            ok: ref("UploadPreview"), okStatus: "201", parameters: parameters, errors: [400, 404, 413, 422]
        ).merging([
            "requestBody": [
                "required": true,
                "content": [
                    "application/octet-stream": ["schema": ["type": "string", "format": "binary"]],
                    "text/csv": ["schema": ["type": "string"]],
                ],
            ]
        ])
    }

    /// An operation that answers 204 with no body.
    private static func noContent(_ summary: String, parameters: [JSONValue], body: JSONValue? = nil, errors: [Int])
        -> JSONValue
    {
        let operation = operation(summary, ok: ["type": "object"], parameters: parameters, body: body, errors: errors)
        guard case .object(var fields) = operation, let index = fields.firstIndex(where: { $0.0 == "responses" }),
            case .object(var responses) = fields[index].1
        else { return operation }
        responses[0] = ("204", ["description": "Done"])
        fields[index].1 = .object(responses)
        return .object(fields)
    }
}

extension OpenAPISchemas {
    static var statisticsSchemas: [(String, JSONValue)] {
        let digest: JSONValue = ["type": "string", "pattern": "^[0-9a-f]{64}$"]
        let count: JSONValue = ["type": "integer", "minimum": 0]
        return [
            (
                "Release",
                object(
                    ["number", "date", "vintages"],
                    [
                        ("number", ["type": "integer", "minimum": 1]), ("date", ref("PartialDate")),
                        ("vintages", array(text)), ("notes", ref("LocalizedText")),
                    ])
            ),
            (
                "Vintage",
                object(
                    ["id", "flow", "area", "number", "sequence", "file", "data"],
                    [
                        ("id", text), ("flow", text), ("area", text), ("number", ["type": "integer", "minimum": 1]),
                        ("sequence", ["type": "integer", "minimum": 1]),
                        (
                            "file",
                            object(
                                ["name", "format", "sha256", "bytes"],
                                [("name", text), ("format", text), ("sha256", digest), ("bytes", count)])
                        ),
                        ("data", object(["sha256", "observations"], [("sha256", digest), ("observations", count)])),
                    ])
            ),
            (
                "CodeAddition",
                object(
                    ["codelist", "code", "names"],
                    [("codelist", text), ("code", text), ("names", ref("LocalizedText"))])
            ),
            (
                "SpreadsheetMapping",
                object(
                    ["headerRow", "columns", "constants", "labels"],
                    [
                        ("sheet", text), ("headerRow", ["type": "integer", "minimum": 1]),
                        ("columns", ["type": "object", "additionalProperties": text]),
                        ("constants", ["type": "object", "additionalProperties": text]),
                        (
                            "labels",
                            [
                                "type": "object",
                                "additionalProperties": ["type": "object", "additionalProperties": text],
                            ]
                        ),
                        ("countryNames", ref("Language")),
                    ])
            ),
            (
                "UploadPreview",
                object(
                    [
                        "flow", "area", "format", "fileName", "sha256", "vintage", "canCommit", "observations",
                        "errors",
                        "counts", "problems",
                    ],
                    [
                        ("id", text), ("flow", text), ("area", text), ("format", text), ("fileName", text),
                        ("sha256", digest), ("vintage", ["type": "integer", "minimum": 1]),
                        ("canCommit", ["type": "boolean"]), ("observations", count), ("errors", count),
                        ("counts", ["type": "object", "additionalProperties": count]),
                        (
                            "problems",
                            array(
                                object(
                                    ["severity", "rule", "message"],
                                    [
                                        ("severity", strings(["error", "warning"])), ("rule", text),
                                        ("row", ["type": "integer"]), ("column", text), ("code", text),
                                        ("message", text),
                                    ]))
                        ),
                        (
                            "changes",
                            object(
                                ["added", "changed", "deleted", "unchanged", "samples"],
                                [
                                    ("added", count), ("changed", count), ("deleted", count), ("unchanged", count),
                                    (
                                        "samples",
                                        array(object(["key"], [("key", text), ("before", text), ("after", text)]))
                                    ),
                                ])
                        ),
                    ])
            ),
        ]
    }
}
